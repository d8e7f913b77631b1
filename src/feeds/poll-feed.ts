// One poll of a subscribed feed: robots.txt asked first, then a conditional request with the validators of
// the last full answer; a 304 reads nothing. Of the items read, only those not in the index yet are
// returned, so a poll never re-extracts an article it already has.
import { FetchError, fetchUrl, type FetchLimits } from '../ingest/fetch-url.js';
import { fetchedToArticles, isFeed, type ReadUrlDeps } from '../ingest/read-url.js';
import type { IngestItem } from '../ingest/types.js';
import type { Feed } from './types.js';

export interface PollDeps extends Omit<ReadUrlDeps, 'limits'> {
  limits: FetchLimits;
  robotsAllow: (url: string) => Promise<boolean>;
  /** Which of these article ids the index holds already. */
  known: (ids: string[]) => Promise<Set<string>>;
}

export interface PollResult {
  notModified: boolean;
  /** Items to index: new articles, and rejections of items that could not be read. */
  items: IngestItem[];
  etag: string | null;
  lastModified: string | null;
}

export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollResult> {
  if (!(await deps.robotsAllow(feed.url))) {
    throw new FetchError(
      'robots_disallowed',
      `feeds: robots.txt of ${new URL(feed.url).origin} disallows ${feed.url}`,
    );
  }
  const fetched = await fetchUrl(feed.url, deps.limits, { etag: feed.etag, lastModified: feed.lastModified });
  if (fetched.status === 304) {
    return { notModified: true, items: [], etag: feed.etag, lastModified: feed.lastModified };
  }
  if (!isFeed(fetched)) {
    throw new FetchError(
      'not_a_feed',
      `feeds: ${feed.url} is ${fetched.contentType || 'of no declared type'}, not a feed`,
    );
  }
  const read = await fetchedToArticles(fetched, feed.url, deps);
  const known = await deps.known(read.flatMap((item) => (item.ok ? [item.article.id] : [])));
  return {
    notModified: false,
    items: read.filter((item) => !item.ok || !known.has(item.article.id)),
    etag: fetched.etag,
    lastModified: fetched.lastModified,
  };
}
