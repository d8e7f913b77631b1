// Entity extraction on worker threads, so that it runs beside Meilisearch indexing and the API's event
// loop instead of on them. Each worker loads the entity stage from the same files; batches go to the worker
// with the least work queued. With no threads, batches run in-process.
import { Worker } from 'node:worker_threads';
import { NewsgraphError } from '../errors.js';
import type { Extract } from './create-extractor.js';
import type { TaggerFiles } from './load-taggers.js';
import type { Extraction, KbEntity } from './types.js';

export interface ExtractorFiles {
  kbFiles: readonly string[];
  givenNamesFile: string;
  /** The German and English tagger models (NER=tagger). */
  taggerFiles?: TaggerFiles;
  /** Knowledge-base entities over the files' (the curation log's corrections). */
  overlay?: readonly KbEntity[];
}

export interface ExtractionInput {
  text: string;
  lang?: string | null;
}

export type ExtractionOutcome = { ok: true; extraction: Extraction } | { ok: false; reason: string };

/** Extracts a batch of texts; outcomes come back in input order, one bad text fails alone. */
export type ExtractMany = (inputs: readonly ExtractionInput[]) => Promise<ExtractionOutcome[]>;

export interface ExtractionPool {
  extractMany: ExtractMany;
  threads: number;
  /** Every worker extracts the texts sent after this call with the knowledge base plus `overlay`. */
  setOverlay(overlay: readonly KbEntity[]): void;
  close(): Promise<void>;
}

export type PoolRequest =
  { id: number; inputs: readonly ExtractionInput[] } | { overlay: readonly KbEntity[] };

export type PoolResponse = { ready: true } | { id: number; outcomes: ExtractionOutcome[] };

/** Runs batches on the calling thread: for tests, tiny inputs and EXTRACT_THREADS=0. */
export function extractInProcess(extract: Extract): ExtractMany {
  return (inputs) =>
    Promise.resolve(
      inputs.map(({ text, lang }): ExtractionOutcome => {
        try {
          return { ok: true, extraction: extract(text, lang) };
        } catch (cause) {
          return { ok: false, reason: (cause as Error).message };
        }
      }),
    );
}

interface Pending {
  resolve: (outcomes: ExtractionOutcome[]) => void;
  reject: (cause: Error) => void;
  size: number;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  queued: number;
  /** Set once the worker has loaded the entity stage: one that fails before is not started again. */
  ready: boolean;
}

// tsx compiles the worker's TypeScript; when this file is already JavaScript the worker needs no loader.
function spawn(files: ExtractorFiles): Worker {
  const url = new URL(
    `./extraction-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: files });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: files });
}

/** Starts `threads` extraction workers. Idle workers do not keep the process alive. */
export function createExtractionPool(given: ExtractorFiles, threads: number): ExtractionPool {
  // A worker started again after a crash gets the overlay in force, not the first one.
  let files = given;
  let nextId = 0;
  let closed = false;
  let broken: Error | undefined;
  const workers: PoolWorker[] = [];

  const start = (slot: number): PoolWorker => {
    const entry: PoolWorker = {
      worker: spawn(files),
      pending: new Map(),
      queued: 0,
      ready: false,
    };
    entry.worker.unref();
    entry.worker.on('message', (response: PoolResponse) => {
      if ('ready' in response) {
        entry.ready = true;
        return;
      }
      const { id, outcomes } = response;
      const job = entry.pending.get(id);
      if (!job) return;
      entry.pending.delete(id);
      entry.queued -= job.size;
      if (entry.pending.size === 0) entry.worker.unref();
      job.resolve(outcomes);
    });
    const fail = (cause: Error): void => {
      const error = new NewsgraphError('extraction_failed', `extraction: worker stopped: ${cause.message}`, {
        cause,
      });
      for (const job of entry.pending.values()) job.reject(error);
      entry.pending.clear();
      entry.queued = 0;
      if (closed || workers[slot] !== entry) return;
      if (entry.ready) workers[slot] = start(slot);
      else broken ??= error;
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return entry;
  };
  for (let slot = 0; slot < threads; slot++) workers.push(start(slot));

  return {
    threads,
    extractMany: (inputs) => {
      if (broken) return Promise.reject(broken);
      if (inputs.length === 0) return Promise.resolve([]);
      const entry = workers.reduce((least, candidate) =>
        candidate.queued < least.queued ? candidate : least,
      );
      const id = nextId++;
      return new Promise((resolve, reject) => {
        entry.worker.postMessage({ id, inputs } satisfies PoolRequest);
        entry.pending.set(id, { resolve, reject, size: inputs.length });
        entry.queued += inputs.length;
        entry.worker.ref();
      });
    },
    setOverlay: (overlay) => {
      files = { ...files, overlay };
      for (const entry of workers) entry.worker.postMessage({ overlay } satisfies PoolRequest);
    },
    close: async () => {
      closed = true;
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}
