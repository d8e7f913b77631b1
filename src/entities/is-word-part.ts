// Whether a token span is part of a longer hyphenated word ("Ukraine" in "Ukraine-Krise", "US" in
// "US-Präsident", "Russia" in "Russia-Ukraine"): the tokenizer splits such words at their hyphens.
import type { Token } from './types.js';

function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** True when tokens [start, end) are joined by a tight hyphen to a word before or after them. */
export function isWordPart(tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[end];
  const hyphenBefore =
    before?.value === '-' && glued(before, tokens[start]) && glued(tokens[start - 2], before);
  const hyphenAfter = after?.value === '-' && glued(tokens[end - 1], after) && glued(after, tokens[end + 1]);
  return hyphenBefore || hyphenAfter;
}
