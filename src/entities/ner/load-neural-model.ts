// Loads a BiLSTM-CRF model file (NER=neural) from disk; kept apart from `parseNeuralModel` so callers that
// already hold the bytes need no file system.

import { readFile } from 'node:fs/promises';
import { NerModelError } from './ner-model-error.js';
import { parseNeuralModel, type NeuralModel } from './parse-neural-model.js';

/** Reads and parses the neural model at `path`; throws `NerModelError` if it is missing or invalid. */
export async function loadNeuralModel(path: string): Promise<NeuralModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new NerModelError('ner_model_invalid', `loadNeuralModel: cannot read ${path}`, { cause });
  }
  return parseNeuralModel(bytes);
}
