// Whether a token span is part of a longer hyphenated word ("Ukraine" in "Ukraine-Krise", "US" in
// "US-Präsident", "Russia" in "Russia-Ukraine"): the tokenizer splits such words at their hyphens.
import { isTightHyphen } from './is-tight-hyphen.js';
import type { Token } from './types.js';

/** True when tokens [start, end) are joined by a tight hyphen to a word before or after them. */
export function isWordPart(tokens: readonly Token[], start: number, end: number): boolean {
  return isTightHyphen(tokens, start - 1) || isTightHyphen(tokens, end);
}
