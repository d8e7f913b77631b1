// Types of the feed stage: a subscription as Meilisearch keeps it (so it survives restarts) and as the
// API shows it.

export interface FeedError {
  code: string;
  message: string;
}

export interface Feed {
  id: string;
  url: string;
  intervalMinutes: number;
  /** When the feed was last asked for (ISO), whatever the answer; null before the first poll. */
  lastFetched: string | null;
  /** Articles indexed from this feed so far. */
  items: number;
  lastError: FeedError | null;
  /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** Polls failed in a row: each doubles the wait before the next (back-off). */
  failures: number;
  /** When the next poll is due, in ms since the epoch. */
  nextPoll: number;
  /**
   * The API process polling it now, until when (ms since the epoch): several processes on one index poll
   * each feed once. Absent in subscriptions written before it.
   */
  claim?: FeedClaim | null;
}

export interface FeedClaim {
  by: string;
  until: number;
}

/** A subscription as GET /feeds lists it. */
export type FeedView = Pick<
  Feed,
  'id' | 'url' | 'intervalMinutes' | 'lastFetched' | 'items' | 'lastError'
> & {
  nextPoll: string;
};

export function feedView(feed: Feed): FeedView {
  const { id, url, intervalMinutes, lastFetched, items, lastError } = feed;
  return {
    id,
    url,
    intervalMinutes,
    lastFetched,
    items,
    lastError,
    nextPoll: new Date(feed.nextPoll).toISOString(),
  };
}
