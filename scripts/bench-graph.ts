// npm run bench:graph (part of npm run bench): a synthetic co-occurrence graph of 100k entities and about
// 2M edges, built through the real graph code from generated articles whose entities follow a power law.
// Measures the build, heap, snapshot save and load, and through the API (in a process of its own, see
// bench-lib/serve-graph.ts) the latency of top-50 neighbours, of depth-2 neighbourhoods, of timelines and of
// trending; then the same timelines and trending asked of Meilisearch (bench-lib/meili-timeline.ts), to
// compare. Writes bench/graph-results.json.
import { parseCli } from './parse-cli.js';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { seededRandom } from '../src/entities/ner/seeded-random.js';
import type { EntityType } from '../src/entities/types.js';
import { addArticle } from '../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import { saveGraph } from '../src/graph/persist-graph.js';
import { degreeOf, edgeCount } from '../src/graph/edge-lists.js';
import { entitiesOf, entityAttributes, entityCount as countEntities } from '../src/graph/entity-table.js';
import { benchCompactGraph, benchLoadedGraph } from './bench-lib/compact-graph.js';
import type { GraphArticle } from '../src/graph/types.js';
import { benchRealistic } from './bench-lib/bench-realistic.js';
import { realisticArticles } from './bench-lib/realistic-articles.js';
import { heapMb, megabytes, timeInterleaved, timeRequests } from './bench-lib/measure.js';
import { measureMeiliTimeline, type SyntheticDoc } from './bench-lib/meili-timeline.js';
import type { GraphServerReady, GraphServerRequest, GraphServerTimings } from './bench-lib/serve-graph.js';

const { values } = parseCli({
  usage:
    'npm run bench:graph -- [--entities N] [--edges N] | --compact-edges N | --realistic [--articles N] [--modes M,M]',
  description:
    'A synthetic co-occurrence graph built through the real graph code: build, heap, snapshot save and\n' +
    'load, and neighbour and depth-2 latency through the API. Writes bench/graph-results.json.\n' +
    'With --realistic: N articles whose entities grow as real news does, indexed into Meilisearch and\n' +
    'served by the API in each graph mode (RSS, start-up, latencies). Writes bench/graph-realistic.json.\n' +
    'With --compact-edges N: the graph store alone at N edges, in process: heap per edge (heapUsed and\n' +
    'typed arrays apart), binary snapshot save and load (in a fresh process), hub latency. Prints JSON.\n' +
    'With --compact-edges N --realistic: the same, built from the articles of --realistic.',
  options: {
    entities: { type: 'string', value: 'N', default: '100000', description: 'entities in the graph' },
    edges: { type: 'string', value: 'N', default: '2000000', description: 'edges to aim for' },
    'compact-edges': {
      type: 'string',
      value: 'N',
      description: 'only the graph store, in process, at N edges: heap per edge, snapshot save and load',
    },
    'compact-load': { type: 'string', value: 'FILE', description: '(used by --compact-edges) load FILE' },
    realistic: {
      type: 'boolean',
      default: false,
      description: 'entities that grow as real news (see above)',
    },
    articles: { type: 'string', value: 'N', default: '100000', description: 'articles, with --realistic' },
    modes: {
      type: 'string',
      value: 'M,M',
      default: 'memory,index',
      description: 'GRAPH_MODEs, with --realistic',
    },
    'two-instances': {
      type: 'boolean',
      default: false,
      description: 'with --realistic: also two Meilisearch instances sharing the articles (index mode)',
    },
    requests: {
      type: 'string',
      value: 'N',
      default: '1000',
      description: 'requests per series, with --realistic',
    },
    'api-heap-mb': {
      type: 'string',
      value: 'MB',
      description: 'with --realistic: start the API with NODE_OPTIONS=--max-old-space-size=MB (a heap cap)',
    },
    keep: {
      type: 'string',
      value: 'DIR',
      description:
        'with --realistic: keep the Meilisearch data in DIR; a rerun with the same N skips indexing, or goes on where a run was stopped (touch DIR/one/bench-stop to stop after the batch in hand)',
    },
  },
});
const entityCount = Number(values.entities);
const edgeTarget = Number(values.edges);
const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];

