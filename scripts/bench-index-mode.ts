// npm run bench:index-mode -- [files]: neighbours (or with --graph, neighbourhood exports; with --whole, the
// whole graph's strongest edges) in index mode against memory mode (the in-memory graph) over the same index:
// index mode counting facets at question time (as before the neighbour lists), reading the lists kept in the
// index, and the lists again from the API's cache; p50 and p99 per entity and option set, for the most
// mentioned entities and a spread of smaller ones; optionally (--write-cost) the time to write the graph
// index with and without lists, and what it holds. Figures: docs/index-mode.md.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { edgeCount } from '../src/graph/edge-lists.js';
import { entitiesOf, entityAttributes, entityCount } from '../src/graph/entity-table.js';
import { exportGraph, type ExportOptions } from '../src/graph/export-graph.js';
import { findNeighbors, type NeighborOptions } from '../src/graph/find-neighbors.js';
import { articlePairs } from '../src/graph-index/choose-graph-mode.js';
import { findIndexNeighbors } from '../src/graph-index/find-index-neighbors.js';
import { indexExportGraph } from '../src/graph-index/index-export-graph.js';
import { indexWholeGraph } from '../src/graph-index/index-whole-graph.js';
import type { CooccurrenceGraph } from '../src/graph/types.js';
import type { OpenSearch } from '../src/open-search.js';
import { createGraphIndex, type GraphIndex } from '../src/search/create-graph-index.js';
import { adjacencyFacetQueries, toCountedAdjacency } from '../src/search/count-adjacency.js';
import { createMeiliClient } from '../src/search/create-meili-client.js';
import type { SearchIndex } from '../src/search/create-search-index.js';
import { rebuildGraph } from '../src/sync-graph.js';
import { latencyCells } from './bench-lib/measure.js';
import { openIndexModeCorpus } from './bench-lib/open-index-mode-corpus.js';
import { parseCli } from './parse-cli.js';
import { articleCount } from '../src/graph/article-table.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const { values, positionals } = parseCli({
  usage:
    'npm run bench:index-mode -- [--data-dir DIR] [--reps N] [--write-cost] [--graph | --whole] [files...]',
  description:
    'Neighbour latency in index mode against memory mode over one index (p50, p99), and with --write-cost\n' +
    'the time to write the graph index with and without neighbour lists. Files default to ../shared/corpus.',
  positionals: 'files',
  options: {
    'data-dir': {
      type: 'string',
      value: 'DIR',
      description: 'embedded Meilisearch data (default: a fresh temporary directory)',
    },
    reps: { type: 'string', value: 'N', default: '30', description: 'timed runs per entity and option set' },
    spread: { type: 'string', value: 'N', default: '10', description: 'smaller entities, spread by size' },
    'write-cost': {
      type: 'boolean',
      default: false,
      description: 'write the graph index again, with and without neighbour lists',
    },
    graph: {
      type: 'boolean',
      default: false,
      description: 'time neighbourhood exports (GET /graph?center=) instead of neighbour lists',
    },
    whole: {
      type: 'boolean',
      default: false,
      description: 'time whole-graph exports (GET /graph without center) instead of neighbour lists',
    },
  },
});

const files =
  positionals.length > 0 ? positionals : ['de-news.jsonl', 'en-news.jsonl'].map((f) => path.join(CORPUS, f));
