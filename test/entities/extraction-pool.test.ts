// The extraction pool runs the same entity stage on worker threads: it must answer exactly what the
// in-process extractor answers, in input order, let one bad text fail alone, and survive a lost worker.
import { readFileSync } from 'node:fs';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createExtractionPool, extractInProcess } from '../../src/entities/extraction-pool.js';
import { loadExtractor } from '../../src/entities/load-extractor.js';
import { GIVEN_NAMES_FILE, loadShippedTaggers, TAGGER_FILES } from '../../src/open-search.js';
import { SAMPLE } from '../helpers/test-newsgraph.js';

// The real Worker class, with each instance recorded so that a test can kill one as a crash would.
const spawned = vi.hoisted(() => [] as Worker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof WorkerThreads>();
  class RecordedWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      spawned.push(this);
    }
  }
  return { ...original, Worker: RecordedWorker };
});

const files = { kbFiles: loadConfig({}).kbFiles, givenNamesFile: GIVEN_NAMES_FILE };
const pool = createExtractionPool(files, 2);
afterAll(() => pool.close());

const inputs = [
  { text: readFileSync(SAMPLE, 'utf8'), lang: 'de' },
  { text: 'Joe Biden met Xi Jinping in San Francisco. Biden said little.', lang: 'en' },
  { text: 'Olaf Scholz telefonierte mit Emmanuel Macron über die Ukraine.' },
  { text: '', lang: 'de' },
];

describe('extraction on worker threads', () => {
  it('answers what the in-process extractor answers, in input order', async () => {
    const expected = await extractInProcess(loadExtractor(files).extract)(inputs);
    const [first, second] = await Promise.all([pool.extractMany(inputs), pool.extractMany(inputs)]);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(expected.every((outcome) => outcome.ok)).toBe(true);
    expect(expected[1]?.ok && expected[1].extraction.entities.map((entity) => entity.id)).toContain(
      'xi-jinping',
    );
  });

  it('runs the statistical taggers in the workers when asked (NER=perceptron), as in-process', async () => {
    const tagged = createExtractionPool({ ...files, taggerFiles: TAGGER_FILES }, 1);
    try {
      const inProcess = loadExtractor({ ...files, taggers: await loadShippedTaggers() }).extract;
      const text = {
        text: 'Der Vorstand der Hamburger Reederei Hapag-Lloyd traf sich in Bremen.',
        lang: 'de',
      };
      const [outcome] = await tagged.extractMany([text]);
      expect(outcome).toEqual((await extractInProcess(inProcess)([text]))[0]);
      const [plain] = await pool.extractMany([text]);
      expect(outcome).not.toEqual(plain);
    } finally {
      await tagged.close();
    }
  });

  it('lets a text that cannot be extracted fail alone, with its reason', async () => {
    const outcomes = await pool.extractMany([
      inputs[1] as (typeof inputs)[number],
      { text: 42 as unknown as string, lang: 'en' },
      inputs[2] as (typeof inputs)[number],
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[1]?.ok === false && outcomes[1].reason).toMatch(/\w/);
  });

  it('refuses an input it cannot send to a worker, and loses nothing queued', async () => {
    const unsendable = [{ text: (() => '') as unknown as string }];
    await expect(pool.extractMany(unsendable)).rejects.toThrow();
    expect((await pool.extractMany(inputs.slice(1, 2)))[0]?.ok).toBe(true);
  });

  it('reports a worker that cannot load the entity stage instead of starting it again and again', async () => {
    const broken = createExtractionPool({ ...files, givenNamesFile: '/nonexistent/given-names.json' }, 1);
    try {
      await expect(broken.extractMany(inputs.slice(0, 1))).rejects.toThrow(/extraction: worker stopped/);
      await expect(broken.extractMany(inputs.slice(0, 1))).rejects.toThrow(/given-names/);
    } finally {
      await broken.close();
    }
  });

  it('replaces a worker that dies: its batch fails with a reason, the next batches are extracted', async () => {
    const lossy = createExtractionPool(files, 1);
    try {
      const worker = spawned.at(-1) as Worker;
      const one = inputs.slice(1, 2);
      const [expected] = await extractInProcess(loadExtractor(files).extract)(one);
      expect(await lossy.extractMany(one)).toEqual([expected]);
      const count = spawned.length;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const held = lossy.extractMany(inputs.slice(0, 1));
      await worker.terminate();
      await exited;
      // The batch it held either came back before it died or fails with why; it never hangs.
      const [outcome] = await Promise.allSettled([held]);
      if (outcome?.status === 'rejected') {
        expect(String(outcome.reason)).toMatch(/extraction: worker stopped: exit code 1/);
      }
      expect(spawned.length).toBe(count + 1);
      expect(await lossy.extractMany(one)).toEqual([expected]);
      expect(await lossy.extractMany(one)).toEqual([expected]);
    } finally {
      await lossy.close();
    }
  });
});
