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
import { loadGraph, saveGraph } from '../src/graph/persist-graph.js';
import { createApp } from '../src/http/create-app.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { heapMb, megabytes, timeRequests } from './bench-lib/measure.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '2000000' },
  },
});
const entityCount = Number(values.entities);
const edgeTarget = Number(values.edges);
const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];

async function main(): Promise<void> {
  const random = seededRandom(42);
  // Entity i is drawn with probability ~ 1 / (i + 10): a few hubs, a long tail, as in news.
  const weights = Array.from({ length: entityCount }, (_, i) => 1 / (i + 10));
  const cumulative = new Float64Array(entityCount);
  weights.reduce((sum, weight, i) => (cumulative[i] = sum + weight), 0);
  const total = cumulative[entityCount - 1] ?? 1;
  const draw = (): number => {
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
  const info = (i: number) => ({ id: `e${i}`, name: `Entity ${i}`, type: TYPES[i % 4] as EntityType });

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

  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-graph-'));
  const snapshot = path.join(dataDir, 'graph.json');
  started = performance.now();
  await saveGraph(store, snapshot, 'bench');
  const saveSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const loaded = await loadGraph(snapshot, 'bench');
  const loadSeconds = (performance.now() - started) / 1000;
  if (loaded?.graph.size !== store.graph.size) throw new Error('bench: the snapshot did not load back');

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
    results.synthetic = {
      entities: store.graph.order,
      edges: store.graph.size,
      articles,
      hubDegree,
      buildSeconds,
      heapMb: heap,
      rssMb: megabytes(process.memoryUsage().rss),
      snapshotMb: megabytes(statSync(snapshot).size),
      snapshotSaveSeconds: saveSeconds,
      snapshotLoadSeconds: loadSeconds,
      neighbors,
      neighborsWithEvidence,
      hubNeighbors,
      depth2,
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
      `${r.snapshotMb} MB, save ${r.snapshotSaveSeconds?.toFixed(1)} s, load ${r.snapshotLoadSeconds?.toFixed(1)} s`,
    ],
    ...(['neighbors', 'neighborsWithEvidence', 'hubNeighbors', 'depth2'] as const).map(
      (name): [string, string] => [
        name === 'hubNeighbors' ? `neighbors of the hub (${r.hubDegree} edges)` : name,
        `p50 ${r[name]?.p50.toFixed(2)} ms, p99 ${r[name]?.p99.toFixed(2)} ms`,
      ],
    ),
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
