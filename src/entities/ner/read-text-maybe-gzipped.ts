// Reads a corpus file as UTF-8 text, gunzipped when its name ends in .gz, with an error that names the
// reader and the file.

import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { NerModelError } from './ner-model-error.js';

/** The text of `path`; `reader` names the caller in the error. */
export async function readTextMaybeGzipped(path: string, reader: string): Promise<string> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (cause) {
    throw new NerModelError('ner_corpus_invalid', `${reader}: cannot read ${path}`, { cause });
  }
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}
