// Reads a large unlabeled plain text (one paragraph a line, optionally gzipped) into normalised token lists,
// for the case profile: how often a word is capitalised inside sentences.

import { normalizeToken } from './normalize-token.js';
import { readTextMaybeGzipped } from './read-text-maybe-gzipped.js';
import { tokenizePlainText } from './tokenize-plain-text.js';

/**
 * Yields the (cased, normalised) tokens of every non-empty line of the text file at `path`, one line at a
 * time: 12.9M words held as token arrays would crowd the heap.
 */
export async function readPlainParagraphs(path: string): Promise<Iterable<string[]>> {
  const text = await readTextMaybeGzipped(path, 'readPlainParagraphs');
  return (function* () {
    for (let from = 0; from < text.length;) {
      const end = text.indexOf('\n', from);
      const line = text.slice(from, end === -1 ? text.length : end);
      from = end === -1 ? text.length : end + 1;
      const tokens = tokenizePlainText(line).map((t) => normalizeToken(t));
      if (tokens.length > 0) yield tokens;
    }
  })();
}
