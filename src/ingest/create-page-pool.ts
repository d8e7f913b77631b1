// Reads HTML pages on worker threads: parsing and Readability take tens of milliseconds a page (jsdom, the
// fallback, hundreds), which on the main thread would stall Meilisearch writes and the API. Pages go to the worker with the fewest
// pages queued; a worker that dies is replaced and its pages are sent once more. A worker is also retired
// after DEFAULTS.recycleAfter pages (it takes no new ones and stops when its queue is empty): a worker's
// memory grew with every page read in a long WARC run (2026-12-05, when many pages went to jsdom). Since
// 2026-12-07 a worker reading 1,828 pages without renewal stays flat, and a new one costs about a second
// (docs/web-ingest.md, "linkedom, patched"), so renewal is rare.
import { Worker } from 'node:worker_threads';
import { NewsgraphError } from '../errors.js';
import type { PageContent } from './extract-page.js';
import type { ReadPage } from './types.js';

export interface PagePool {
  readPage: ReadPage;
  close(): Promise<void>;
}

/**
 * A worker's heap is capped (a worker's memory grew by about a megabyte a page in a WARC of 1,000 pages),
 * and a worker is retired after `recycleAfter` pages.
 */
export const DEFAULTS = { recycleAfter: 1_000, maxHeapMb: 1024 };

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
  /** Takes no new pages and stops once its queue is empty (it has read its quota). */
  retiring: boolean;
  pending: Map<number, Job>;
}

interface Job {
  html: string;
  url: string | null;
  /** Set once the page was sent again after its worker died: a second death fails it. */
  retried: boolean;
  resolve: (page: PageContent) => void;
  reject: (cause: Error) => void;
}

/** Starts `threads` page readers (at least one). Idle workers do not keep the process alive. */
export function createPagePool(threads: number): PagePool {
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];
  const start = (index: number): Slot => {
    const slot: Slot = { worker: spawn(), pending: new Map(), done: 0, retiring: false };
    slot.worker.unref();
    slot.worker.on('message', (response: PageResponse) => {
      const job = slot.pending.get(response.id);
      if (!job) return;
      slot.pending.delete(response.id);
      slot.done += 1;
      if (slot.pending.size === 0) slot.worker.unref();
      if (!slot.retiring && slot.done >= DEFAULTS.recycleAfter && !closed) {
        slot.retiring = true;
        slots[index] = start(index);
      }
      if (slot.retiring && slot.pending.size === 0) void slot.worker.terminate();
      if ('page' in response) job.resolve(response.page);
      else job.reject(new NewsgraphError('page_unreadable', `page reader: ${response.error}`));
    });
    const fail = (cause: Error): void => {
      const jobs = [...slot.pending.values()];
      slot.pending.clear();
      if (!closed && slots[index] === slot) slots[index] = start(index);
      for (const job of jobs) {
        if (!closed && !job.retried) {
          send({ ...job, retried: true });
          continue;
        }
        job.reject(new NewsgraphError('page_unreadable', `page reader stopped: ${cause.message}`, { cause }));
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return slot;
  };
  const send = (job: Job): void => {
    const slot = slots.reduce((least, candidate) =>
      candidate.pending.size < least.pending.size ? candidate : least,
    );
    const id = nextId++;
    slot.pending.set(id, job);
    slot.worker.ref();
    slot.worker.postMessage({ id, html: job.html, url: job.url } satisfies PageRequest);
  };
  for (let index = 0; index < Math.max(1, threads); index++) slots.push(start(index));

  return {
    readPage: (html, url) =>
      new Promise((resolve, reject) => send({ html, url, retried: false, resolve, reject })),
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