const reps = Number(values.reps);
const GRAPH_SETS: Record<string, Partial<ExportOptions>> = {
  'depth 1': { depth: 1 },
  'depth 2 (G², 150 nodes)': { depth: 2 },
  'depth 2, counts, 500 nodes': { depth: 2, measure: 'count', maxNodes: 500 },
  'depth 1, backbone=disparity': { depth: 1, backbone: 'disparity' },
};
const WHOLE_SETS: Record<string, Partial<ExportOptions>> = {
  'default (500 edges, count)': {},
  'limit=50': { limit: 50 },
  'limit=2000': { limit: 2_000 },
  'weight=llr, limit=100': { measure: 'llr', limit: 100 },
  'weight=pmi, minArticles=5, limit=100': { measure: 'pmi', minArticles: 5, limit: 100 },
  'window=sentence, limit=200': { window: 'sentence', limit: 200 },
  'from/to (2008), limit=100': {
    from: Date.parse('2008-01-01'),
    to: Date.parse('2008-12-31T23:59:59Z'),
    limit: 100,
  },
  'backbone=disparity, limit=300': { backbone: 'disparity', limit: 300 },
};
const OPTION_SETS: Record<string, Partial<NeighborOptions>> = {
  'default (count, article, evidence 3)': {},
  'evidence=0': { evidence: 0 },
  'weight=llr': { weight: 'llr' },
  'window=sentence': { window: 'sentence' },
  'from/to (2008)': { from: Date.parse('2008-01-01'), to: Date.parse('2008-12-31T23:59:59Z') },
};

