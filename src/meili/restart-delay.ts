// How long the supervisor waits before restarting a Meilisearch that exited unexpectedly: 0.5 s, doubling
// with each restart that did not come back healthy, at most 30 s. A pure function, so the schedule is
// tested without waiting for it.

export const DEFAULTS = { firstMs: 500, maxMs: 30_000 };

/** The delay before restart number `restarts + 1` (`restarts` failed restarts in a row so far). */
export function restartDelay(restarts: number, options: typeof DEFAULTS = DEFAULTS): number {
  return Math.min(options.maxMs, options.firstMs * 2 ** Math.max(0, restarts));
}
