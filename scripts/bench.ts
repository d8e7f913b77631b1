// npm run bench [-- --corpus DIR] [--scale N] [--growth]: measures, in one run on this machine, ingest
// (end to end, extraction alone, Meilisearch alone, their ratio), search through the API and directly
// against Meilisearch (one at a time, then autocannon with 32 connections), neighbours and depth-2 graphs,
// graph rebuild and snapshot load. --scale N runs on N articles made from the corpus and adds the API's
// start-up and RSS over that index; --growth runs ingest at 1k, 10k and 100k articles and fits the growth.
// Then the synthetic 100k-entity graph (scripts/bench-graph.ts) unless --skip-synthetic. Prints tables and
// writes bench/results.json (bench/growth.json for --growth, bench/graph-results.json).
import { edgeCount } from '../src/graph/edge-lists.js';
import { entitiesOf, entityCount } from '../src/graph/entity-table.js';
import { parseCli } from './parse-cli.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { apiDeps } from '../src/api-deps.js';
import { loadConfig, PROJECT_ROOT, type Config } from '../src/config.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import type { CooccurrenceGraph } from '../src/graph/types.js';
import { loadGraph, saveGraph } from '../src/graph/persist-graph.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import type { Article } from '../src/ingest/types.js';
import { snapshotFile } from '../src/load-graph-state.js';
import { createLogger } from '../src/logger.js';
import { openSearch, type OpenSearch } from '../src/open-search.js';
import { DEFAULTS as PIPELINE } from '../src/pipeline.js';
import { REQUEST_HEADERS } from '../src/search/create-meili-client.js';
import { createSequence, toArticleDocument } from '../src/search/to-article-document.js';
import type { ArticleDocument } from '../src/search/types.js';
import { rebuildGraph } from '../src/sync-graph.js';
import { chunks, heapMb, timeInterleaved, timeRequests } from './bench-lib/measure.js';
import { startApi } from './bench-lib/start-api.js';
import { synthesize } from './bench-lib/synthesize.js';

const { values } = parseCli({
  usage: 'npm run bench -- [--corpus DIR] [--scale N | --growth] [--skip-synthetic]',
  description:
    'Ingest, search, neighbour, graph and start-up figures on this machine; writes bench/results.json.\n' +
    'Extraction runs as configured: the tagger by default, NER=off for the knowledge base and rules alone.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus'),
      description: 'the corpus folder (*.jsonl)',
    },
    scale: {
      type: 'string',
      value: 'N',
      description: "run on N articles made from the corpus; adds the API's start-up time and RSS",
    },
    growth: {
      type: 'boolean',
      default: false,
      description: 'run ingest at 1k, 10k and 100k articles and fit the growth (bench/growth.json)',
    },
    'skip-synthetic': {
      type: 'boolean',
      default: false,
      description: 'skip the synthetic 100k-entity graph (npm run bench:graph)',
    },
  },
});
const corpus = path.resolve(values.corpus);
const files = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(corpus, name));
const logger = createLogger('warn');

function benchConfig(dataDir: string, prefix: string): Config {
  return loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MEILI_TIMEOUT_MS: '600000',
    MEILI_INDEX_PREFIX: prefix,
    NER: process.env.NER,
    EXTRACT_THREADS: process.env.EXTRACT_THREADS,
  });
}

