// `npm run bench:graph -- --realistic --articles N`: the graph at N articles whose entities grow as real news
// (realistic-articles.ts), served by the API as `npm start` runs it, in each graph mode the API has. The
// articles go through the real indexing code into a Meilisearch of their own (and, with --two-instances, into
// two more that share them by id, MEILI_REMOTES). Then, for each mode, the API is started over them twice
// (first start: the graph built from the index, or no graph in index mode; second start: from its snapshot),
// and asked for the neighbours and the depth-2 neighbourhoods of entities drawn as often as they are
// mentioned. Prints and returns the API's RSS, start-up and latencies (p50, p99). With --keep DIR the
// Meilisearch data stays in DIR, and a later run with the same DIR and article count skips the indexing, or
// goes on after the batches written when a run was stopped (a million articles take hours to index).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { seededRandom } from '../../src/entities/ner/seeded-random.js';
import { createLogger } from '../../src/logger.js';
import { findMeiliBinary } from '../../src/meili/find-binary.js';
import { startMeilisearch, type EmbeddedMeilisearch } from '../../src/meili/start-meilisearch.js';
import { openSearch } from '../../src/open-search.js';
import { timeRequest, timeRequests, type Latencies } from './measure.js';
import { realisticArticles } from './realistic-articles.js';
import { startApi } from './start-api.js';

export interface RealisticOptions {
  articles: number;
  modes: string[];
  twoInstances: boolean;
  /** Requests per latency series. */
  requests: number;
  /** Where to keep the Meilisearch data between runs; a temporary folder, removed at the end, if not set. */
  keep: string | undefined;
  /** The API's heap cap (`--max-old-space-size`), in MB; Node's default if not set. */
  apiHeapMb?: number;
}

interface Instance {
  meili: EmbeddedMeilisearch;
  dataDir: string;
  key: string;
}

export interface ModeResult {
  setup: string;
  mode: string;
  graphMode: string | undefined;
  entities: number | undefined;
  edges: number | undefined;
  firstStartSeconds: number;
  secondStartSeconds: number;
  /** RSS after the series, and the most it held during them (VmHWM). */
  rssMb: number;
  peakRssMb: number;
  neighbors: Latencies;
  hubNeighbors: Latencies;
  /** null where the mode answers 501 (no neighbourhoods). */
  depth2: Latencies | null;
  /** The first depth-2 view asked (G², which reads entity totals), in ms; not in `depth2`. */
  depth2FirstMs: number;
  /** Depth-2 requests sent, and those answered with an error (503 past MEILI_TIMEOUT_MS), left out of depth2. */
  depth2Asked: number;
  depth2Refused: number;
  /** The whole graph's strongest edges (GET /graph, limits 500 to 504, each asked once), in ms, as asked. */
  wholeGraphMs: number[];
  /** The hub's depth-1 view with the disparity backbone (every neighbour's strength), in ms. */
  hubBackboneMs: number;
}

/** An instance over `kept` (its key kept beside the data), or over a new temporary folder. */
async function startInstance(kept: string | undefined): Promise<Instance> {
  const dataDir = kept ?? mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-realistic-'));
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'bench-key');
  const key = existsSync(keyFile)
    ? readFileSync(keyFile, 'utf8')
    : `bench-${Math.random().toString(36).slice(2)}`;
  writeFileSync(keyFile, key);
  const meili = await startMeilisearch({
    binary: findMeiliBinary(process.env.MEILI_BINARY),
    dataDir,
    masterKey: key,
    logger: createLogger('warn'),
  });
  return { meili, dataDir, key };
}

/** The settings that point newsgraph at `instances`: one by URL, several as MEILI_REMOTES. */
function meiliEnv(instances: readonly Instance[]): Record<string, string> {
  const [first] = instances;
  if (instances.length === 1 && first) return { MEILI_URL: first.meili.url, MEILI_MASTER_KEY: first.key };
  return {
    MEILI_URL: '',
    MEILI_MASTER_KEY: '',
    MEILI_REMOTES: JSON.stringify(instances.map(({ meili, key }) => ({ url: meili.url, key }))),
  };
}

/**
 * Writes the articles through the indexer's own code; returns the seconds it took. A million articles take
 * longer than one sitting: with kept data, the batches written so far are counted in `bench-progress` (the
 * article count, then the articles done), a later run goes on after them, and a `bench-stop` file beside it
 * stops the run cleanly after the batch in hand.
 */
