// Creates a Meilisearch index unless it exists, and applies its settings, waiting for both: what every store
// of newsgraph (articles and entities, the graph index, feeds, curations) does at set-up. Settings are applied
// each time, so a newer version's settings reach an index an older one made.
import { MeilisearchApiError, type Meilisearch, type Settings, type Task } from 'meilisearch';
import { NewsgraphError } from '../errors.js';
import { waitForTask } from './wait-for-task.js';

export const DEFAULTS = { timeoutMs: 10 * 60_000 };

/** The task's error message, or its state when it has none. */
export function taskError(task: Task): string {
  return task.error?.message ?? `task ${task.uid} ${task.status}`;
}

/**
 * Makes sure index `uid` exists (primary key `id`) with `settings`; `who` starts the error messages
 * ("feeds: settings of news_feeds: …"). Resolves to whether the index existed before.
 */
export async function ensureIndex(
  client: Meilisearch,
  uid: string,
  settings: Settings,
  who: string,
  timeoutMs: number = DEFAULTS.timeoutMs,
): Promise<boolean> {
  let existed = true;
  try {
    await client.getIndex(uid);
  } catch (cause) {
    if (!(cause instanceof MeilisearchApiError) || cause.cause?.code !== 'index_not_found') throw cause;
    existed = false;
    const task = await waitForTask(client, client.createIndex(uid, { primaryKey: 'id' }), timeoutMs);
    // Another process may have made it in the meantime.
    if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists') {
      throw new NewsgraphError('search_error', `${who}: cannot create index ${uid}: ${taskError(task)}`);
    }
  }
  const task = await waitForTask(client, client.index(uid).updateSettings(settings), timeoutMs);
  if (task.status !== 'succeeded') {
    throw new NewsgraphError('search_error', `${who}: settings of ${uid}: ${taskError(task)}`);
  }
  return existed;
}
