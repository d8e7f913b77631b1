// jsdom, loaded on first use: importing it costs a process about 80 MB of RSS (31 MB of heap, measured
// 2026-12-07, docs/index-mode.md), and the API reads pages with linkedom on its page pool's threads, so the
// main thread of a server that never falls back to jsdom never needs it.
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';

/** The jsdom module; Node's module cache makes every call after the first a look-up. */
export function loadJsdom(): typeof Jsdom {
  return createRequire(import.meta.url)('jsdom') as typeof Jsdom;
}
