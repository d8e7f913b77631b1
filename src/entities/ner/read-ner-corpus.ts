// Reads one NER corpus file from disk and parses it; a thin file-system wrapper over `parseNerCorpus`
// that reports a missing corpus with a clear, coded error.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NerModelError } from './ner-model-error.js';
import { parseNerCorpus } from './parse-ner-corpus.js';
import type { NerCorpusFile } from './ner-corpus-files.js';
import type { TaggedSentence } from './types.js';

/** Reads `file` under `corpusRoot` into IOB2 sentences over API labels. */
export async function readNerCorpus(corpusRoot: string, file: NerCorpusFile): Promise<TaggedSentence[]> {
  const path = join(corpusRoot, file.path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new NerModelError('ner_corpus_invalid', `readNerCorpus: cannot read ${path}`, { cause });
  }
  return parseNerCorpus(text, file.format);
}
