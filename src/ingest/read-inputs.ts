// Expands the paths given to the indexer (files and folders, folders recursively in name order) and
// reads each by its extension: .jsonl/.ndjson, .json (an array), .txt. Other files are reported and
// skipped, so pointing the indexer at a folder never fails on a stray README.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import { readJsonArray } from './read-json-array.js';
import { readJsonLines } from './read-json-lines.js';
import { readTextFile } from './read-text-file.js';
import type { IngestItem } from './types.js';

type Reader = (file: string, input: Readable, maxChars: number) => AsyncGenerator<IngestItem>;

const READERS: Record<string, Reader> = {
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
  '.json': readJsonArray,
  '.txt': readTextFile,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

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
    else if (READERS[path.extname(entry.name).toLowerCase()]) yield child;
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
export async function* readInputs(targets: readonly string[], maxChars: number): AsyncGenerator<IngestItem> {
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
      const reader = READERS[path.extname(file).toLowerCase()];
      if (!reader) {
        yield {
          ok: false,
          where: { file, line: 0 },
          reason: `unsupported file type (use ${SUPPORTED_EXTENSIONS.join(', ')})`,
        };
        continue;
      }
      const input = createReadStream(file);
      try {
        for await (const item of reader(file, input, maxChars)) {
          item.where.offset = base + input.bytesRead;
          yield item;
        }
      } catch (cause) {
        yield { ok: false, where: { file, line: 0 }, reason: `cannot read: ${(cause as Error).message}` };
      } finally {
        input.destroy();
      }
      base += input.bytesRead;
    }
  }
}
