// A JSON file holding an array of articles, read as a stream: a small scanner finds where each top-level
// element starts and ends (tracking strings and nesting), so only one element is in memory at a time and
// each rejection can name the line the element starts on.
import type { Readable } from 'node:stream';
import type { IngestItem } from './types.js';
import { validateArticle } from './validate-article.js';

/** Streams the elements of a JSON array file; a file that is not an array is one rejection. */
export async function* readJsonArray(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  const maxElementChars = maxChars + 64 * 1024;
  let line = 1;
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let tooLong = false;

  const emit = (): IngestItem | undefined => {
    const text = element.trim();
    element = '';
    const where = { file, line: elementLine };
    if (tooLong) {
      tooLong = false;
      return { ok: false, where, reason: `element is longer than ${maxElementChars} characters` };
    }
    if (text === '') return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      return { ok: false, where, reason: `not valid JSON: ${(cause as Error).message}` };
    }
    const result = validateArticle(raw, { maxChars });
    return 'article' in result
      ? { ok: true, article: result.article, where }
      : { ok: false, where, ...result };
  };

  for await (const chunk of input.setEncoding('utf8') as AsyncIterable<string>) {
    // The element's text in this chunk is appended as one slice, from `from` to the boundary.
    let from = 0;
    const take = (to: number): void => {
      if (tooLong || to <= from) return;
      element += chunk.slice(from, to);
      if (element.length > maxElementChars) {
        tooLong = true;
        element = '';
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i] as string;
      if (char === '\n') line += 1;
      if (!started) {
        if (char === '[') {
          started = true;
          from = i + 1;
          elementLine = line;
        } else if (!/[\s\uFEFF]/.test(char)) {
          yield { ok: false, where: { file, line }, reason: 'a .json file must hold an array of articles' };
          return;
        }
        continue;
      }
      if (ended) continue;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
      } else if (char === '"') {
        inString = true;
      } else if (char === '{' || char === '[') {
        if (depth === 0 && element.trim() === '' && chunk.slice(from, i).trim() === '') elementLine = line;
        depth += 1;
      } else if (char === '}' || (char === ']' && depth > 0)) {
        depth -= 1;
      } else if ((char === ',' || char === ']') && depth === 0) {
        take(i);
        from = i + 1;
        const item = emit();
        if (item) yield item;
        if (char === ']') ended = true;
        elementLine = line;
      }
    }
    if (!ended) take(chunk.length);
  }
  if (!ended) {
    yield { ok: false, where: { file, line }, reason: 'the JSON array is not closed (file truncated?)' };
  }
}
