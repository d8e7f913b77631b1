// JSON Lines: one article per line. Blank lines are skipped; a line that is not UTF-8, not JSON, or not a
// valid article, is rejected with its file and line, and the reader goes on.
import type { Readable } from 'node:stream';
import { readLines } from './read-lines.js';
import type { IngestItem } from './types.js';
import { validateArticle } from './validate-article.js';

/** Streams the records of a JSON Lines file. */
export async function* readJsonLines(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  // A record is its body plus a little JSON around it; UTF-8 takes up to 4 bytes a character.
  const maxBytes = maxChars * 4 + 64 * 1024;
  for await (const { number, text, problem } of readLines(input, maxBytes)) {
    const where = { file, line: number };
    if (text === undefined) {
      const reason = problem === 'invalid_utf8' ? 'not valid UTF-8' : `line is longer than ${maxBytes} bytes`;
      yield { ok: false, where, reason };
      continue;
    }
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      yield { ok: false, where, reason: `not valid JSON: ${(cause as Error).message}` };
      continue;
    }
    const result = validateArticle(raw, { maxChars });
    yield 'article' in result
      ? { ok: true, article: result.article, where }
      : { ok: false, where, ...result };
  }
}