/** Entity i is drawn with probability ~ 1 / (i + 10): a few hubs, a long tail, as in news. */
function powerLaw(random: () => number): () => number {
  const weights = Array.from({ length: entityCount }, (_, i) => 1 / (i + 10));
  const cumulative = new Float64Array(entityCount);
  weights.reduce((sum, weight, i) => (cumulative[i] = sum + weight), 0);
  const total = cumulative[entityCount - 1] ?? 1;
  return (): number => {
    const target = random() * total;
    let low = 0;
    let high = entityCount - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** The next message of `kind` from the API process; rejects if it exits first. */
function nextMessage<T extends { kind: string }>(child: ChildProcess, kind: T['kind']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void =>
      reject(new Error(`bench: the API process exited (${code})`));
    const onMessage = (message: T): void => {
      if (message.kind !== kind) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message);
    };
    child.on('message', onMessage).once('exit', onExit);
  });
}

/** Runs scripts/bench-lib/<name> in a process of its own, talking over IPC. */
function forkScript(name: string, args: string[]): ChildProcess {
  return fork(path.join(PROJECT_ROOT, 'scripts', 'bench-lib', name), args, {
    execArgv: ['--expose-gc', '--import', 'tsx'],
  });
}

async function stopScript(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
}

/**
 * Top-50 neighbours of `ids` through the API, interleaved request by request with the same requests to a
 * bare Express app and a bare node:http server in a process of their own (bench-lib/serve-floor.ts): what
 * any request to another process costs on this machine, in the same minutes, before the graph does anything.
 */
async function measureAgainstFloor(api: string, ids: readonly string[]) {
  const child = forkScript('serve-floor.ts', []);
  try {
    const ready = await nextMessage<{ kind: 'ready'; port: number; rawPort: number }>(child, 'ready');
    const series = (base: string) => ids.map((id) => `${base}/${id}`);
    const timed = {
      rawFloor: series(`http://127.0.0.1:${ready.rawPort}/floor`),
      httpFloor: series(`http://127.0.0.1:${ready.port}/floor`),
      neighbors: ids.map((id) => `${api}/entities/${id}/neighbors?limit=50&evidence=0`),
    };
    await timeInterleaved({
      rawFloor: timed.rawFloor.slice(0, 200),
      httpFloor: timed.httpFloor.slice(0, 200),
    });
    return await timeInterleaved(timed);
  } finally {
    await stopScript(child);
  }
}

const info = (i: number) => ({ id: `e${i}`, name: `Entity ${i}`, type: TYPES[i % 4] as EntityType });

/** Article k of the synthetic stream: half of its entities from the tail uniformly, so that edges keep
 * appearing. */
function syntheticArticle(k: number, random: () => number, draw: () => number): GraphArticle {
  const ids = new Set<number>();
  const size = 4 + Math.floor(random() * 6);
  while (ids.size < size) ids.add(ids.size % 2 === 0 ? draw() : Math.floor(random() * entityCount));
  const entityInfo = [...ids].map(info);
  const mentions = entityInfo.map((entity, i) => ({ entityId: entity.id, sentence: i % 3 }));
  const publishedTs = 1_700_000_000_000 + k * 60_000;
  return { id: `s${k}`, seq: k, title: null, publishedTs, entityInfo, mentions };
}

