// Reads word clusters learned elsewhere from large text (GermaParl's fastText vectors grouped by k-means at
// several granularities): `word<TAB>id<TAB>id...` lines, case kept, a `#` header. Each word's levels are
// joined by `|`, the form `compileLexicon` reads as flat cluster levels rather than a bit-string path.

import { NerModelError } from './ner-model-error.js';
import { normalizeToken } from './normalize-token.js';
import { readTextMaybeGzipped } from './read-text-maybe-gzipped.js';

/** Returns the cased word -> `id|id|...` map of the (optionally gzipped) cluster file at `path`. */
export async function readFlatClusters(path: string): Promise<Map<string, string>> {
  const text = await readTextMaybeGzipped(path, 'readFlatClusters');
  const clusters = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, ...levels] = line.split('\t');
    if (!word || levels.length === 0 || levels.some((id) => !/^\d+$/.test(id))) {
      throw new NerModelError('ner_corpus_invalid', `readFlatClusters: ${path}: bad line "${line}"`);
    }
    const key = normalizeToken(word);
    if (!clusters.has(key)) clusters.set(key, levels.join('|'));
  }
  return clusters;
}