async function indexArticles(
  env: Record<string, string>,
  options: RealisticOptions,
  keptDir: string | undefined,
): Promise<number> {
  const progressFile = keptDir && path.join(keptDir, 'bench-progress');
  const stopFile = keptDir && path.join(keptDir, 'bench-stop');
  const [ofArticles, doneBefore] =
    progressFile && existsSync(progressFile)
      ? readFileSync(progressFile, 'utf8').split(' ').map(Number)
      : [options.articles, 0];
  const resumeAfter = ofArticles === options.articles ? (doneBefore ?? 0) : 0;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-indexer-'));
  // Under load a batch can take longer than the API's default time-out to be accepted.
  const config = loadConfig({
    ...env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SAMPLE_DATA: '',
    NER: 'off',
    MEILI_TIMEOUT_MS: '600000',
    // The indexer keeps the neighbour lists that index mode reads (docs/index-mode.md) when it is measured.
    GRAPH_MODE: options.modes.some((mode) => mode !== 'memory') ? 'index' : 'memory',
  });
  const opened = await openSearch(config, createLogger('warn'));
  const started = performance.now();
  try {
    let done = 0;
    if (resumeAfter > 0) process.stderr.write(`bench: going on after ${resumeAfter} articles\n`);
    for (const batch of realisticArticles(options.articles, 10_000)) {
      done += batch.length;
      // The generator is seeded: the batches written before are made again and passed over.
      if (done <= resumeAfter) continue;
      if (stopFile && existsSync(stopFile)) {
        rmSync(stopFile);
        throw new Error(
          `bench: stopped on request after ${done - batch.length} articles; run again to go on`,
        );
      }
      await opened.search.addArticles(batch);
      if (progressFile) writeFileSync(progressFile, `${options.articles} ${done}`);
      const seconds = (performance.now() - started) / 1000;
      // A line a batch, with the time: a million articles take long enough that the rate is worth a log.
      process.stderr.write(
        `bench: indexed ${done} of ${options.articles} in ${seconds.toFixed(0)} s (${new Date().toISOString()})\n`,
      );
    }
    return (performance.now() - started) / 1000;
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Entities drawn as often as they are mentioned (every article's entities, sampled), and the biggest hub. */
function askedEntities(options: RealisticOptions): { asked: string[]; hub: string } {
  const started = performance.now();
  const random = seededRandom(11);
  const asked: string[] = [];
  const counts = new Map<string, number>();
  let seen = 0;
  for (const batch of realisticArticles(options.articles, 10_000)) {
    for (const article of batch) {
      for (const id of article.entities) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        // Reservoir sampling over every mention.
        seen++;
        if (asked.length < options.requests) asked.push(id);
        else if (random() * seen < options.requests) asked[Math.floor(random() * options.requests)] = id;
      }
    }
  }
  let hub = '';
  for (const [id, count] of counts) if (count > (counts.get(hub) ?? 0)) hub = id;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`bench: ${options.articles} articles generated and sampled in ${seconds} s\n`);
  return { asked, hub };
}

async function measureMode(
  setup: string,
  mode: string,
  env: Record<string, string>,
  asked: { asked: string[]; hub: string },
  apiHeapMb: number | undefined,
): Promise<ModeResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-api-'));
  // The rebuild reads pages of 1,000 articles: under load one can take longer than the default 2 s.
  const apiEnv = {
    ...env,
    DATA_DIR: dataDir,
    GRAPH_MODE: mode,
    MEILI_TIMEOUT_MS: '30000',
    ...(apiHeapMb !== undefined && { NODE_OPTIONS: `--max-old-space-size=${apiHeapMb}` }),
  };
  try {
    const first = await startApi(apiEnv);
    const firstStartSeconds = first.readySeconds;
    await first.stop();
    const api = await startApi(apiEnv);
    try {
      const health = (await (await fetch(`${api.url}/health`)).json()) as Record<string, unknown>;
      const base = api.url;
      const warm = asked.asked.slice(0, 50);
      await timeRequests(warm.map((id) => `${base}/entities/${id}/neighbors?limit=50`));
      const neighbors = await timeRequests(
        asked.asked.map((id) => `${base}/entities/${id}/neighbors?limit=50`),
      );
      const hubNeighbors = await timeRequests(
        Array.from({ length: 50 }, () => `${base}/entities/${asked.hub}/neighbors?limit=50`),
      );
      // Index mode reads a depth-2 view's lists from Meilisearch, minutes each at 100k articles: 5 of them.
      const depth2Urls = asked.asked
        .slice(0, Math.min(mode === 'index' ? 5 : 200, asked.asked.length))
        .map((id) => `${base}/graph?center=${id}&depth=2&maxNodes=500`);
      // A mode that does not build neighbourhoods says so (501); the series is then left out.
      const probeStarted = performance.now();
      const probe = await fetch(depth2Urls[0] ?? `${base}/graph`);
      await probe.arrayBuffer();
      const depth2FirstMs = performance.now() - probeStarted;
      const depth2Refused = { count: 0 };
      const depth2 = probe.status === 501 ? null : await timeRequests(depth2Urls, {}, depth2Refused);
      // Each limit once: the first reads the lists, the later ones find some of them in the API's cache.
      const wholeGraphMs: number[] = [];
      for (let i = 0; i < 5; i++) wholeGraphMs.push(await timeRequest(`${base}/graph?limit=${500 + i}`));
      const hubBackboneMs = await timeRequest(`${base}/graph?center=${asked.hub}&backbone=disparity`);
      return {
        setup,
        mode,
        graphMode: health.graphMode as string | undefined,
        entities: health.entities as number | undefined,
        edges: health.edges as number | undefined,
        firstStartSeconds,
        secondStartSeconds: api.readySeconds,
        rssMb: api.rssMb(),
        peakRssMb: api.peakRssMb(),
        neighbors,
        hubNeighbors,
        depth2,
        depth2FirstMs,
        depth2Asked: depth2Urls.length,
        depth2Refused: depth2Refused.count,
        wholeGraphMs,
        hubBackboneMs,
      };
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchRealistic(options: RealisticOptions): Promise<{
  indexSeconds: Record<string, number>;
  results: ModeResult[];
}> {
  const kept = (name: string): string | undefined =>
    options.keep && path.join(path.resolve(options.keep), name);
  const setups: Array<[string, Instance[]]> = [['one instance', [await startInstance(kept('one'))]]];
  if (options.twoInstances) {
    setups.push(['two instances', [await startInstance(kept('two-0')), await startInstance(kept('two-1'))]]);
  }
  const indexSeconds: Record<string, number> = {};
  const results: ModeResult[] = [];
  try {
    const asked = askedEntities(options);
    for (const [setup, instances] of setups) {
      // What a kept folder holds: the article count it was indexed with, written once indexing finished.
      const marker = path.join((instances[0] as Instance).dataDir, 'bench-articles');
      if (existsSync(marker) && Number(readFileSync(marker, 'utf8')) === options.articles) {
        process.stderr.write(
          `bench: ${setup}: ${options.articles} articles already indexed in ${options.keep}\n`,
        );
      } else {
        indexSeconds[setup] = await indexArticles(
          meiliEnv(instances),
          options,
          options.keep && (instances[0] as Instance).dataDir,
        );
        writeFileSync(marker, String(options.articles));
      }
      // Memory mode holds the same graph whatever the instances: it is measured on one.
      // Memory mode last: its set-up marks the lists stale, and index mode would rebuild them at its start.
      const others = options.modes.filter((m) => m !== 'memory');
      const modes =
        setup === 'one instance' ? [...others, ...options.modes.filter((m) => m === 'memory')] : others;
      for (const mode of modes) {
        const result = await measureMode(setup, mode, meiliEnv(instances), asked, options.apiHeapMb);
        results.push(result);
        printResult(result);
      }
    }
  } finally {
    for (const [, instances] of setups) {
      for (const { meili, dataDir } of instances) {
        await meili.stop();
        if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  return { indexSeconds, results };
}

const latency = (l: Latencies): string => `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`;

function printResult(r: ModeResult): void {
  process.stdout.write(
    [
      `${r.setup}, GRAPH_MODE=${r.mode} (health says ${r.graphMode ?? 'nothing'}): ${r.entities} entities, ${r.edges} edges`,
      `  start-up: ${r.firstStartSeconds.toFixed(1)} s first, ${r.secondStartSeconds.toFixed(1)} s again; API RSS ${r.rssMb} MB (peak ${r.peakRssMb} MB)`,
      `  neighbours (limit 50): ${latency(r.neighbors)}; of the hub: ${latency(r.hubNeighbors)}`,
      `  depth 2 (maxNodes 500, ${r.depth2Asked} asked): ${r.depth2 ? latency(r.depth2) : 'not answered in this mode (501)'}` +
        `; the first view asked before them ${r.depth2FirstMs.toFixed(0)} ms` +
        (r.depth2Refused > 0 ? `; ${r.depth2Refused} answered an error (past MEILI_TIMEOUT_MS)` : ''),
      `  whole graph (limit 500–504, in turn): ${r.wholeGraphMs.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
        `the hub's backbone (depth 1): ${r.hubBackboneMs.toFixed(0)} ms`,
      '',
    ].join('\n'),
  );
}