/** Builds the synthetic graph through addArticle and saves its snapshot; returns what was measured. */
async function buildAndSave(
  snapshot: string,
  random: () => number,
  draw: () => number,
  docs: SyntheticDoc[],
) {
  const heapBefore = heapMb();
  const store = createCooccurrenceGraph();
  let started = performance.now();
  let articles = 0;
  for (let k = 0; edgeCount(store) < edgeTarget; k++) {
    const article = syntheticArticle(k, random, draw);
    const { entityInfo } = article;
    const publishedTs = article.publishedTs as number;
    addArticle(store, article);
    const day = new Date(publishedTs).toISOString().slice(0, 10);
    docs.push({ id: `s${k}`, entities: entityInfo.map((entity) => entity.id), publishedTs, day });
    articles = k + 1;
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const heap = heapMb() - heapBefore;
  let hub = '';
  let hubDegree = 0;
  for (const [node] of entitiesOf(store)) {
    const degree = degreeOf(store, node);
    if (degree > hubDegree) [hub, hubDegree] = [node, degree];
  }

  started = performance.now();
  await saveGraph(store, snapshot, 'bench');
  const saveSeconds = (performance.now() - started) / 1000;

  return {
    entities: countEntities(store),
    nodes: new Set([...entitiesOf(store)].map(([id]) => id)),
    edges: edgeCount(store),
    articles,
    hub,
    hubDegree,
    hubArticles: entityAttributes(store, hub)?.articles,
    buildSeconds,
    heap,
    saveSeconds,
  };
}

async function main(): Promise<void> {
  const random = seededRandom(42);
  const draw = powerLaw(random);
  if (values['compact-load'] !== undefined) {
    process.stdout.write(JSON.stringify(await benchLoadedGraph(values['compact-load'])));
    return;
  }
  if (values['compact-edges'] !== undefined) {
    const edges = Number(values['compact-edges']);
    // With --realistic, the articles of --realistic (entities that grow as real news does) instead.
    const realistic = (function* () {
      for (const batch of realisticArticles(Number.MAX_SAFE_INTEGER, 1000)) yield* batch;
    })();
    const article = values.realistic
      ? () => realistic.next().value as GraphArticle
      : (k: number) => syntheticArticle(k, random, draw);
    const result = await benchCompactGraph({ edges, article });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-graph-'));
  const snapshot = path.join(dataDir, 'graph.bin');
  const docs: SyntheticDoc[] = [];
  const built = await buildAndSave(snapshot, random, draw, docs);
  // The built graph is garbage from here on: collect it now, not during the timings.
  globalThis.gc?.();
  const { hub, hubDegree, articles } = built;
  const results: Record<string, unknown> = {};
  // The API runs in a process of its own, as `npm start` runs it; this one is its client.
  // Entities asked about as often as they are mentioned: hubs come up, as they do for users.
  const asked = Array.from({ length: 1000 }, () => `e${draw()}`).filter((id) => built.nodes.has(id));
  const child = forkScript('serve-graph.ts', [snapshot, dataDir]);
  try {
    const ready = await nextMessage<GraphServerReady>(child, 'ready');
    if (ready.edges !== built.edges) throw new Error('bench: the snapshot did not load back');
    const api = `http://127.0.0.1:${ready.port}`;
    // Warm-up, not timed: 200 other entities through both kinds of request, so that compiling the request
    // path (the first requests of a fresh process, several times slower) is not what the percentiles show.
    const warmUp = Array.from({ length: 200 }, () => `e${draw()}`).filter((id) => built.nodes.has(id));
    await timeRequests(warmUp.map((id) => `${api}/entities/${id}/neighbors?limit=50`));
    await timeRequests(warmUp.slice(0, 50).map((id) => `${api}/graph?center=${id}&depth=2&maxNodes=500`));
    // evidence=0 is the graph's own cost; the default 3 evidence articles add one read of the index.
    const { rawFloor, httpFloor, neighbors } = await measureAgainstFloor(api, asked);
    const neighborsWithEvidence = await timeRequests(
      asked.map((id) => `${api}/entities/${id}/neighbors?limit=50`),
    );
    const hubNeighbors = await timeRequests(
      Array.from({ length: 100 }, () => `${api}/entities/${hub}/neighbors?limit=50&evidence=0`),
    );
    const depth2 = await timeRequests(
      asked.slice(0, 200).map((id) => `${api}/graph?center=${id}&depth=2&maxNodes=500`),
    );
    // Timelines by day over the whole range (75 days at 100k articles), alone and with the hub; trending as
    // the start screen asks for it (the default window).
    const timeline = await timeRequests(
      asked.slice(0, 200).map((id) => `${api}/entities/${id}/timeline?interval=day`),
    );
    const hubTimeline = await timeRequests(
      Array.from({ length: 50 }, () => `${api}/entities/${hub}/timeline?interval=day`),
    );
    const pairTimeline = await timeRequests(
      asked.slice(0, 200).map((id) => `${api}/entities/${id}/timeline?interval=day&with=${hub}`),
    );
    // A different limit each time, so that every request is counted anew rather than answered from the
    // router's cache (which the second series times).
    const trending = await timeRequests(
      Array.from({ length: 20 }, (_, i) => `${api}/trending?limit=${30 + i}`),
    );
    const trendingPairs = await timeRequests(
      Array.from({ length: 20 }, (_, i) => `${api}/trending?pairs=true&limit=${30 + i}`),
    );
    const trendingCached = await timeRequests(Array.from({ length: 50 }, () => `${api}/trending?pairs=true`));
    const window = (await (await fetch(`${api}/trending?limit=1`)).json()) as Record<string, string>;
    // The graph's own part of the same requests, without HTTP: what the event loop spends per request.
    const request: GraphServerRequest = {
      kind: 'timeCalls',
      neighbors: asked,
      depth2: asked.slice(0, 200),
      timeline: asked.slice(0, 200),
    };
    child.send(request);
    const timings = await nextMessage<GraphServerTimings>(child, 'timings');
    results.synthetic = {
      entities: built.entities,
      edges: built.edges,
      articles,
      hubDegree,
      buildSeconds: built.buildSeconds,
      heapMb: built.heap,
      apiRssMb: timings.rssMb,
      snapshotMb: megabytes(statSync(snapshot).size),
      snapshotSaveSeconds: built.saveSeconds,
      loadedHeapMb: ready.loadedHeapMb,
      snapshotLoadSeconds: ready.loadSeconds,
      rawFloor,
      httpFloor,
      neighbors,
      neighborsWithEvidence,
      hubNeighbors,
      depth2,
      neighborsInProcess: timings.neighborsInProcess,
      depth2InProcess: timings.depth2InProcess,
      hubArticles: built.hubArticles,
      timeline,
      hubTimeline,
      pairTimeline,
      trending,
      trendingPairs,
      trendingCached,
      trendingWindow: window,
      timelineInProcess: timings.timelineInProcess,
      trendingInProcess: timings.trendingInProcess,
      trendingPairsInProcess: timings.trendingPairsInProcess,
    };
  } finally {
    await stopScript(child);
  }
  // With the API stopped, the same questions to Meilisearch holding the same articles.
  try {
    const window = (results.synthetic as { trendingWindow: Record<string, string> }).trendingWindow;
    const ms = (key: string): number => Date.parse(window[key] as string);
    const meili = await measureMeiliTimeline(path.join(dataDir, 'meili-time'), docs, asked.slice(0, 200), {
      from: ms('from'),
      to: ms('to'),
      baselineFrom: ms('baselineFrom'),
      baselineTo: ms('baselineTo'),
    });
    Object.assign(results.synthetic as object, {
      meiliIndexSeconds: meili.indexSeconds,
      meiliTimeline: meili.timelineDay,
      meiliTrending: meili.trending,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const r = results.synthetic as Record<string, number> & Record<string, { p50: number; p99: number }>;
  const labels: Record<string, string> = {
    rawFloor: 'HTTP floor (bare node:http)',
    httpFloor: 'HTTP floor (bare Express)',
    hubNeighbors: `neighbors of the hub (${r.hubDegree} edges)`,
    timeline: 'timeline by day, whole range',
    hubTimeline: `timeline of the hub (${r.hubArticles} articles)`,
    pairTimeline: 'timeline of a pair (with the hub)',
    meiliTimeline: 'timeline from Meilisearch (facet)',
    meiliTrending: 'trending from Meilisearch (2 facets)',
    trendingCached: 'trending pairs, answered from cache',
  };
  const rows: Array<[string, string]> = [
    ['Meilisearch indexing (time bench)', `${Number(r.meiliIndexSeconds).toFixed(1)} s`],
    ['synthetic graph', `${r.entities} entities, ${r.edges} edges from ${r.articles} articles`],
    ['build (addArticle)', `${r.buildSeconds?.toFixed(1)} s, heap ${r.heapMb} MB`],
    [
      'snapshot',
      `${r.snapshotMb} MB, save ${r.snapshotSaveSeconds?.toFixed(1)} s, load ${r.snapshotLoadSeconds?.toFixed(1)} s (heap ${r.loadedHeapMb} MB)`,
    ],
    ['API process holding it', `RSS ${r.apiRssMb} MB`],
    ...(
      [
        'rawFloor',
        'httpFloor',
        'neighbors',
        'neighborsWithEvidence',
        'hubNeighbors',
        'depth2',
        'neighborsInProcess',
        'depth2InProcess',
        'timeline',
        'hubTimeline',
        'pairTimeline',
        'timelineInProcess',
        'meiliTimeline',
        'trending',
        'trendingPairs',
        'trendingCached',
        'trendingInProcess',
        'trendingPairsInProcess',
        'meiliTrending',
      ] as const
    ).map((name): [string, string] => [
      labels[name] ?? name,
      `p50 ${r[name]?.p50.toFixed(2)} ms, p99 ${r[name]?.p99.toFixed(2)} ms`,
    ]),
  ];
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(32)} ${value}\n`);
  mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(
    path.join(PROJECT_ROOT, 'bench', 'graph-results.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
}

async function realistic(): Promise<void> {
  const measured = await benchRealistic({
    articles: Number(values.articles),
    modes: values.modes.split(',').filter(Boolean),
    twoInstances: values['two-instances'],
    requests: Number(values.requests),
    keep: values.keep,
    apiHeapMb: values['api-heap-mb'] === undefined ? undefined : Number(values['api-heap-mb']),
  });
  mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(
    path.join(PROJECT_ROOT, 'bench', 'graph-realistic.json'),
    JSON.stringify({ articles: Number(values.articles), ...measured }, null, 2) + '\n',
  );
}

(values.realistic && values['compact-edges'] === undefined ? realistic() : main()).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
