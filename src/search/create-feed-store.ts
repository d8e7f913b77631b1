// Feed subscriptions in an index of their own (`<prefix>feeds`), so they live where everything else lives
// and survive restarts and rebuilds. The index is made on first use.
import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { NewsgraphError } from '../errors.js';
import type { Feed } from '../feeds/types.js';
import { guard } from './create-search-index.js';
import { ensureIndex, taskError } from './ensure-index.js';
import { quote } from './build-filter.js';
import { waitForTask } from './wait-for-task.js';

export interface FeedStore {
  list(): Promise<Feed[]>;
  get(id: string): Promise<Feed | undefined>;
  put(feed: Feed): Promise<void>;
  remove(id: string): Promise<boolean>;
}

export const DEFAULTS = { maxFeeds: 10_000, taskTimeoutMs: 60_000 };

export function createFeedStore(client: Meilisearch, prefix: string): FeedStore {
  const feeds = client.index<Feed>(`${prefix}feeds`);
  const settled = (enqueued: Promise<EnqueuedTask>) => waitForTask(client, enqueued, DEFAULTS.taskTimeoutMs);
  let ready: Promise<void> | undefined;

  const ensure = (): Promise<void> => {
    ready ??= (async () => {
      await ensureIndex(client, feeds.uid, { filterableAttributes: ['id'] }, 'feeds', DEFAULTS.taskTimeoutMs);
    })().catch((cause: unknown) => {
      ready = undefined;
      throw cause;
    });
    return ready;
  };

  const written = async (task: ReturnType<typeof feeds.addDocuments>, what: string): Promise<void> => {
    const done = await settled(task);
    if (done.status !== 'succeeded')
      throw new NewsgraphError('search_error', `feeds: ${what}: ${taskError(done)}`);
  };

  return {
    list: () =>
      guard(async () => {
        await ensure();
        return (await feeds.getDocuments({ limit: DEFAULTS.maxFeeds })).results;
      }),
    get: (id) =>
      guard(async () => {
        await ensure();
        return (await feeds.getDocuments({ filter: [`id = ${quote(id)}`], limit: 1 })).results[0];
      }),
    put: (feed) =>
      guard(async () => {
        await ensure();
        await written(feeds.addDocuments([feed], { primaryKey: 'id' }), `writing ${feed.id}`);
      }),
    remove: (id) =>
      guard(async () => {
        await ensure();
        const found = await feeds.getDocuments({ filter: [`id = ${quote(id)}`], limit: 1, fields: ['id'] });
        if (found.results.length === 0) return false;
        await written(feeds.deleteDocument(id), `deleting ${id}`);
        return true;
      }),
  };
}
