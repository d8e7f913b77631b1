// A plain .txt file is one article. Its id is the file name; its first line is taken as the title only
// where it looks like one: followed by a blank line, or short and without sentence punctuation.
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileId } from './file-id.js';
import type { IngestItem } from './types.js';
import { validateArticle } from './validate-article.js';

export const DEFAULTS = { maxTitleWords: 20 };

/** Splits a text into title and body where its first line is a title. */
export function splitTitle(text: string): { title: string | null; body: string } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^[ \t]*(\S[^\n]*)\n(\s*\n)?/.exec(normalized);
  if (!match || match[1] === undefined) return { title: null, body: normalized };
  const first = match[1].trim();
  const rest = normalized.slice(match[0].length);
  const blankAfter = match[2] !== undefined;
  const looksLikeTitle = first.split(/\s+/).length <= DEFAULTS.maxTitleWords && !/[.!?:;,"“”»«]$/.test(first);
  if (rest.trim() === '' || !(blankAfter || looksLikeTitle)) return { title: null, body: normalized };
  return { title: first, body: rest };
}

/** Reads one .txt article; the id is the file name without extension, made safe for Meilisearch. */
export async function* readTextFile(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  const where = { file, line: 1 };
  const id = fileId(file);
  if ((await stat(file)).size > maxChars * 4) {
    input.destroy();
    yield { ok: false, where, id, reason: `file is larger than ${maxChars * 4} bytes` };
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) chunks.push(chunk);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    yield { ok: false, where, id, reason: 'not valid UTF-8' };
    return;
  }
  const { title, body } = splitTitle(text);
  const result = validateArticle({ id, title, body }, { maxChars });
  yield 'article' in result ? { ok: true, article: result.article, where } : { ok: false, where, ...result };
}
