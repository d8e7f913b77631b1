// Loads a serialised NER model from disk. Kept apart from `parseModel` so callers that already hold the
// bytes (tests, bundles) need no file system.

import { readFile } from 'node:fs/promises';
import { NerModelError } from './ner-model-error.js';
import { parseModel } from './parse-model.js';
import type { NerModel } from './types.js';

/** Reads and parses the model at `path`; throws `NerModelError` if it is missing or invalid. */
export async function loadModel(path: string): Promise<NerModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new NerModelError('ner_model_invalid', `loadModel: cannot read ${path}`, { cause });
  }
  return parseModel(bytes);
}
