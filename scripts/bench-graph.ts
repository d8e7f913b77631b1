// npm run bench:graph (part of npm run bench): a synthetic co-occurrence graph of 100k entities and about
// 2M edges, built through the real graph code from generated articles whose entities follow a power law.
// Measures the build, heap, snapshot save and load, and through the API the latency of top-50
// neighbours and of depth-2 neighbourhoods. Writes bench/graph-results.json.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiDeps } from '../src/api-deps.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { seededRandom } from '../src/entities/ner/seeded-random.js';
import type { EntityType } from '../src/entities/types.js';
import { addArticle } from '../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import { exportGraph } from '../src/graph/export-graph.js';
import { findNeighbors } from '../src/graph/find-neighbors.js';
import { loadGraph, saveGraph } from '../src/graph/persist-graph.js';
import { createApp } from '../src/http/create-app.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { heapMb, megabytes, timeCalls, timeRequests } from './bench-lib/measure.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '2000000' },
  },
});
const entityCount = Number(values.entities);
const edgeTarget = Number(values.edges);
const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];

/** Builds the synthetic graph through addArticle and saves its snapshot; returns what was measured. */
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

const info = (i: number) => ({ id: `e${i}`, name: `Entity ${i}`, type: TYPES[i % 4] as EntityType });

async function buildAndSave(snapshot: string, random: () => number, draw: () => number) {
  const heapBefore = heapMb();
  const store = createCooccurrenceGraph();
  let started = performance.now();
  let articles = 0;
  // Half of each article's entities come from the tail uniformly, so that edges keep appearing.
  for (let k = 0; store.graph.size < edgeTarget; k++) {
    const ids = new Set<number>();
    const size = 4 + Math.floor(random() * 6);
    while (ids.size < size) ids.add(ids.size % 2 === 0 ? draw() : Math.floor(random() * entityCount));
    const entityInfo = [...ids].map(info);
    const mentions = entityInfo.map((entity, i) => ({ entityId: entity.id, sentence: i % 3 }));
    addArticle(store, {
      id: `s${k}`,
      seq: k,
      title: null,
      publishedTs: 1_700_000_000_000 + k * 60_000,
      entityInfo,
      mentions,
    });
    articles = k + 1;
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const heap = heapMb() - heapBefore;
  let hub = '';
  let hubDegree = 0;
  store.graph.forEachNode((node) => {
    const degree = store.graph.degree(node);
    if (degree > hubDegree) [hub, hubDegree] = [node, degree];
  });

  started = performance.now();
  await saveGraph(store, snapshot, 'bench');
  const saveSeconds = (performance.now() - started) / 1000;

  return {
    entities: store.graph.order,
    edges: store.graph.size,
    articles,
    hub,
    hubDegree,
    buildSeconds,
    heap,
    saveSeconds,
  };
}

async function main(): Promise<void> {
  const random = seededRandom(42);
  const draw = powerLaw(random);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-graph-'));
  const snapshot = path.join(dataDir, 'graph.json');
  // Built and saved in a scope of its own, so that the built graph is collected before the snapshot loads:
  // the API process holds one graph, not two.
  const built = await buildAndSave(snapshot, random, draw);
  const heapBeforeLoad = heapMb(); // after a full collection: the built graph is gone
  const started = performance.now();
  const loaded = await loadGraph(snapshot, 'bench');
  const loadSeconds = (performance.now() - started) / 1000;
  const loadedHeap = heapMb() - heapBeforeLoad;
  if (loaded?.graph.size !== built.edges) throw new Error('bench: the snapshot did not load back');
  const { hub, hubDegree, articles } = built;

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SAMPLE_DATA: '' });
  const logger = createLogger('warn');
  const opened = await openSearch(config, logger);
  const results: Record<string, unknown> = {};
  try {
    const server = createApp(apiDeps(opened, loaded, config, logger)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Entities asked about as often as they are mentioned: hubs come up, as they do for users.
    const asked = Array.from({ length: 1000 }, () => `e${draw()}`).filter((id) => loaded.graph.hasNode(id));
    // Warm-up, not timed: 200 other entities through both kinds of request, so that compiling the request
    // path (the first requests of a fresh process, several times slower) is not what the percentiles show.
    const warmUp = Array.from({ length: 200 }, () => `e${draw()}`).filter((id) => loaded.graph.hasNode(id));
    await timeRequests(warmUp.map((id) => `${api}/entities/${id}/neighbors?limit=50`));
    await timeRequests(warmUp.slice(0, 50).map((id) => `${api}/graph?center=${id}&depth=2&maxNodes=500`));
    // evidence=0 is the graph's own cost; the default 3 evidence articles add one read of the index.
    const neighbors = await timeRequests(
      asked.map((id) => `${api}/entities/${id}/neighbors?limit=50&evidence=0`),
    );
    const neighborsWithEvidence = await timeRequests(
      asked.map((id) => `${api}/entities/${id}/neighbors?limit=50`),
    );
    const hubNeighbors = await timeRequests(
      Array.from({ length: 100 }, () => `${api}/entities/${hub}/neighbors?limit=50&evidence=0`),
    );
    const depth2 = await timeRequests(
      asked.slice(0, 200).map((id) => `${api}/graph?center=${id}&depth=2&maxNodes=500`),
    );
    server.close();
    // The graph's own part of the same requests, without HTTP: what the event loop spends per request.
    const neighborsInProcess = timeCalls(asked, (id) =>
      findNeighbors(loaded, id, { limit: 50, evidence: 0 }),
    );
    const depth2InProcess = timeCalls(asked.slice(0, 200), (center) =>
      exportGraph(loaded, { center, depth: 2, maxNodes: 500 }),
    );
    results.synthetic = {
      entities: built.entities,
      edges: built.edges,
      articles,
      hubDegree,
      buildSeconds: built.buildSeconds,
      heapMb: built.heap,
      rssMb: megabytes(process.memoryUsage().rss),
      snapshotMb: megabytes(statSync(snapshot).size),
      snapshotSaveSeconds: built.saveSeconds,
      loadedHeapMb: loadedHeap,
      snapshotLoadSeconds: loadSeconds,
      neighbors,
      neighborsWithEvidence,
      hubNeighbors,
      depth2,
      neighborsInProcess,
      depth2InProcess,
    };
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const r = results.synthetic as Record<string, number> & Record<string, { p50: number; p99: number }>;
  const rows: Array<[string, string]> = [
    ['synthetic graph', `${r.entities} entities, ${r.edges} edges from ${r.articles} articles`],
    ['build (addArticle)', `${r.buildSeconds?.toFixed(1)} s, heap ${r.heapMb} MB, RSS ${r.rssMb} MB`],
    [
      'snapshot',
      `${r.snapshotMb} MB, save ${r.snapshotSaveSeconds?.toFixed(1)} s, load ${r.snapshotLoadSeconds?.toFixed(1)} s (heap ${r.loadedHeapMb} MB)`,
    ],
    ...(
      [
        'neighbors',
        'neighborsWithEvidence',
        'hubNeighbors',
        'depth2',
        'neighborsInProcess',
        'depth2InProcess',
      ] as const
    ).map((name): [string, string] => [
      name === 'hubNeighbors' ? `neighbors of the hub (${r.hubDegree} edges)` : name,
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

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
