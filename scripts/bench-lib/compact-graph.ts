// `npm run bench:graph -- --compact-edges N`: the graph store alone, in this process, at N edges. Builds it
// through addArticle from the same synthetic articles as the default mode (or, with --realistic, the
// articles of --realistic), then reports heap per edge
// (heapUsed and the typed arrays' external memory apart, after a full collection): built incrementally,
// and loaded from the binary snapshot in a fresh process, each with and without the per-article records;
// snapshot save and load times; neighbour and depth-2 latency on the hub in the loading process. Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { edgeCount } from '../../src/graph/edge-lists.js';
import { entityCount } from '../../src/graph/entity-table.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import { loadGraph, saveGraph } from '../../src/graph/persist-graph.js';
import type { CooccurrenceGraph, GraphArticle } from '../../src/graph/types.js';
import { latencies, megabytes } from './measure.js';
import { createArticleTable } from '../../src/graph/article-table.js';
import { createPostings } from '../../src/graph/postings.js';

interface Memory {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

function memory(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: run node with --expose-gc (npm run bench:graph does)');
  gc();
  gc();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, external, arrayBuffers };
}

/** Bytes per edge of what `after` holds beyond `before`: heapUsed, external, and both. */
function perEdge(before: Memory, after: Memory, edges: number) {
  const heap = (after.heapUsed - before.heapUsed) / edges;
  const external = (after.external - before.external) / edges;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { heapUsed: round(heap), external: round(external), total: round(heap + external) };
}

/** The same store without its articles and postings: the graph proper. */
function dropArticles(store: CooccurrenceGraph): void {
  store.articles = createArticleTable();
  store.postings = createPostings();
}

function time(run: () => unknown, times: number) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  const { p50, p99 } = latencies(samples);
  return { p50: Math.round(p50 * 100) / 100, p99: Math.round(p99 * 100) / 100 };
}

/** Builds a graph of `edges` edges from `article(k)`, k = 0, 1, ...; measures it, saves and loads it. */
export async function benchCompactGraph(options: {
  edges: number;
  article: (k: number) => GraphArticle;
}): Promise<Record<string, unknown>> {
  const { edges: target, article } = options;
  const empty = memory();
  const store = createCooccurrenceGraph();
  let started = performance.now();
  let articles = 0;
  for (let k = 0; edgeCount(store) < target; k++) {
    addArticle(store, article(k));
    articles = k + 1;
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const edges = edgeCount(store);
  const built = memory();
  let hub = 0;
  for (let number = 1; number < store.edges.length.length; number++) {
    if ((store.edges.length[number] ?? 0) > (store.edges.length[hub] ?? 0)) hub = number;
  }
  const hubId = store.entities.ids[hub] as string;
  const hubDegree = store.edges.length[hub] ?? 0;
  const slabSlots = store.edges.others.length;

  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-compact-'));
  const file = path.join(dir, 'graph.bin');
  try {
    started = performance.now();
    await saveGraph(store, file, 'bench');
    const saveSeconds = (performance.now() - started) / 1000;
    dropArticles(store);
    const builtGraphOnly = memory();
    // Start-up as an API process does it: a fresh process that loads the snapshot.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, '--compact-load', file],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (child.status !== 0) throw new Error(`bench: loading the snapshot failed: ${child.stderr}`);
    return {
      edges,
      entities: entityCount(store),
      articles,
      buildSeconds: Math.round(buildSeconds * 10) / 10,
      slabSlotsAfterBuild: slabSlots,
      bytesPerEdge: {
        builtWithArticles: perEdge(empty, built, edges),
        builtGraphOnly: perEdge(empty, builtGraphOnly, edges),
      },
      snapshotMb: megabytes(statSync(file).size),
      saveSeconds: Math.round(saveSeconds * 100) / 100,
      hub: { id: hubId, degree: hubDegree, articles: store.entities.articles[hub] },
      loaded: JSON.parse(child.stdout) as unknown,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The loading half, in a process of its own: load time, heap per edge, latency on the hub. */
export async function benchLoadedGraph(file: string): Promise<Record<string, unknown>> {
  const empty = memory();
  const started = performance.now();
  const store = await loadGraph(file, 'bench');
  const loadSeconds = (performance.now() - started) / 1000;
  if (!store) throw new Error(`bench: cannot load ${file}`);
  const loaded = memory();
  const edges = edgeCount(store);
  let hub = 0;
  for (let number = 1; number < store.edges.length.length; number++) {
    if ((store.edges.length[number] ?? 0) > (store.edges.length[hub] ?? 0)) hub = number;
  }
  const hubId = store.entities.ids[hub] as string;
  const neighbors = time(() => findNeighbors(store, hubId, { limit: 50, evidence: 0 }), 200);
  const neighborsEvidence = time(() => findNeighbors(store, hubId, { limit: 50 }), 50);
  const depth2 = time(() => exportGraph(store, { center: hubId, depth: 2, maxNodes: 500 }), 20);
  dropArticles(store);
  const graphOnly = memory();
  return {
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    bytesPerEdge: {
      withArticles: perEdge(empty, loaded, edges),
      graphOnly: perEdge(empty, graphOnly, edges),
    },
    rssMb: megabytes(process.memoryUsage().rss),
    hubNeighborsMs: neighbors,
    hubNeighborsWithEvidenceMs: neighborsEvidence,
    hubDepth2Ms: depth2,
  };
}
