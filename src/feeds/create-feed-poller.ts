// Feed subscriptions at work: subscribe (first poll at once), unsubscribe, poll now, and a timer that polls
// every feed when due. A poll that fails waits twice as long as the one before it (from the feed's own
// interval up to maxBackoffMinutes); a good one resets that. New items go through the same pipeline as
// every other article. The state of each feed is written back to its store after each poll. Several API
// processes on one index share the subscriptions: before a timed poll a process claims the feed in the
// store, and the last claim written wins (Meilisearch applies writes in order; see DEFAULTS).
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FeedsConfig } from '../config.js';
import { NotFoundError } from '../errors.js';
import { checkUrl, FetchError } from '../ingest/fetch-url.js';
import type { IngestItem } from '../ingest/types.js';
import type { Logger } from '../logger.js';
import type { IndexSummary, Rejection } from '../pipeline.js';
import type { FeedStore } from '../search/create-feed-store.js';
import { pollFeed, type PollDeps } from './poll-feed.js';
import type { Feed } from './types.js';

export const DEFAULTS = {
  /**
   * How long a claim holds: longer than a poll takes (fetch time-out and indexing its items); a process
   * that dies while polling leaves a claim that others wait out.
   */
  claimMs: 10 * 60_000,
  /**
   * Wait between writing a claim and reading it back. Processes that saw the feed due at the same time
   * each write their claim; once every claim written within this wait is applied, only the last one's
   * writer reads back its own and polls. A second poll needs a process to take longer than this between
   * reading the feed and writing its claim; it would index nothing new (known items are skipped).
   */
  settleMs: 1_000,
};

export interface FeedPoller {
  subscribe(url: string, intervalMinutes?: number): Promise<Feed>;
  unsubscribe(id: string): Promise<boolean>;
  /** Polls one feed now; `indexed` counts its new articles. */
  refresh(id: string): Promise<{ feed: Feed; indexed: number }>;
  list(): Promise<Feed[]>;
  /** Starts polling due feeds every checkEveryMs; returns a function that stops it. */
  start(): () => void;
}

export interface FeedPollerDeps {
  store: FeedStore;
  poll: PollDeps;
  indexArticles(items: AsyncIterable<IngestItem>, onReject: (r: Rejection) => void): Promise<IndexSummary>;
  config: FeedsConfig;
  logger: Logger;
  now?: () => number;
  /** This process's name in claims; random by default. */
  instance?: string;
  claims?: Partial<typeof DEFAULTS>;
}

export function feedId(url: string): string {
  return `feed-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

async function* each(items: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* items;
}

export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const { store, config, logger } = deps;
  const now = deps.now ?? Date.now;
  const running = new Map<string, Promise<{ feed: Feed; indexed: number }>>();
  const instance = deps.instance ?? randomUUID();
  const { claimMs, settleMs } = { ...DEFAULTS, ...deps.claims };

  const claimedByOther = (feed: Feed): boolean =>
    !!feed.claim && feed.claim.by !== instance && feed.claim.until > now();

  /** The feed as claimed by this process, or undefined where another process's claim was written last. */
  const claim = async (feed: Feed): Promise<Feed | undefined> => {
    await store.put({ ...feed, claim: { by: instance, until: now() + claimMs } });
    await sleep(settleMs);
    const stored = await store.get(feed.id);
    return stored?.claim?.by === instance ? stored : undefined;
  };

  const backoff = (feed: Feed, failures: number): number =>
    Math.min(feed.intervalMinutes * 2 ** failures, config.maxBackoffMinutes) * 60_000;

  const pollNow = async (feed: Feed): Promise<{ feed: Feed; indexed: number }> => {
    const started = now();
    let next: Feed;
    let indexed = 0;
    try {
      const result = await pollFeed(feed, deps.poll);
      if (result.items.length > 0) {
        const summary = await deps.indexArticles(each(result.items), (rejection) =>
          logger.warn(`feeds: ${rejection.where.file} item ${rejection.where.line}: ${rejection.reason}`),
        );
        indexed = summary.indexed;
      }
      next = {
        ...feed,
        lastFetched: new Date(started).toISOString(),
        items: feed.items + indexed,
        lastError: null,
        etag: result.etag,
        lastModified: result.lastModified,
        failures: 0,
        nextPoll: started + feed.intervalMinutes * 60_000,
        claim: null,
      };
    } catch (cause) {
      const error = cause as Error & { code?: string };
      const failures = feed.failures + 1;
      next = {
        ...feed,
        lastFetched: new Date(started).toISOString(),
        lastError: { code: error.code ?? 'internal_error', message: error.message },
        failures,
        nextPoll: started + backoff(feed, failures),
        claim: null,
      };
      logger.warn(`feeds: ${feed.url}: ${error.message} (poll ${failures} failed in a row)`);
    }
    // Unsubscribed while it was polled: stays unsubscribed.
    if (await store.get(feed.id)) await store.put(next);
    return { feed: next, indexed };
  };

  /** One poll per feed at a time: a refresh during a timed poll waits for that poll. */
  const poll = (feed: Feed): Promise<{ feed: Feed; indexed: number }> => {
    const under = running.get(feed.id);
    if (under) return under;
    const started = pollNow(feed).finally(() => running.delete(feed.id));
    running.set(feed.id, started);
    return started;
  };

  return {
    async subscribe(url, intervalMinutes = config.defaultIntervalMinutes) {
      checkUrl(url);
      const id = feedId(url);
      const existing = await store.get(id);
      const feed: Feed = existing
        ? { ...existing, intervalMinutes }
        : {
            id,
            url,
            intervalMinutes,
            lastFetched: null,
            items: 0,
            lastError: null,
            etag: null,
            lastModified: null,
            failures: 0,
            nextPoll: now(),
          };
      await store.put(feed);
      const polled = (await poll(feed)).feed;
      // A new subscription whose address is refused is not kept: the refusal is the answer.
      if (!existing && polled.lastError?.code === 'url_not_allowed') {
        await store.remove(id);
        throw new FetchError('url_not_allowed', polled.lastError.message);
      }
      return polled;
    },

    unsubscribe: (id) => store.remove(id),

    async refresh(id) {
      const feed = await store.get(id);
      if (!feed) throw new NotFoundError(`feeds: no feed "${id}"`);
      return poll(feed);
    },

    list: () => store.list(),

    start() {
      let checking = false;
      const timer = setInterval(() => {
        if (checking) return;
        checking = true;
        (async () => {
          for (const feed of await store.list()) {
            if (feed.nextPoll > now() || claimedByOther(feed) || running.has(feed.id)) continue;
            const claimed = await claim(feed);
            if (claimed) await poll(claimed);
          }
        })()
          .catch((cause: Error) => logger.warn(`feeds: cannot poll: ${cause.message}`))
          .finally(() => {
            checking = false;
          });
      }, config.checkEveryMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
