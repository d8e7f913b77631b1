// A simple tokenizer for unlabeled text used to learn word clusters: words with inner hyphens, dots or
// apostrophes stay whole, every other non-space character is a token, as in the CoNLL/GermEval files.

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Splits `text` into tokens. */
export function tokenizePlainText(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
