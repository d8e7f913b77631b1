// A .json file is an array of articles, or a JSON Feed (an object whose "version" names jsonfeed.org).
// The first bytes decide: an array streams through readJsonArray; an object is read whole as a feed.
import { Readable } from 'node:stream';
import { readFeedFile } from './read-feed-file.js';
import { readJsonArray } from './read-json-array.js';
import type { IngestItem } from './types.js';

export async function* readJsonFile(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  const chunks = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done
    ? ''
    : first.value
        .toString('utf8', 0, 64)
        .replace(/^\uFEFF/, '')
        .trimStart();
  const replay = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  if (head.startsWith('{')) yield* readFeedFile(file, replay, maxChars);
  else yield* readJsonArray(file, replay, maxChars);
}
