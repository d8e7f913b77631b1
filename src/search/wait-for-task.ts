// Waiting for a Meilisearch task. The client's own waitForTask (meilisearch 0.62) hands one AbortSignal to
// every poll, and each poll leaves a listener on it: a batch Meilisearch took a minute to index was polled
// about 1,700 times, and Node warned of a leak. Here each poll is a request of its own, and the interval
// grows, so a long task is asked about a few hundred times at most.
import { MeilisearchTaskTimeOutError, type EnqueuedTask, type Meilisearch, type Task } from 'meilisearch';

export const DEFAULTS = { timeoutMs: 10 * 60_000, firstIntervalMs: 10, maxIntervalMs: 250 };

/** The task once Meilisearch has finished it (succeeded, failed or canceled). */
export async function waitForTask(
  client: Meilisearch,
  enqueued: EnqueuedTask | Promise<EnqueuedTask>,
  timeoutMs: number = DEFAULTS.timeoutMs,
): Promise<Task> {
  const { taskUid } = await enqueued;
  const deadline = Date.now() + timeoutMs;
  let interval = DEFAULTS.firstIntervalMs;
  for (;;) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    if (Date.now() >= deadline) throw new MeilisearchTaskTimeOutError(taskUid, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(interval * 2, DEFAULTS.maxIntervalMs);
  }
}
