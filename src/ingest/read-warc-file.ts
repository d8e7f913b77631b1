// A WARC or WARC.gz file (warcio streams it record by record, so memory stays bounded): each HTML response
// or resource record becomes an article through the same page reading as an .html file, with its target
// URI as url. A record whose block is shorter than its Content-Length (a truncated capture) is rejected
// with its offset, and reading goes on with the next record: in a WARC.gz each record is its own gzip
// member, an uncompressed WARC is cut at record headers first (split-warc-records.ts). Other records
// (requests, metadata, non-HTML) are skipped.
import type { Readable } from 'node:stream';
import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { decodeHtml } from './decode-html.js';
import { pageToArticle } from './page-to-article.js';
import { splitWarcRecords } from './split-warc-records.js';
import type { IngestItem, ReadPage, RecordLocation } from './types.js';
import { urlId } from './url-id.js';

/** Pages read ahead on the page pool while earlier ones are yielded. */
export const DEFAULTS = { lookahead: 4 };

const HTML = /^(text\/html|application\/xhtml\+xml)\b/i;

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const end = body.indexOf('\r\n', at);
    if (end < 0) break;
    const size = parseInt(body.subarray(at, end).toString('latin1'), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

// Servers mislabel: a body declared gzip that does not start with the gzip magic is taken as it is.
function decodeBody(raw: Buffer, headers: Map<string, string>): Buffer {
  const body = /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(raw) : raw;
  const encoding = headers.get('content-encoding') ?? '';
  if (/gzip/i.test(encoding) && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body);
  if (/deflate/i.test(encoding)) return inflateSync(body);
  if (/\bbr\b/i.test(encoding)) return brotliDecompressSync(body);
  return body;
}

/**
 * The HTTP status, headers and body of a response block. Parsed here rather than by warcio, which
 * looks for CRLF CRLF only and so reads into the body of captures whose headers end in bare LFs.
 */
function splitHttp(block: Buffer): { status: number; headers: Map<string, string>; body: Buffer } {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  const [end, gap] = lf >= 0 && (crlf < 0 || lf < crlf) ? [lf, 2] : [crlf, 4];
  const head = block.subarray(0, Math.max(end, 0)).toString('latin1').split(/\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
  return { status, headers, body: end < 0 ? Buffer.alloc(0) : block.subarray(end + gap) };
}

type Block = { html: string; url: string | null; id: string | undefined };

/** The record's page, read fully before the parser moves on; a rejection, or undefined for other records. */
async function readBlock(
  record: WARCRecord,
  where: RecordLocation,
  maxChars: number,
): Promise<Block | IngestItem | undefined> {
  const type = record.warcType;
  if (type !== 'response' && type !== 'resource') return undefined;
  if (type === 'resource' && !HTML.test(record.warcContentType ?? '')) return undefined;
  const url = (record.warcTargetURI ?? '').replace(/^<|>$/g, '') || null;
  const id = url ? urlId(url) : undefined;
  const block = Buffer.from(await record.readFully(false));
  const declared = Number(record.warcHeaders.headers.get('Content-Length'));
  const truncated = Number.isFinite(declared) && block.length < declared;
  let contentType = record.warcContentType ?? null;
  let body: Buffer = block;
  let headers = new Map<string, string>();
  if (type === 'response') {
    const http = splitHttp(block);
    if (http.status < 200 || http.status >= 300) return undefined;
    contentType = http.headers.get('content-type') ?? null;
    headers = http.headers;
    body = http.body;
  }
  if (!HTML.test(contentType ?? '')) return undefined;
  if (truncated) {
    return { ok: false, where, id, reason: `truncated record: ${block.length} of ${declared} bytes` };
  }
  try {
    const decoded = decodeBody(body, headers);
    if (decoded.length > maxChars * 8) {
      return { ok: false, where, id, reason: `page is larger than ${maxChars * 8} bytes` };
    }
    return { html: decodeHtml(decoded, contentType), url, id };
  } catch (cause) {
    return { ok: false, where, id, reason: `corrupt record: ${(cause as Error).message}` };
  }
}

async function readArticle(
  block: Block,
  where: RecordLocation,
  maxChars: number,
  readPage: ReadPage,
): Promise<IngestItem> {
  try {
    // The target URI, not the page's canonical URL: it is the address the archive knows the page by, and
    // GET /search?url= finds the page by it (as a fetched page is found by the URL given).
    const page = await readPage(block.html, block.url);
    return pageToArticle({ ...page, url: block.url ?? page.url }, { id: block.id, where, maxChars });
  } catch (cause) {
    return { ok: false, where, id: block.id, reason: (cause as Error).message };
  }
}

type Piece = { record: WARCRecord; offset: number } | { reason: string; offset: number };

/** The records of a WARC (warcio reads a WARC.gz member by member; an uncompressed one is cut first). */
async function* records(input: Readable): AsyncGenerator<Piece> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  if (first.done) return;
  const stream = (async function* () {
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
  if (first.value[0] === 0x1f && first.value[1] === 0x8b) {
    const parser = new WARCParser(stream, { parseHttp: false });
    for await (const record of parser) yield { record, offset: parser.offset };
    return;
  }
  for await (const piece of splitWarcRecords(stream)) {
    if ('reason' in piece) yield piece;
    else {
      const record = await WARCParser.parse([piece.bytes], { parseHttp: false });
      if (record) yield { record, offset: piece.offset };
    }
  }
}

/** Streams the HTML records of a WARC file as articles, in file order. */
export async function* readWarcFile(
  file: string,
  input: Readable,
  maxChars: number,
  readPage: ReadPage,
): AsyncGenerator<IngestItem> {
  const ahead: Array<Promise<IngestItem | undefined>> = [];
  let number = 0;
  let offset = 0;
  try {
    for await (const piece of records(input)) {
      number += 1;
      offset = piece.offset;
      const where = { file, line: number, position: `WARC offset ${piece.offset}` };
      // The block is read before the parser moves on; the page itself is read in the background.
      const block =
        'reason' in piece
          ? ({ ok: false, where, reason: `corrupt record: ${piece.reason}` } as const)
          : await readBlock(piece.record, where, maxChars);
      if (block === undefined) continue;
      ahead.push(Promise.resolve('html' in block ? readArticle(block, where, maxChars, readPage) : block));
      while (ahead.length > DEFAULTS.lookahead) {
        const item = await ahead.shift();
        if (item) yield item;
      }
    }
  } catch (cause) {
    for (const pending of ahead.splice(0)) {
      const item = await pending;
      if (item) yield item;
    }
    yield {
      ok: false,
      where: { file, line: number + 1, position: `WARC offset ${offset}` },
      reason: `corrupt WARC, reading stopped: ${(cause as Error).message}`,
    };
    return;
  }
  for (const pending of ahead.splice(0)) {
    const item = await pending;
    if (item) yield item;
  }
}
