// Index mode against memory mode: the same articles go through the same pipeline, which fills the
// in-memory graph and writes the graph index; every neighbour list, weight and evidence list read from the
// index must equal the graph's, with and without from/to, for every measure and window. On the fixture
// always (it holds page furniture, a copy of another story and undated articles), on ../shared/corpus when
// it is there.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { loadConfig } from '../../src/config.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { articlePairs, chooseGraphMode } from '../../src/graph-index/choose-graph-mode.js';
import { ensureGraphIndex } from '../../src/graph-index/ensure-graph-index.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { addArticle } from '../../src/graph/add-article.js';
import { edgeCount } from '../../src/graph/edge-lists.js';
import { entityAttributes } from '../../src/graph/entity-table.js';
import { exportGraph, type ExportOptions } from '../../src/graph/export-graph.js';
import { findNeighbors, type NeighborOptions } from '../../src/graph/find-neighbors.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { articleDates } from '../../src/graph/article-table.js';
import { entityTimeline, type TimelineOptions } from '../../src/graph/entity-timeline.js';
import { trendingEntities, trendingPairs, type TrendingOptions } from '../../src/graph/trending.js';
import { findIndexNeighbors } from '../../src/graph-index/find-index-neighbors.js';
import { indexEvidence } from '../../src/graph-index/index-evidence.js';
import { indexEntity } from '../../src/graph-index/index-entity.js';
import { indexTimeline } from '../../src/graph-index/index-timeline.js';
import { indexTrendingEntities, indexTrendingPairs } from '../../src/graph-index/index-trending.js';
import { indexExportGraph } from '../../src/graph-index/index-export-graph.js';
import { DEFAULTS as WHOLE, indexWholeGraph } from '../../src/graph-index/index-whole-graph.js';
import type { GraphIndex } from '../../src/search/create-graph-index.js';
import { entitiesByArticles, entityIds } from '../helpers/graph-shape.js';
import { CORPUS, openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { CORPUS_FILES, corpusPresent, day, FIXTURES } from './index-mode-files.js';

if (!corpusPresent) {
  console.warn(`index mode over the corpus skipped: ${CORPUS} is absent (it is not part of the repository)`);
}

/** Option sets to compare: measures, windows, thresholds, types, and date ranges with one end or two. */
function optionSets(range: { from: number; to: number }): Array<Partial<NeighborOptions>> {
  return [
    {},
    { limit: 200, evidence: 5 },
    { window: 'sentence', limit: 200, evidence: 4 },
    { weight: 'pmi', limit: 50 },
    { weight: 'llr', limit: 50 },
    { weight: 'pmi', window: 'sentence', minWeight: 2 },
    { minArticles: 2, limit: 30 },
    { type: 'person', limit: 30 },
    { type: 'location', weight: 'llr' },
    { limit: 1 },
    { from: range.from, limit: 100 },
    { to: range.to, limit: 100, weight: 'pmi' },
    { from: range.from, to: range.to, limit: 100, evidence: 6 },
    { from: range.from, to: range.to, window: 'sentence', weight: 'llr' },
    { evidence: 0, limit: 200 },
  ];
}

async function expectSameNeighbors(
  store: CooccurrenceGraph,
  graph: GraphIndex,
  ids: readonly string[],
  sets: Array<Partial<NeighborOptions>>,
): Promise<number> {
  let compared = 0;
  for (const id of ids) {
    for (const options of sets) {
      const memory = findNeighbors(store, id, options);
      const index = await findIndexNeighbors(graph, id, options);
      expect({ id, options, neighbors: index }).toEqual({ id, options, neighbors: memory });
      compared += memory?.length ?? 0;
    }
  }
  return compared;
}

/** /graph option sets: both depths, cuts among ties, measures, windows, hubs, date ranges. */
function exportSets(range: { from: number; to: number }): Array<Partial<ExportOptions>> {
  return [
    { depth: 1 },
    { depth: 1, limit: 5 },
    { depth: 1, maxNodes: 4 },
    { depth: 1, window: 'sentence', measure: 'pmi' },
    { depth: 1, measure: 'llr', minArticles: 2 },
    { depth: 1, measure: 'count', minWeight: 2 },
    { depth: 1, from: range.from, to: range.to, measure: 'pmi' },
    { depth: 2 },
    { depth: 2, measure: 'count', maxNodes: 12 },
    { depth: 2, measure: 'count', minArticles: 1, limit: 20 },
    { depth: 2, expandHubs: true, hubShare: 0.05, window: 'sentence', maxNodes: 40 },
    { depth: 2, from: range.from, maxNodes: 30 },
    { depth: 2, from: range.from, to: range.to, window: 'sentence', measure: 'count' },
    { depth: 2, window: 'sentence', measure: 'count', minWeight: 2, minArticles: 1 },
    { depth: 1, backbone: 'disparity', alpha: 0.3 },
    { depth: 1, backbone: 'disparity', alpha: 0.5, maxNodes: 3 },
    { depth: 1, backbone: 'disparity', alpha: 0.2, limit: 2, measure: 'llr' },
    { depth: 1, backbone: 'disparity', alpha: 0.5, window: 'sentence', from: range.from },
    { depth: 2, backbone: 'disparity', alpha: 0.4, measure: 'count' },
  ];
}

async function expectSameGraphs(
  store: CooccurrenceGraph,
  graph: GraphIndex,
  ids: readonly string[],
  sets: Array<Partial<ExportOptions>>,
): Promise<number> {
  let edges = 0;
  for (const center of ids) {
    for (const options of sets) {
      const memory = exportGraph(store, { ...options, center });
      const index = await indexExportGraph(graph, { ...options, center });
      expect({ center, options, graph: index }).toEqual({ center, options, graph: memory });
      edges += memory?.edges.length ?? 0;
    }
  }
  return edges;
}

/** Whole-graph option sets: cuts among ties, every measure and window, thresholds, date ranges. */
function wholeSets(range: { from: number; to: number }): Array<Partial<ExportOptions>> {
  return [
    {},
    { limit: 1 },
    { limit: 5 },
    { limit: 40 },
    { limit: 10_000 },
    { limit: 30, measure: 'llr' },
    { limit: 30, measure: 'pmi', minArticles: 2 },
    { limit: 20, measure: 'pmi', window: 'sentence', minWeight: 2 },
    { limit: 25, window: 'sentence' },
    { limit: 25, minWeight: 2 },
    { limit: 15, from: range.from, to: range.to },
    { limit: 15, from: range.from, measure: 'llr' },
    { limit: 15, to: range.to, window: 'sentence', minArticles: 2 },
    { backbone: 'disparity' },
    { backbone: 'disparity', alpha: 0.3, limit: 4 },
    { backbone: 'disparity', alpha: 0.5, limit: 10, window: 'sentence', measure: 'llr' },
  ];
}

/**
 * The whole graph from the index against memory mode's. Where the index stopped reading before the end
 * (`edgesBeforeCutExact: false`) it cannot know how many weaker edges there are: it must say so, and count
 * at most as many as there are; everything else is equal. Returns the lists each export read.
 */
async function expectSameWholeGraphs(
  store: CooccurrenceGraph,
  graph: GraphIndex,
  sets: Array<Partial<ExportOptions>>,
  limits = WHOLE,
): Promise<number[]> {
  const reads: number[] = [];
  for (const options of sets) {
    let read = 0;
    const counting: GraphIndex = {
      ...graph,
      adjacency: (ids) => ((read += ids.length), graph.adjacency(ids)),
    };
    const memory = exportGraph(store, options);
    const index = await indexWholeGraph(counting, options, limits);
    reads.push(read);
    const { edgesBeforeCutExact, ...attributes } = index.attributes as Record<string, unknown>;
    if (edgesBeforeCutExact === false) {
      const [counted, all] = [
        attributes.edgesBeforeCut as number,
        memory?.attributes?.edgesBeforeCut as number,
      ];
      expect({ options, counted, atMost: counted <= all }).toEqual({ options, counted, atMost: true });
      expect(attributes.cut).toBe(`the strongest ${index.edges.length} of at least ${counted} edges`);
      Object.assign(attributes, { edgesBeforeCut: all, cut: memory?.attributes?.cut });
    }
    expect({ options, graph: { ...index, attributes } }).toEqual({ options, graph: memory });
  }
  return reads;
}

/** Timelines of every entity, and of each with its strongest neighbours, for every interval and range. */
async function expectSameTimelines(
  store: CooccurrenceGraph,
  graph: GraphIndex,
  ids: readonly string[],
  range: { from: number; to: number },
): Promise<number> {
  const sets: Array<Partial<TimelineOptions>> = [
    {},
    { interval: 'day' },
    { interval: 'week', from: range.from },
    { interval: 'day', from: range.from, to: range.to },
  ];
  let counted = 0;
  for (const id of ids) {
    const partners = (findNeighbors(store, id, { limit: 3 }) ?? []).map((neighbor) => neighbor.id);
    for (const other of [undefined, id, ...partners]) {
      for (const options of sets) {
        const memory = entityTimeline(store, id, { ...options, with: other });
        const index = await indexTimeline(graph, id, { ...options, with: other });
        expect({ id, other, options, timeline: index }).toEqual({ id, other, options, timeline: memory });
        counted +=
          (memory?.buckets.reduce((sum, bucket) => sum + bucket.mentions, 0) ?? 0) +
          (memory?.undated.mentions ?? 0);
      }
    }
  }
  return counted;
}

/** Trending entities and pairs, of every type and none, over `windows`. */
async function expectSameTrending(
  store: CooccurrenceGraph,
  graph: GraphIndex,
  windows: Array<Omit<TrendingOptions, 'limit' | 'type'>>,
): Promise<number> {
  let items = 0;
  for (const window of windows) {
    for (const type of [undefined, 'person', 'organization', 'location'] as const) {
      for (const limit of [1, 5, 50]) {
        const options = { ...window, type, limit };
        const memory = trendingEntities(store, options);
        expect({ options, entities: await indexTrendingEntities(graph, options) }).toEqual({
          options,
          entities: memory,
        });
        const pairs = trendingPairs(store, options);
        expect({ options, pairs: await indexTrendingPairs(graph, options) }).toEqual({ options, pairs });
        items += memory.items.length + pairs.items.length;
      }
    }
  }
  return items;
}

async function expectSameNodes(store: CooccurrenceGraph, graph: GraphIndex, ids: readonly string[]) {
  for (const id of ids) {
    expect({ id, node: await indexEntity(graph, id) }).toEqual({
      id,
      node: entityAttributes(store, id),
    });
  }
}

describe('index mode answers as memory mode', () => {
  let ng: TestNewsgraph;

  afterAll(async () => {
    await ng?.opened.close();
  });

  describe('on the fixture', () => {
    beforeAll(async () => {
      // GRAPH_MODE=index: the writes keep the neighbour lists that index mode reads.
      ng = await openTestNewsgraph('index_mode', { EXTRACT_THREADS: '0', NER: 'off', GRAPH_MODE: 'index' });
      await ng.index(FIXTURES);
    }, 300_000);

    it('the fixture holds what the index must leave out: page furniture and a copy of a story', async () => {
      const articles = await ng.opened.search.getArticles(
        ['im-01', 'im-06'],
        ['id', 'mentions', 'duplicateOf'],
      );
      const byId = new Map(articles.map((article) => [article.id, article]));
      expect(byId.get('im-01')?.mentions.some((mention) => mention.furniture)).toBe(true);
      expect(byId.get('im-06')?.duplicateOf).toBe('im-05');
    });

    it('gives every entity the same neighbours, weights and evidence, with and without from/to', async () => {
      const ids = entityIds(ng.store);
      expect(ids.length).toBeGreaterThan(20);
      const compared = await expectSameNeighbors(
        ng.store,
        ng.opened.search.graph,
        ids,
        optionSets({ from: day('2024-03-02'), to: day('2024-03-07') }),
      );
      expect(compared).toBeGreaterThan(500);
    });

    it('gives the same evidence when its reads are split into pieces of one edge each', async () => {
      const graph = ng.opened.search.graph;
      const pieces: number[] = [];
      const counting: GraphIndex = {
        ...graph,
        articleDates: (queries) => {
          pieces.push(queries.length);
          return graph.articleDates(queries);
        },
      };
      let compared = 0;
      for (const id of entityIds(ng.store)) {
        for (const window of ['article', 'sentence'] as const) {
          const neighbors = (await findIndexNeighbors(graph, id, { window, evidence: 0 })) ?? [];
          const options = { window, evidence: 5 };
          const whole = await indexEvidence(counting, id, neighbors, options);
          const split = await indexEvidence(counting, id, neighbors, options, { docsPerSearch: 1 });
          expect(split).toEqual(whole);
          const memory = findNeighbors(ng.store, id, options) ?? [];
          expect(whole).toEqual(memory.map((neighbor) => neighbor.evidence));
          compared += neighbors.length;
        }
      }
      expect(compared).toBeGreaterThan(100);
      // Some reads went in more than one search of a request.
      expect(Math.max(...pieces)).toBeGreaterThan(1);
    });

    it('exports the neighbourhood of every entity at depth 1 and 2 as memory mode does, cuts and ties included', async () => {
      const ids = entityIds(ng.store);
      const edges = await expectSameGraphs(
        ng.store,
        ng.opened.search.graph,
        ids,
        exportSets({ from: day('2024-03-02'), to: day('2024-03-07') }),
      );
      expect(edges).toBeGreaterThan(500);
      expect(await indexExportGraph(ng.opened.search.graph, { center: 'no-such-entity' })).toBeUndefined();
    });

    it("reads whole lists in pieces bounded by their entities' articles, with the same answer", async () => {
      const graph = ng.opened.search.graph;
      const reads: string[][] = [];
      const recording: GraphIndex = {
        ...graph,
        adjacency: (ids, among) => {
          reads.push([...ids]);
          return graph.adjacency(ids, among);
        },
      };
      const options = { backbone: 'disparity' as const, alpha: 0.5, limit: 20 };
      const bounded = await indexWholeGraph(recording, options, { ...WHOLE, articlesAtOnce: 6 });
      const whole = await indexWholeGraph(graph, options);
      // The same nodes and edges; how many edges were met before the cut is a lower bound that depends on
      // how far the walk read (`edgesBeforeCutExact: false`).
      expect(bounded.nodes).toEqual(whole.nodes);
      expect(bounded.edges).toEqual(whole.edges);
      const read = [...new Set(reads.flat())];
      const totals = await graph.entityTotals(read);
      const articles = new Map(read.map((id, i) => [id, totals[i]?.articles ?? 0]));
      const sizes = reads.map((ids) => ids.reduce((sum, id) => sum + (articles.get(id) as number), 0));
      // A piece holds more than one list only within the bound; a list above it is read alone.
      reads.forEach((ids, i) => {
        if (ids.length > 1) expect(sizes[i]).toBeLessThanOrEqual(6);
      });
      expect(reads.some((ids) => ids.length > 1)).toBe(true);
      expect(sizes.some((size) => size > 6)).toBe(true);
    });

    it('exports the whole graph as memory mode does, reading the lists of the strongest entities first', async () => {
      const reads = await expectSameWholeGraphs(
        ng.store,
        ng.opened.search.graph,
        wholeSets({ from: day('2024-03-02'), to: day('2024-03-07') }),
        // Small steps, so that the walk goes deeper into the ranking and stops between lists.
        { ...WHOLE, listsAtOnce: 2, firstDepth: 4 },
      );
      // The single strongest edge needs only the lists of the entities that can still reach it.
      expect(reads[1]).toBeLessThan(entityIds(ng.store).length);
      // PMI has no bound: past the most lists an export may read, it is refused with a reason.
      const refused = indexWholeGraph(ng.opened.search.graph, { measure: 'pmi' }, { ...WHOLE, maxLists: 3 });
      await expect(refused).rejects.toMatchObject({
        code: 'unsupported_in_index_mode',
        message: expect.stringMatching(/more than 3 entities/),
      });
    });

    it('gives every entity and pair the same timeline, undated articles and date ranges included', async () => {
      const ids = entityIds(ng.store);
      const mentions = await expectSameTimelines(ng.store, ng.opened.search.graph, ids, {
        from: day('2024-03-02'),
        to: day('2024-03-07'),
      });
      expect(mentions).toBeGreaterThan(200);
      expect(await indexTimeline(ng.opened.search.graph, 'no-such-entity')).toBeUndefined();
      expect(
        await indexTimeline(ng.opened.search.graph, 'olaf-scholz', { with: 'no-such-entity' }),
      ).toBeUndefined();
    });

    it('ranks the same trending entities and pairs, by type and window', async () => {
      const DAY = 86_400_000;
      const items = await expectSameTrending(ng.store, ng.opened.search.graph, [
        {
          from: day('2024-03-04'),
          to: day('2024-03-10') - 1,
          baselineFrom: day('2024-02-26'),
          baselineTo: day('2024-03-04') - 1,
        },
        {
          from: day('2024-03-01'),
          to: day('2024-03-09'),
          baselineFrom: day('2023-12-01'),
          baselineTo: day('2024-02-29'),
        },
        {
          from: day('2024-02-20'),
          to: day('2024-02-21') + DAY,
          baselineFrom: 0,
          baselineTo: day('2024-02-19'),
        },
        {
          from: day('2030-01-01'),
          to: day('2030-01-08'),
          baselineFrom: day('2029-12-25'),
          baselineTo: day('2029-12-31'),
        },
      ]);
      expect(items).toBeGreaterThan(50);
      expect(await ng.opened.search.graph.newestPublished()).toBe(
        Math.max(...[...articleDates(ng.store)].filter((ts) => !Number.isNaN(ts))),
      );
    });

    it('gives every entity the same name, type, articles and mentions', async () => {
      await expectSameNodes(ng.store, ng.opened.search.graph, entityIds(ng.store));
      expect(await indexEntity(ng.opened.search.graph, 'no-such-entity')).toBeUndefined();
      expect(await findIndexNeighbors(ng.opened.search.graph, 'no-such-entity')).toBeUndefined();
    });

    it('follows a re-indexed and a deleted article', async () => {
      await ng.index(FIXTURES.slice(0, 1));
      expect(await ng.deps.removeArticle('im-12')).toBe(true);
      expect(await ng.deps.removeArticle('im-05')).toBe(true);
      await expectSameNeighbors(ng.store, ng.opened.search.graph, entityIds(ng.store), [
        { limit: 200, evidence: 5 },
        { weight: 'llr', window: 'sentence' },
      ]);
      await expectSameGraphs(ng.store, ng.opened.search.graph, entityIds(ng.store), [
        { depth: 1 },
        { depth: 2, measure: 'count' },
      ]);
    });

    it('answers the entity routes over HTTP with the same JSON as memory mode', async () => {
      const logger = createLogger('warn');
      const indexApp = createApp(apiDeps(ng.opened, createCooccurrenceGraph(), ng.config, logger, 'index'));
      const paths = [
        '/entities/olaf-scholz/neighbors',
        '/entities/emmanuel-macron/neighbors?window=sentence&evidence=5&limit=50',
        '/entities/vladimir-putin/neighbors?weight=llr&from=2024-01-01&to=2024-03-05',
        '/entities/germany/neighbors?weight=pmi&type=location',
        '/entities/olaf-scholz',
        '/entities?q=Scholz',
        '/search?q=Berlin',
        '/graph?center=olaf-scholz',
        '/graph?center=germany&depth=2&layout=true',
        '/graph?center=emmanuel-macron&depth=2&weight=count&format=gexf',
        '/graph?center=vladimir-putin&window=sentence&format=csv&table=edges',
        '/graph?center=berlin&format=graphml&from=2024-03-02',
        // The whole graph with room for every edge, so that the walk reads to the end and counts them all.
        '/graph',
        '/graph?limit=2000&weight=llr&format=gexf',
        '/graph?window=sentence&from=2024-03-02&format=csv&table=nodes',
        '/graph?backbone=disparity&alpha=0.3',
        '/graph?center=olaf-scholz&backbone=disparity&alpha=0.4&depth=2',
        '/entities/olaf-scholz/timeline',
        '/entities/olaf-scholz/timeline?interval=day&with=emmanuel-macron',
        '/entities/germany/timeline?interval=week&from=2024-03-01&to=2024-03-08',
        '/entities',
        '/entities?limit=100',
        '/entities?type=person&limit=3',
        '/entities?type=organization',
        '/trending',
        '/trending?pairs=true&limit=5',
        '/trending?type=person&from=2024-03-01&to=2024-03-09',
      ];
      for (const path of paths) {
        const memory = await request(ng.app).get(path).expect(200);
        const index = await request(indexApp).get(path).expect(200);
        expect({ path, text: index.text }).toEqual({ path, text: memory.text });
      }
      await request(indexApp).get('/graph?center=no-such-entity').expect(404);
      await request(indexApp).get('/entities/no-such-entity/neighbors').expect(404);
      await request(indexApp).get('/entities/no-such-entity/timeline').expect(404);
      await request(indexApp).get('/entities/olaf-scholz/timeline?with=no-such-entity').expect(404);
      const health = await request(indexApp).get('/health').expect(200);
      expect(health.body).toMatchObject({
        graphMode: 'index',
        articles: await ng.opened.search.countArticles(),
      });
      expect((await request(ng.app).get('/health').expect(200)).body.graphMode).toBe('memory');
    });

    it('rebuilds a missing graph index from the articles, and GRAPH_MODE=auto weighs the graph against the budget', async () => {
      const logger = createLogger('warn');
      const before = await articlePairs(ng.opened.search);
      expect(before).toBeGreaterThanOrEqual(edgeCount(ng.store));
      await ng.opened.search.graph.reset();
      expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(true);
      expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(false);
      expect(await articlePairs(ng.opened.search)).toBe(before);
      await expectSameNeighbors(ng.store, ng.opened.search.graph, entityIds(ng.store), [{ limit: 200 }]);
      const mode = (env: Record<string, string>, bytesPerEdge?: number) =>
        chooseGraphMode(loadConfig(env).graph, ng.opened.search, logger, bytesPerEdge);
      expect(await mode({})).toBe('memory');
      expect(await mode({ GRAPH_MODE: 'index' })).toBe('index');
      expect(await mode({ GRAPH_MODE: 'auto', GRAPH_MEMORY_MB: '1' })).toBe('memory');
      expect(await mode({ GRAPH_MODE: 'auto', GRAPH_MEMORY_MB: '1' }, 2 ** 20)).toBe('index');
      expect(() => loadConfig({ GRAPH_MODE: 'disk' })).toThrow(/GRAPH_MODE/);
    });

    it('keeps a quote in an entity id a value, not filter syntax', async () => {
      const hostile = 'olaf-scholz" OR kind = "sentence';
      expect(await findIndexNeighbors(ng.opened.search.graph, hostile)).toBeUndefined();
      expect(await indexEntity(ng.opened.search.graph, hostile)).toBeUndefined();
      // Unquoted, each of these would match every sentence document.
      const answers = await ng.opened.search.graph.facets([
        { where: { kind: 'article', related: [hostile] } },
        { where: { kind: 'article', mentioned: hostile } },
        { where: { kind: 'article', tier: hostile } },
        { where: { kind: 'article', articles: [hostile] } },
        { where: { kind: 'article', related: ['olaf-scholz'], relatedAny: ['x"] OR kind = "sentence'] } },
      ]);
      expect(answers.map((answer) => answer.total)).toEqual([0, 0, 0, 0, 0]);
    });
    it('takes names and types from the last written article that mentions an entity, as memory mode', async () => {
      const seq = Date.now() * 1000 + 1_000_000;
      const renamed = (id: string, name: string, at: number) => ({
        id,
        seq: at,
        title: null,
        publishedTs: null,
        duplicateOf: null,
        entityInfo: [
          { id: 'olaf-scholz', name, type: 'person' as const },
          { id: 'berlin', name: 'Berlin', type: 'location' as const },
        ],
        mentions: [
          { entityId: 'olaf-scholz', text: name, start: 0, end: 1, sentence: 0 },
          { entityId: 'berlin', text: 'Berlin', start: 2, end: 3, sentence: 0 },
        ],
      });
      // Written newest last in memory, and to the index in the other order: the write sequence decides.
      const docs = [renamed('im-name-a', 'Scholz (a)', seq), renamed('im-name-b', 'Scholz (b)', seq + 1)];
      for (const doc of docs) addArticle(ng.store, doc);
      await ng.opened.search.graph.write([...docs].reverse());
      const node = await indexEntity(ng.opened.search.graph, 'olaf-scholz');
      expect(node?.name).toBe('Scholz (b)');
      expect(node).toEqual(entityAttributes(ng.store, 'olaf-scholz'));
      await expectSameNeighbors(ng.store, ng.opened.search.graph, ['berlin'], [{ limit: 200 }]);
    });
  });

  describe.runIf(corpusPresent)('on the corpus', () => {
    beforeAll(async () => {
      await ng?.opened.close();
      ng = await openTestNewsgraph('index_mode_corpus', { GRAPH_MODE: 'index' });
      await ng.index(CORPUS_FILES);
    }, 1_200_000);

    it('gives hubs, mid-sized and rare entities the same neighbours, weights and evidence', async () => {
      const nodes = entitiesByArticles(ng.store);
      const step = Math.floor(nodes.length / 40);
      const ids = [...nodes.slice(0, 5), ...nodes.filter((_, i) => i % step === 0).slice(1, 40)];
      await expectSameNeighbors(
        ng.store,
        ng.opened.search.graph,
        ids,
        optionSets({ from: day('2006-01-01'), to: day('2010-12-31') }),
      );
      await expectSameNodes(ng.store, ng.opened.search.graph, ids);
      await expectSameTimelines(ng.store, ng.opened.search.graph, ids.slice(0, 20), {
        from: day('2006-01-01'),
        to: day('2010-12-31'),
      });
      await expectSameTrending(ng.store, ng.opened.search.graph, [
        {
          from: day('2010-01-01'),
          to: day('2010-12-31'),
          baselineFrom: day('2009-01-01'),
          baselineTo: day('2009-12-31'),
        },
        {
          from: day('2019-06-01'),
          to: day('2019-06-07'),
          baselineFrom: day('2019-05-25'),
          baselineTo: day('2019-05-31'),
        },
      ]);
    }, 1_200_000);

    it('ranks the most mentioned entities, and answers timelines and trending over HTTP, as memory mode', async () => {
      const indexApp = createApp(
        apiDeps(ng.opened, createCooccurrenceGraph(), ng.config, createLogger('warn'), 'index'),
      );
      const [hub] = entitiesByArticles(ng.store);
      for (const path of [
        '/entities?limit=100',
        '/entities?type=location&limit=20',
        '/entities?type=person&limit=20',
        `/entities/${hub}/timeline?interval=week&from=2005-01-01&to=2005-12-31`,
        '/trending?from=2019-06-01&to=2019-06-07&pairs=true',
      ]) {
        const memory = await request(ng.app).get(path).expect(200);
        const index = await request(indexApp).get(path).expect(200);
        expect({ path, text: index.text }).toEqual({ path, text: memory.text });
      }
    }, 600_000);

    it('exports the whole graph as memory mode does, reading a small part of it for the strongest edges', async () => {
      const range = { from: day('2006-01-01'), to: day('2010-12-31') };
      const sets: Array<Partial<ExportOptions>> = [
        {},
        { limit: 50 },
        { limit: 2_000 },
        { limit: 100, measure: 'llr' },
        { limit: 100, measure: 'pmi', minArticles: 5 },
        { limit: 200, window: 'sentence' },
        { limit: 100, from: range.from, to: range.to },
        { limit: 300, backbone: 'disparity' },
      ];
      const reads = await expectSameWholeGraphs(ng.store, ng.opened.search.graph, sets);
      // The 500 strongest edges over articles from the lists of a few of the entities.
      expect(reads[0]).toBeLessThan(entityIds(ng.store).length / 20);
    }, 1_200_000);

    it('exports the neighbourhoods of hubs, mid-sized and rare entities as memory mode does', async () => {
      // A hub's depth-2 view reads the whole lists of up to 150 entities: 2 hubs, 6 spread by size, and the
      // option sets that differ most (the fixture runs them all).
      const nodes = entitiesByArticles(ng.store);
      const step = Math.floor(nodes.length / 6);
      const ids = [...nodes.slice(0, 2), ...nodes.filter((_, i) => i % step === 0).slice(1, 7)];
      const sets = exportSets({ from: day('2006-01-01'), to: day('2010-12-31') });
      const edges = await expectSameGraphs(ng.store, ng.opened.search.graph, ids, [
        ...sets.slice(0, 3),
        sets[3] as Partial<ExportOptions>,
        ...sets.slice(5, 8),
        sets[11] as Partial<ExportOptions>,
        { depth: 1, backbone: 'disparity' },
      ]);
      expect(edges).toBeGreaterThan(1_000);
      // The hub's backbone reads the strengths of the neighbours it keeps, not of every neighbour.
      let read = 0;
      const graph = ng.opened.search.graph;
      const counting: GraphIndex = {
        ...graph,
        adjacency: (ids) => ((read += ids.length), graph.adjacency(ids)),
      };
      const [hub] = ids as [string];
      const view = await indexExportGraph(counting, { center: hub, backbone: 'disparity', limit: 50 });
      expect(view).toEqual(exportGraph(ng.store, { center: hub, backbone: 'disparity', limit: 50 }));
      expect(view?.attributes?.cut).toMatch(/most strongly linked/);
      expect(read).toBeLessThan((findNeighbors(ng.store, hub, { limit: 100_000 }) ?? []).length / 4);
    }, 1_200_000);
  });
});
