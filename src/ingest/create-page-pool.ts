// Reads HTML pages on worker threads: jsdom and Readability take a good part of a second a page, which on
// the main thread would stall Meilisearch writes and the API. Pages go to the worker with the fewest
// pages queued; a worker that dies fails its pages and is replaced. A worker is also replaced, when idle,
// after DEFAULTS.recycleAfter pages: a worker's memory grew with every page read in a long WARC run.
import { Worker } from 'node:worker_threads';
import { NewsgraphError } from '../errors.js';
import type { PageContent } from './extract-page.js';
import type { ReadPage } from './types.js';

export interface PagePool {
  readPage: ReadPage;
  close(): Promise<void>;
}

/**
 * A worker's heap is capped so that V8 collects it as it goes (uncapped, a worker's memory grew by about a
 * megabyte a page in a WARC of 1,000 pages), and a worker is replaced after `recycleAfter` pages.
 */
export const DEFAULTS = { recycleAfter: 100, maxHeapMb: 512 };

export interface PageRequest {
  id: number;
  html: string;
  url: string | null;
}

export type PageResponse = { id: number; page: PageContent } | { id: number; error: string };

// tsx compiles the worker's TypeScript; when this file is already JavaScript the worker needs no loader.
function spawn(): Worker {
  const url = new URL(`./page-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: DEFAULTS.maxHeapMb };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

interface Slot {
  worker: Worker;
  /** Pages answered so far. */
  done: number;
  pending: Map<number, { resolve: (page: PageContent) => void; reject: (cause: Error) => void }>;
}

/** Starts `threads` page readers (at least one). Idle workers do not keep the process alive. */
export function createPagePool(threads: number): PagePool {
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];
  const start = (index: number): Slot => {
    const slot: Slot = { worker: spawn(), pending: new Map(), done: 0 };
    slot.worker.unref();
    slot.worker.on('message', (response: PageResponse) => {
      const job = slot.pending.get(response.id);
      if (!job) return;
      slot.pending.delete(response.id);
      slot.done += 1;
      if (slot.pending.size === 0) slot.worker.unref();
      if (slot.pending.size === 0 && slot.done >= DEFAULTS.recycleAfter && !closed) {
        slots[index] = start(index);
        void slot.worker.terminate();
      }
      if ('page' in response) job.resolve(response.page);
      else job.reject(new NewsgraphError('page_unreadable', `page reader: ${response.error}`));
    });
    const fail = (cause: Error): void => {
      for (const job of slot.pending.values()) {
        job.reject(new NewsgraphError('page_unreadable', `page reader stopped: ${cause.message}`, { cause }));
      }
      slot.pending.clear();
      if (!closed && slots[index] === slot) slots[index] = start(index);
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return slot;
  };
  for (let index = 0; index < Math.max(1, threads); index++) slots.push(start(index));

  return {
    readPage: (html, url) => {
      const slot = slots.reduce((least, candidate) =>
        candidate.pending.size < least.pending.size ? candidate : least,
      );
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, html, url } satisfies PageRequest);
      });
    },
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
