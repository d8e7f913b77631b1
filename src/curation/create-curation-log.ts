// The curation log in Meilisearch, an index of its own (<prefix>curations): every operation with its
// time, arguments, status and counts. It is the source of truth for corrections: every process folds it.
import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { NewsgraphError } from '../errors.js';
import { quote } from '../search/build-filter.js';
import { guard } from '../search/create-search-index.js';
import { ensureIndex, taskError } from '../search/ensure-index.js';
import { waitForTask } from '../search/wait-for-task.js';
import type { Curation } from './types.js';

export interface CurationLog {
  setup(): Promise<void>;
  /** Writes a curation (new, or its new status and counts) and waits until Meilisearch holds it. */
  put(curation: Curation): Promise<void>;
  get(id: string): Promise<Curation | undefined>;
  /** Newest first. */
  list(options: { limit: number; offset: number }): Promise<{ total: number; curations: Curation[] }>;
  /** The whole log, oldest first. */
  all(): Promise<Curation[]>;
}

export const DEFAULTS = { taskTimeoutMs: 60_000, pageSize: 1_000 };

export function createCurationLog(client: Meilisearch, prefix: string): CurationLog {
  const uid = `${prefix}curations`;
  const index = client.index<Curation>(uid);
  const settled = (enqueued: Promise<EnqueuedTask>) => waitForTask(client, enqueued, DEFAULTS.taskTimeoutMs);
  const check = (task: { status: string; error?: { message: string } | null; uid: number }, what: string) => {
    if (task.status !== 'succeeded') {
      throw new NewsgraphError('search_error', `curations: ${what}: ${taskError(task as never)}`);
    }
  };
  return {
    setup: () =>
      guard(async () => {
        const settings = { filterableAttributes: ['id', 'status'], sortableAttributes: ['seq'] };
        await ensureIndex(client, uid, settings, 'curations', DEFAULTS.taskTimeoutMs);
      }),
    put: (curation) =>
      guard(async () => {
        check(await settled(index.addDocuments([curation], { primaryKey: 'id' })), `writing ${curation.id}`);
      }),
    get: (id) =>
      guard(async () => {
        const found = await index.getDocuments({ filter: [`id = ${quote(id)}`], limit: 1 });
        const curation = found.results[0];
        return curation?.id === id ? curation : undefined;
      }),
    list: ({ limit, offset }) =>
      guard(async () => {
        const response = await index.search('', { sort: ['seq:desc'], limit, offset });
        return { total: response.estimatedTotalHits ?? response.hits.length, curations: response.hits };
      }),
    all: () =>
      guard(async () => {
        const all: Curation[] = [];
        for (let offset = 0; ; offset += DEFAULTS.pageSize) {
          const page = await index.getDocuments({ limit: DEFAULTS.pageSize, offset });
          all.push(...page.results);
          if (page.results.length < DEFAULTS.pageSize) break;
        }
        return all.sort((a, b) => a.seq - b.seq);
      }),
  };
}
