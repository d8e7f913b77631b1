// Reads a news JSON Lines file (one article per line with `title` and `body`) into normalised token
// lists, one per paragraph, as unlabeled input for word clusters and the case profile.

import { readFile } from 'node:fs/promises';
import { NerModelError } from './ner-model-error.js';
import { normalizeToken } from './normalize-token.js';
import { tokenizePlainText } from './tokenize-plain-text.js';

/** Returns the (cased, normalised) tokens of every title and paragraph in the JSONL file at `path`. */
export async function readNewsSentences(path: string): Promise<string[][]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new NerModelError('ner_corpus_invalid', `readNewsSentences: cannot read ${path}`, { cause });
  }
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const article = JSON.parse(line) as { title?: string | null; body?: string };
    const parts = [article.title ?? '', ...(article.body ?? '').split(/\n+/)];
    for (const part of parts) {
      const tokens = tokenizePlainText(part).map((t) => normalizeToken(t));
      if (tokens.length > 0) out.push(tokens);
    }
  }
  return out;
}