async function timed<T>(work: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The graph index as it was before neighbour lists (and is without current ones): lists counted from facets. */
function countingFacets(graph: GraphIndex): GraphIndex {
  return {
    ...graph,
    adjacency: async (ids) => toCountedAdjacency(ids, await graph.facets(adjacencyFacetQueries(ids))),
  };
}

/**
 * The graph index's own write cost: the articles of the index written again, in the pipeline's batches of
 * 500, one batch at a time, into fresh graph indexes, without neighbour lists (GRAPH_MODE=memory) and with
 * them (index, auto); two rounds, alternating, so that a change of load hits both.
 */
async function writeCost(search: SearchIndex, prefix: string, opened: OpenSearch): Promise<void> {
  const client = createMeiliClient({ url: opened.meili.url, apiKey: opened.searchKey, timeoutMs: 60_000 });
  const pages = [];
  for await (const page of search.allArticles(500)) pages.push(page);
  for (const round of [1, 2]) {
    for (const variant of ['facets', 'lists']) {
      const graph = createGraphIndex(client, `${prefix}cost_${variant}_${round}_`, {
        neighbourLists: variant === 'lists',
      });
      await graph.setup();
      const index = client.index(graph.uid);
      const started = performance.now();
      for (const page of pages) await graph.write(page);
      const seconds = (performance.now() - started) / 1000;
      const stats = await index.getStats();
      process.stdout.write(
        `write cost, round ${round}: ${seconds.toFixed(1)} s, graph index ${variant === 'lists' ? 'with' : 'without'} ` +
          `lists (${stats.numberOfDocuments} documents, ${(stats.rawDocumentDbSize / 2 ** 20).toFixed(1)} MiB)\n`,
      );
    }
  }
}

async function main(): Promise<void> {
  const { opened, config } = await openIndexModeCorpus(values['data-dir'], files);
  const { search } = opened;
  try {
    if (values['write-cost']) await writeCost(search, config.meili.indexPrefix, opened);
    const heapBefore = process.memoryUsage().heapUsed;
    const store = await rebuildGraph(search);
    const heapAfter = process.memoryUsage().heapUsed;
    const [articleDocs, sentenceDocs] = await search.graph.facets([
      { where: { kind: 'article' } },
      { where: { kind: 'sentence' } },
    ]);
    const lists = await createMeiliClient({
      url: opened.meili.url,
      apiKey: opened.searchKey,
      timeoutMs: 60_000,
    })
      .index(`${config.meili.indexPrefix}graph`)
      .search('', { filter: 'kind = "list"', limit: 0 });
    process.stdout.write(
      `graph: ${articleCount(store)} articles, ${entityCount(store)} entities, ${edgeCount(store)} edges ` +
        `(heap +${Math.round((heapAfter - heapBefore) / 2 ** 20)} MiB); graph index: ${articleDocs?.total} article ` +
        `and ${sentenceDocs?.total} sentence documents, ${lists.estimatedTotalHits} list documents; pairs summed over articles ${await articlePairs(search)}\n`,
    );
    const nodes = [...entitiesOf(store)].sort(([, a], [, b]) => b.articles - a.articles).map(([id]) => id);
    const spread = Number(values.spread);
    const step = Math.max(1, Math.floor(nodes.length / 2 / spread));
    const centers = [
      ...nodes.slice(0, 5),
      ...nodes
        .slice(5)
        .filter((_, i) => i % step === 0)
        .slice(0, spread),
    ];
    // The API's graph index keeps answers until the index changes (cache-graph-facets.ts): "lists" asks
    // Meilisearch every time, as the first question after a write does; "cached" is a question asked again;
    // "facets" counts every list from facets, as index mode did before the lists.
    const uncached = createGraphIndex(
      createMeiliClient({ url: opened.meili.url, apiKey: opened.searchKey, timeoutMs: 60_000 }),
      config.meili.indexPrefix,
    );
    if (values.whole) {
      await timeWholeGraph(store, uncached, search.graph);
      return;
    }
    const facets = countingFacets(uncached);
    const questions: Array<[string, (graph: GraphIndex) => Promise<unknown>, () => unknown]> = [];
    for (const id of centers) {
      const sets = values.graph ? GRAPH_SETS : OPTION_SETS;
      for (const [label, options] of Object.entries(sets)) {
        const asked = values.graph
          ? (graph: GraphIndex) => indexExportGraph(graph, { ...options, center: id })
          : (graph: GraphIndex) => findIndexNeighbors(graph, id, options);
        const inMemory = values.graph
          ? () => exportGraph(store, { ...options, center: id })
          : () => findNeighbors(store, id, options);
        questions.push([`| ${id} | ${entityAttributes(store, id)?.articles} | ${label} `, asked, inMemory]);
      }
    }
    process.stdout.write(
      '\n| entity | articles | options | memory p50 | memory p99 | facets p50 | facets p99 | lists p50 | lists p99 | cached p50 | cached p99 |\n' +
        '|---|---|---|---|---|---|---|---|---|---|---|\n',
    );
    for (const [row, asked, inMemory] of questions) {
      const memory: number[] = [];
      const counted: number[] = [];
      const index: number[] = [];
      const cached: number[] = [];
      await asked(search.graph);
      for (let i = 0; i < reps; i++) {
        memory.push(await timed(inMemory));
        counted.push(await timed(() => asked(facets)));
        index.push(await timed(() => asked(uncached)));
        cached.push(await timed(() => asked(search.graph)));
      }
      const cells = [memory, counted, index, cached].flatMap(latencyCells);
      process.stdout.write(`${row}| ${cells.join(' | ')} |\n`);
    }
  } finally {
    await opened.close();
  }
}

/** Whole-graph exports in memory and from the index (uncached and cached), with the lists each read. */
async function timeWholeGraph(store: CooccurrenceGraph, uncached: GraphIndex, cachedGraph: GraphIndex) {
  process.stdout.write(
    '\n| options | memory p50 | memory p99 | lists p50 | lists p99 | cached p50 | cached p99 | lists read | edgesBeforeCut |\n' +
      '|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const [label, options] of Object.entries(WHOLE_SETS)) {
    let read = 0;
    const counting: GraphIndex = {
      ...uncached,
      adjacency: (ids) => ((read += ids.length), uncached.adjacency(ids)),
    };
    const first = await indexWholeGraph(counting, options);
    const lists = read;
    const memory: number[] = [];
    const index: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < reps; i++) {
      memory.push(await timed(() => exportGraph(store, options)));
      index.push(await timed(() => indexWholeGraph(uncached, options)));
      cached.push(await timed(() => indexWholeGraph(cachedGraph, options)));
    }
    const cells = [memory, index, cached].flatMap(latencyCells);
    const { edgesBeforeCut, edgesBeforeCutExact } = first.attributes as Record<string, unknown>;
    const counted = `${edgesBeforeCutExact === false ? '≥ ' : ''}${edgesBeforeCut}`;
    process.stdout.write(`| ${label} | ${cells.join(' | ')} | ${lists} | ${counted} |\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:index-mode: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