/** Runs `work` on at most `width` items at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>) {
  const running = new Set<Promise<unknown>>();
  for (const item of items) {
    const task = work(item).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= width) await Promise.race(running);
  }
  await Promise.all(running);
}

/** CPU seconds a process has used (user + system), from /proc; NaN where that cannot be read. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Ingest of `articles` three ways: extraction alone, Meilisearch alone, and the pipeline end to end. */
async function measureIngest(opened: OpenSearch, config: Config, articles: Article[], dataDir: string) {
  const input = path.join(dataDir, `input-${articles.length}.jsonl`);
  writeFileSync(input, articles.map((article) => JSON.stringify(article)).join('\n') + '\n');
  const tokens = articles.reduce((sum, article) => sum + article.body.split(/\s+/).length, 0);

  // Extraction alone: the same batches on the same worker threads as the pipeline, no I/O. The workers
  // load the entity stage when the pool starts; one small batch each first, so that is not timed.
  await Promise.all(
    Array.from({ length: Math.max(1, config.extractThreads) }, () =>
      opened.extractMany([{ text: 'Olaf Scholz traf Emmanuel Macron in Paris.', lang: 'de' }]),
    ),
  );
  const meiliPid = opened.meili.pid();
  let cpu = ownCpuSeconds();
  let started = performance.now();
  const seq = createSequence();
  const batches = chunks(articles, PIPELINE.batchSize);
  const docs: ArticleDocument[] = [];
  const extracted = await Promise.all(
    batches.map((batch) => opened.extractMany(batch.map((a) => ({ text: a.body, lang: a.lang })))),
  );
  extracted.forEach((outcomes, b) =>
    outcomes.forEach((outcome, i) => {
      const article = batches[b]?.[i];
      if (outcome.ok && article) docs.push(toArticleDocument(article, outcome.extraction, seq()));
    }),
  );
  const extractionSeconds = (performance.now() - started) / 1000;
  const extractionCpuSeconds = ownCpuSeconds() - cpu;
  const mentions = docs.reduce((sum, doc) => sum + doc.mentions.length, 0);
  const entities = new Set(docs.flatMap((doc) => doc.entities)).size;

  // Meilisearch alone: the same prepared documents, in the pipeline's batches and writes in flight.
  const direct = await openSearch(
    { ...config, meili: { ...config.meili, indexPrefix: 'bench_direct_' } },
    logger,
  );
  // In the same process and data directory, openSearch starts a second Meilisearch: time that one.
  cpu = cpuSeconds(direct.meili.pid());
  started = performance.now();
  const docBatches = chunks(docs, PIPELINE.batchSize);
  await inBatches(docBatches, PIPELINE.writesInFlight, (batch) => direct.search.addArticles(batch));
  const meilisearchSeconds = (performance.now() - started) / 1000;
  const meilisearchCpuSeconds = cpuSeconds(direct.meili.pid()) - cpu;
  docs.length = 0;
  await fetch(`${direct.meili.url}/indexes/bench_direct_articles`, {
    method: 'DELETE',
    headers: { ...REQUEST_HEADERS, Authorization: `Bearer ${direct.meili.apiKey}` },
  });
  await direct.close();

  const store = createCooccurrenceGraph();
  const deps = apiDeps(opened, store, config, logger);
  const heapBefore = heapMb();
  const cpuBefore = ownCpuSeconds() + cpuSeconds(meiliPid);
  started = performance.now();
  const summary = await deps.indexArticles(readInputs([input], config.maxArticleChars), () => {});
  const endToEndSeconds = (performance.now() - started) / 1000;
  const endToEndCpuSeconds = ownCpuSeconds() + cpuSeconds(meiliPid) - cpuBefore;
  const graphHeapMb = heapMb() - heapBefore;
  rmSync(input);
  return {
    store,
    ingest: {
      articles: summary.indexed,
      tokens,
      endToEndSeconds,
      endToEndPerSecond: summary.indexed / endToEndSeconds,
      tokensPerSecond: tokens / endToEndSeconds,
      extractionSeconds,
      extractionPerSecond: articles.length / extractionSeconds,
      meilisearchSeconds,
      meilisearchPerSecond: articles.length / meilisearchSeconds,
      ratioToSlowestStage: endToEndSeconds / Math.max(extractionSeconds, meilisearchSeconds),
      // With every core busy, no overlap can beat (CPU of both stages) / cores.
      extractionCpuSeconds,
      meilisearchCpuSeconds,
      endToEndCpuSeconds,
      cores: availableParallelism(),
      cpuBoundSeconds: (extractionCpuSeconds + meilisearchCpuSeconds) / availableParallelism(),
      mentions,
      entities,
      graphEntities: entityCount(store),
      graphEdges: edgeCount(store),
      graphHeapMb,
    },
  };
}

