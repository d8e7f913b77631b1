// An RSS, Atom or JSON Feed file: each item becomes an article (feedToArticles). A file that is no feed is
// one rejection naming the parser's reason.
import type { Readable } from 'node:stream';
import { feedToArticles, parseNewsFeed } from './feed-to-articles.js';
import { readBounded } from './read-bounded.js';
import type { IngestItem } from './types.js';

export async function* readFeedFile(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  const limit = maxChars * 64;
  const bytes = await readBounded(input, limit);
  if (!bytes) {
    yield { ok: false, where: { file, line: 0 }, reason: `feed is larger than ${limit} bytes` };
    return;
  }
  let feed;
  try {
    feed = parseNewsFeed(bytes.toString('utf8'));
  } catch (cause) {
    yield { ok: false, where: { file, line: 0 }, reason: `not a feed: ${(cause as Error).message}` };
    return;
  }
  yield* feedToArticles(feed, file, maxChars);
}
