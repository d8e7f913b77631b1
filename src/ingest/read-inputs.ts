// Expands the paths given to the indexer (files and folders, folders recursively in name order) and
// reads each by its extension: .jsonl/.ndjson, .json (an array, or a JSON Feed), .txt, .html/.htm, feeds
// (.rss, .atom, .xml), WARC (.warc), any of them also as .gz. Other files are reported and skipped, so pointing the indexer at a folder never fails on a stray
// README.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { extractPage } from './extract-page.js';
import { readHtmlFile } from './read-html-file.js';
import { readFeedFile } from './read-feed-file.js';
import { readJsonFile } from './read-json-file.js';
import { readWarcFile } from './read-warc-file.js';
import { readJsonLines } from './read-json-lines.js';
import { readTextFile } from './read-text-file.js';
import type { IngestItem, ReadPage } from './types.js';

type Reader = (
  file: string,
  input: Readable,
  maxChars: number,
  readPage: ReadPage,
) => AsyncGenerator<IngestItem>;

const READERS: Record<string, Reader> = {
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
  '.json': readJsonFile,
  '.txt': readTextFile,
  '.html': readHtmlFile,
  '.htm': readHtmlFile,
  '.rss': readFeedFile,
  '.atom': readFeedFile,
  '.xml': readFeedFile,
  '.warc': readWarcFile,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/** Reads pages on the calling thread. */
export const readPageInProcess: ReadPage = (html, url) => Promise.resolve(extractPage(html, url));

/** The reader of a file by its extension; "x.html.gz" is read as .html through gunzip (warcio unzips WARCs). */
function readerOf(file: string): { reader: Reader; gzip: boolean } | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.warc.gz')) return { reader: readWarcFile, gzip: false };
  const gzip = lower.endsWith('.gz');
  const reader = READERS[path.extname(gzip ? lower.slice(0, -3) : lower)];
  return reader ? { reader, gzip } : undefined;
}

async function* expand(target: string): AsyncGenerator<string> {
  const info = await stat(target);
  if (!info.isDirectory()) {
    yield target;
    return;
  }
  const entries = (await readdir(target, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) yield* expand(child);
    else if (readerOf(entry.name)) yield child;
  }
}

/** The files the targets expand to, with their total size in bytes (for progress and ETA). */
export async function listInputs(targets: readonly string[]): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  for (const target of targets) {
    try {
      for await (const file of expand(target)) {
        files.push(file);
        bytes += (await stat(file)).size;
      }
    } catch {
      // reported by readInputs
    }
  }
  return { files, bytes };
}

/**
 * All records of all inputs, in order; unreadable paths become rejections, not exceptions. Each item's
 * `where.offset` counts the bytes of all inputs read so far.
 */
export async function* readInputs(
  targets: readonly string[],
  maxChars: number,
  readPage: ReadPage = readPageInProcess,
): AsyncGenerator<IngestItem> {
  let base = 0;
  for (const target of targets) {
    const files: string[] = [];
    try {
      for await (const file of expand(target)) files.push(file);
    } catch (cause) {
      yield {
        ok: false,
        where: { file: target, line: 0 },
        reason: `cannot read: ${(cause as Error).message}`,
      };
      continue;
    }
    for (const file of files) {
      const found = readerOf(file);
      if (!found) {
        yield {
          ok: false,
          where: { file, line: 0 },
          reason: `unsupported file type (use ${SUPPORTED_EXTENSIONS.join(', ')}, each also as .gz)`,
        };
        continue;
      }
      const input = createReadStream(file);
      const stream = found.gzip ? input.pipe(createGunzip()) : input;
      try {
        for await (const item of found.reader(file, stream, maxChars, readPage)) {
          item.where.offset = base + input.bytesRead;
          yield item;
        }
      } catch (cause) {
        yield { ok: false, where: { file, line: 0 }, reason: `cannot read: ${(cause as Error).message}` };
      } finally {
        stream.destroy();
        input.destroy();
      }
      base += input.bytesRead;
    }
  }
}