async function autocannonRate(
  url: string,
  paths: string[],
  headers: Record<string, string> = {},
  body?: (i: number) => string,
) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 32,
    duration: 15,
    headers: { ...REQUEST_HEADERS, ...headers },
    requests: [
      {
        method: body ? 'POST' : 'GET',
        setupRequest: (request: autocannon.Request) => {
          const i = n++;
          return body ? { ...request, body: body(i) } : { ...request, path: paths[i % paths.length] ?? '/' };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Search, neighbours and depth-2 graphs through the API, which runs as `npm start` runs it, in a process of
 * its own over the index just built (it finds this process's Meilisearch through the data directory), and
 * the same searches straight to Meilisearch. API and direct searches alternate request by request, so a
 * machine whose speed drifts slows both alike.
 */
async function measureQueries(
  opened: OpenSearch,
  config: Config,
  store: CooccurrenceGraph,
  articles: Article[],
  dataDir: string,
) {
  const started = await startApi({
    DATA_DIR: dataDir,
    MEILI_INDEX_PREFIX: config.meili.indexPrefix,
    NER: process.env.NER ?? 'tagger',
  });
  try {
    return await timeQueries(opened, config, store, articles, started.url);
  } finally {
    await started.stop();
  }
}

async function timeQueries(
  opened: OpenSearch,
  config: Config,
  store: CooccurrenceGraph,
  articles: Article[],
  api: string,
) {
  const words = [
    ...new Set(
      articles
        .slice(0, 5_000)
        .flatMap((a) => a.body.split(/\s+/))
        .filter((w) => /^\p{L}{5,}$/u.test(w)),
    ),
  ];
  const people = [...entitiesOf(store)].filter(([, node]) => node.articles >= 3).map(([id]) => id);
  const queries = Array.from({ length: 1000 }, (_, i) => {
    const word = words[(i * 7919) % words.length] ?? 'Regierung';
    const entity = people[i % people.length] ?? '';
    return { q: word, lang: i % 3 === 0 ? 'de' : '', entity: i % 4 === 0 ? entity : '' };
  });
  const apiPaths = queries.map(({ q, lang, entity }) => {
    const params = new URLSearchParams({ q, limit: '20' });
    if (lang) params.set('lang', lang);
    if (entity) params.set('entity', entity);
    return `/search?${params}`;
  });
  // The same queries as our API sends them (filters, facets, crop, highlight), straight to Meilisearch.
  const meiliSearch = `/indexes/${config.meili.indexPrefix}articles/search`;
  const directBodies = queries.map(({ q, lang, entity }) =>
    JSON.stringify({
      q,
      filter: [lang ? `lang = "${lang}"` : '', entity ? `entities = "${entity}"` : ''].filter(Boolean),
      limit: 20,
      facets: ['entities', 'lang', 'source'],
      attributesToRetrieve: ['id', 'title', 'lang', 'source', 'published', 'url', 'entityInfo'],
      attributesToCrop: ['body'],
      attributesToHighlight: ['body'],
      cropLength: 40,
    }),
  );
  const meiliHeaders = { 'Content-Type': 'application/json', Authorization: `Bearer ${opened.meili.apiKey}` };
  const directRequests = directBodies.map((body) => ({
    url: opened.meili.url + meiliSearch,
    init: { method: 'POST', body, headers: meiliHeaders },
  }));
  // Warm-up, not timed: the first requests of a fresh API process compile its request path.
  await timeInterleaved({
    api: apiPaths.slice(0, 100).map((p) => api + p),
    direct: directRequests.slice(0, 100),
  });
  const { api: searchApi, direct: searchDirect } = await timeInterleaved({
    api: apiPaths.map((p) => api + p),
    direct: directRequests,
  });
  const neighbors = await timeRequests(
    Array.from(
      { length: 1000 },
      (_, i) =>
        `${api}/entities/${people[i % people.length]}/neighbors?limit=50&window=${i % 2 ? 'sentence' : 'article'}`,
    ),
  );
  const graphDepth2 = await timeRequests(
    Array.from({ length: 200 }, (_, i) => `${api}/graph?center=${people[i % people.length]}&depth=2`),
  );
  const loadApi = await autocannonRate(api, apiPaths);
  const loadDirect = await autocannonRate(
    opened.meili.url + meiliSearch,
    [],
    meiliHeaders,
    (i) => directBodies[i % directBodies.length] ?? '{}',
  );
  return {
    searchApi,
    searchDirect,
    neighbors,
    graphDepth2,
    autocannon32: { api: loadApi, direct: loadDirect },
  };
}

function printRows(rows: Array<[string, string, string?]>): void {
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(34)} ${b.padEnd(22)} ${c ?? ''}\n`);
}

async function readCorpus(): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of readInputs(files, 1_000_000)) if (item.ok) articles.push(item.article);
  if (articles.length === 0) throw new Error(`bench: no articles in ${corpus}`);
  return articles;
}

async function growth(): Promise<void> {
  const base = await readCorpus();
  const sizes = [1_000, 10_000, 100_000];
  const runs: Array<Record<string, number>> = [];
  for (const size of sizes) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-growth-'));
    const config = benchConfig(dataDir, 'bench_');
    const opened = await openSearch(config, logger);
    try {
      const { ingest } = await measureIngest(opened, config, synthesize(base, size), dataDir);
      runs.push(ingest);
      printRows([
        [
          `${size} articles`,
          `${ingest.endToEndSeconds.toFixed(1)} s end to end`,
          `graph heap ${ingest.graphHeapMb} MB, ${ingest.graphEdges} edges`,
        ],
      ]);
    } finally {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  // Exponent b of time = a * n^b between successive sizes: 1 is linear, 2 quadratic.
  const exponent = (key: string, i: number): number =>
    Math.log((runs[i + 1]?.[key] ?? NaN) / (runs[i]?.[key] ?? NaN)) /
    Math.log((sizes[i + 1] ?? 1) / (sizes[i] ?? 1));
  const fit = sizes.slice(0, -1).map((size, i) => ({
    from: size,
    to: sizes[i + 1],
    timeExponent: exponent('endToEndSeconds', i),
    graphHeapExponent: exponent('graphHeapMb', i),
    edgesExponent: exponent('graphEdges', i),
  }));
  for (const step of fit) {
    printRows([
      [
        `growth ${step.from} -> ${step.to}`,
        `time ~ n^${step.timeExponent.toFixed(2)}`,
        `graph heap ~ n^${step.graphHeapExponent.toFixed(2)}, edges ~ n^${step.edgesExponent.toFixed(2)}`,
      ],
    ]);
  }
  mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(
    path.join(PROJECT_ROOT, 'bench', 'growth.json'),
    JSON.stringify({ runs, fit }, null, 2) + '\n',
  );
}

async function main(): Promise<void> {
  if (values.growth) return growth();
  const base = await readCorpus();
  const articles = values.scale ? synthesize(base, Number(values.scale)) : base;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-'));
  const config = benchConfig(dataDir, 'newsgraph_');
  const opened = await openSearch(config, logger);
  const results: Record<string, unknown> = {
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    articles: articles.length,
    extractThreads: config.extractThreads,
  };
  try {
    const { ingest, store } = await measureIngest(opened, config, articles, dataDir);
    results.ingest = ingest;
    results.queries = await measureQueries(opened, config, store, articles, dataDir);
    let started = performance.now();
    const rebuilt = await rebuildGraph(opened.search);
    const rebuildSeconds = (performance.now() - started) / 1000;
    const file = snapshotFile(dataDir, config.meili.indexPrefix);
    started = performance.now();
    await saveGraph(rebuilt, file, 'bench');
    const saveSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await loadGraph(file, 'bench');
    const loadSeconds = (performance.now() - started) / 1000;
    rmSync(file);
    results.graph = {
      entities: entityCount(store),
      edges: edgeCount(store),
      rebuildSeconds,
      saveSeconds,
      loadSeconds,
    };
  } finally {
    await opened.close();
  }
  if (values.scale) {
    // Start-up over the index just built: first with no snapshot (rebuild), then from the snapshot the
    // first run saved when stopped.
    const env = {
      DATA_DIR: dataDir,
      MEILI_INDEX_PREFIX: config.meili.indexPrefix,
      NER: process.env.NER ?? 'tagger',
    };
    const startup: Record<string, number> = {};
    for (const run of ['rebuild', 'snapshot'] as const) {
      const api = await startApi(env);
      startup[`${run}ReadySeconds`] = api.readySeconds;
      startup[`${run}RssMb`] = api.rssMb();
      await api.stop();
      // How the graph was obtained (built or loaded) and how the API ended (0 after a clean SIGTERM).
      const said = api.log.split('\n').filter((line) => /graph:|exited/.test(line));
      process.stdout.write(`${said.join('\n')}\n`);
    }
    results.startup = startup;
  }
  rmSync(dataDir, { recursive: true, force: true });

  const ingest = results.ingest as Record<string, number>;
  const queries = results.queries as Record<string, { p50: number; p99: number; max: number }>;
  const load = (
    results.queries as { autocannon32: Record<string, { requestsPerSecond: number; p99: number }> }
  ).autocannon32;
  const graph = results.graph as Record<string, number>;
  const rate = (n: number | undefined) => `${n?.toFixed(0)} articles/s`;
  const rows: Array<[string, string, string?]> = [
    [
      `ingest end to end (${ingest.articles})`,
      `${ingest.endToEndSeconds?.toFixed(1)} s`,
      `${rate(ingest.endToEndPerSecond)}, ${ingest.tokensPerSecond?.toFixed(0)} tokens/s`,
    ],
    [
      `extraction alone (${config.extractThreads} threads)`,
      `${ingest.extractionSeconds?.toFixed(1)} s`,
      rate(ingest.extractionPerSecond),
    ],
    ['Meilisearch alone', `${ingest.meilisearchSeconds?.toFixed(1)} s`, rate(ingest.meilisearchPerSecond)],
    ['end to end / slowest stage', ingest.ratioToSlowestStage?.toFixed(2) ?? ''],
    [
      'CPU: extraction, Meilisearch',
      `${ingest.extractionCpuSeconds?.toFixed(1)} s, ${ingest.meilisearchCpuSeconds?.toFixed(1)} s`,
      `end to end ${ingest.endToEndCpuSeconds?.toFixed(1)} s; ${ingest.cores} cores: no run can take under ${ingest.cpuBoundSeconds?.toFixed(1)} s`,
    ],
    ['mentions, entities found', String(ingest.mentions), String(ingest.entities)],
    ['graph', `${graph.entities} entities`, `${graph.edges} edges, heap ${ingest.graphHeapMb} MB`],
    ...(['searchApi', 'searchDirect', 'neighbors', 'graphDepth2'] as const).map(
      (name): [string, string, string] => [
        name,
        `p50 ${queries[name]?.p50.toFixed(1)} ms`,
        `p99 ${queries[name]?.p99.toFixed(1)} ms, max ${queries[name]?.max.toFixed(1)} ms`,
      ],
    ),
    [
      'autocannon 32 conns: API search',
      `${load.api?.requestsPerSecond.toFixed(0)} req/s`,
      `p99 ${load.api?.p99} ms`,
    ],
    [
      'autocannon 32 conns: direct',
      `${load.direct?.requestsPerSecond.toFixed(0)} req/s`,
      `p99 ${load.direct?.p99} ms`,
    ],
    ['graph rebuild from the index', `${graph.rebuildSeconds?.toFixed(1)} s`],
    ['snapshot save / load', `${graph.saveSeconds?.toFixed(1)} s`, `${graph.loadSeconds?.toFixed(1)} s`],
  ];
  const startup = results.startup as Record<string, number> | undefined;
  if (startup) {
    rows.push([
      'start-up, no snapshot (rebuild)',
      `${startup.rebuildReadySeconds?.toFixed(1)} s`,
      `RSS ${startup.rebuildRssMb} MB`,
    ]);
    rows.push([
      'start-up from the snapshot',
      `${startup.snapshotReadySeconds?.toFixed(1)} s`,
      `RSS ${startup.snapshotRssMb} MB`,
    ]);
  }
  printRows(rows);
  mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  // Entity corrections: a merge of an entity with 1,000 articles (scripts/bench-curation.ts).
  const curationBench = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'bench-curation.ts')],
    { stdio: 'inherit' },
  );
  if (curationBench.status !== 0) throw new Error('bench: the curation benchmark failed');
  if (values['skip-synthetic']) return;
  // The synthetic 100k-entity graph runs in its own process, so each measures its own memory.
  const graphBench = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'bench-graph.ts')],
    { stdio: 'inherit' },
  );
  if (graphBench.status !== 0) throw new Error('bench: the synthetic graph benchmark failed');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
