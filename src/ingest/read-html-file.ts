// An .html or .htm file is one page, read into one article: its main text and metadata (extractPage, run
// by `readPage`, which may be a worker pool). The id is the file name without its extensions.
import type { Readable } from 'node:stream';
import { decodeHtml } from './decode-html.js';
import { fileId } from './file-id.js';
import { pageToArticle } from './page-to-article.js';
import { readBounded } from './read-bounded.js';
import type { IngestItem, ReadPage } from './types.js';

/** Reads one page file; a file over 8 bytes per allowed character is refused unread. */
export async function* readHtmlFile(
  file: string,
  input: Readable,
  maxChars: number,
  readPage: ReadPage,
): AsyncGenerator<IngestItem> {
  const where = { file, line: 1 };
  const id = fileId(file);
  const limit = maxChars * 8;
  const bytes = await readBounded(input, limit);
  if (!bytes) {
    yield { ok: false, where, id, reason: `page is larger than ${limit} bytes` };
    return;
  }
  const page = await readPage(decodeHtml(bytes), null);
  yield pageToArticle(page, { id, where, maxChars });
}
