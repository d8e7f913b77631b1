// Reads the three NER corpus layouts into IOB2 sentences over API labels: GermEval TSV (index, token,
// outer, nested; `#` comments), token-per-line `token tag` files (BIOES), and CoNLL-2003 `token POS chunk NE`.

import { mapTag } from './map-label.js';
import type { TaggedSentence } from './types.js';

/** Corpus layouts `parseNerCorpus` understands. */
export type NerCorpusFormat = 'germeval-tsv' | 'token-tag' | 'conll2003';

/**
 * Parses corpus `text` in `format`; tags are mapped to IOB2 over API labels. A `-DOCSTART-` line starts a
 * new document: the sentences after it carry its index in `doc`.
 */
export function parseNerCorpus(text: string, format: NerCorpusFormat): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  let doc = -1;
  const flush = (): void => {
    if (current.tokens.length > 0) {
      if (doc >= 0) current.doc = doc;
      sentences.push(current);
    }
    current = { tokens: [], tags: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (format === 'germeval-tsv') {
      if (line.startsWith('#')) continue;
      const cols = line.split('\t');
      current.tokens.push(cols[1] ?? '');
      current.tags.push(mapTag(cols[2] ?? 'O'));
      continue;
    }
    const cols = line.split(format === 'conll2003' ? ' ' : /\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      continue;
    }
    const tag = cols[cols.length - 1] ?? 'O';
    current.tokens.push(cols.slice(0, format === 'conll2003' ? 1 : -1).join(' '));
    current.tags.push(mapTag(tag));
  }
  flush();
  return sentences;
}
