// Whether token `at` is a hyphen written tight between two tokens ("Ukraine-Krise", "Mikl-Leitner"): the
// tokenizer splits hyphenated words there, and the finders join or mark them by this one test.
import type { Token } from './types.js';

/** True when tokens[at] is "-" with no space to the token before it or to the one after it. */
export function isTightHyphen(tokens: readonly Token[], at: number): boolean {
  const hyphen = tokens[at];
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  return hyphen?.value === '-' && before?.end === hyphen.start && after?.start === hyphen.end;
}
