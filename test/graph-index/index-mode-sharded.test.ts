// Index mode over two Meilisearch instances (MEILI_REMOTES) answers as over one: the same files go through
// the same pipeline into one instance and into two more that share the articles by id; every neighbour
// list, weight, evidence list and entity node read from the sharded graph index (each instance's facets
// summed) must equal the single instance's, and memory mode's; so must the
// neighbourhood exports (GET /graph with a centre) built from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph, type ExportOptions } from '../../src/graph/export-graph.js';
import { findNeighbors, type NeighborOptions } from '../../src/graph/find-neighbors.js';
import { findIndexNeighbors } from '../../src/graph-index/find-index-neighbors.js';
import { indexEntity } from '../../src/graph-index/index-entity.js';
import { indexExportGraph } from '../../src/graph-index/index-export-graph.js';
import { indexWholeGraph } from '../../src/graph-index/index-whole-graph.js';
import { articleDates } from '../../src/graph/article-table.js';
import { entityAttributes } from '../../src/graph/entity-table.js';
import type { NodeAttributes } from '../../src/graph/types.js';
import { entityTimeline } from '../../src/graph/entity-timeline.js';
import { trendingEntities, trendingPairs } from '../../src/graph/trending.js';
import { indexTimeline } from '../../src/graph-index/index-timeline.js';
import { indexTrendingEntities, indexTrendingPairs } from '../../src/graph-index/index-trending.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createGraphIndex } from '../../src/search/create-graph-index.js';
import { shardOf } from '../../src/search/shard-of.js';
import type { GraphFields } from '../../src/search/types.js';
import { waitForTask } from '../../src/search/wait-for-task.js';
import {
  startExtraMeilisearch,
  stopExtraMeilisearch,
  type ExtraMeilisearch,
} from '../helpers/extra-meilisearch.js';
import { entitiesByArticles } from '../helpers/graph-shape.js';
import { CORPUS, openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { CORPUS_FILES, corpusPresent, day, FIXTURES } from './index-mode-files.js';

if (!corpusPresent) {
  console.warn(`index mode on two instances over the corpus skipped: ${CORPUS} is absent`);
}

function optionSets(range: { from: number; to: number }): Array<Partial<NeighborOptions>> {
  return [
    { limit: 200, evidence: 5 },
    { window: 'sentence', limit: 200, evidence: 4 },
    { weight: 'pmi', limit: 50 },
    { weight: 'llr', limit: 50, type: 'person' },
    { from: range.from, to: range.to, limit: 100, evidence: 6 },
    { to: range.to, window: 'sentence', weight: 'llr' },
  ];
}

const exportSets: Array<Partial<ExportOptions>> = [
  { depth: 1, limit: 40 },
  { depth: 2 },
  { depth: 2, measure: 'count', window: 'sentence', maxNodes: 30 },
];

describe('index mode on two Meilisearch instances', () => {
  const instances: ExtraMeilisearch[] = [];
  let single: TestNewsgraph;
  let sharded: TestNewsgraph;

  const open = async (files: string[]) => {
    single = await openTestNewsgraph('index_single', {
      EXTRACT_THREADS: '0',
      NER: 'off',
      GRAPH_MODE: 'index',
    });
    sharded = await openTestNewsgraph('index_sharded', {
      EXTRACT_THREADS: '0',
      NER: 'off',
      GRAPH_MODE: 'index',
      MEILI_URL: '',
      MEILI_MASTER_KEY: '',
      MEILI_REMOTES: JSON.stringify(instances.map(({ meili, key }) => ({ url: meili.url, key }))),
    });
    expect(await single.index(files)).toEqual(await sharded.index(files));
  };

  const expectSame = async (ids: readonly string[], sets: Array<Partial<NeighborOptions>>) => {
    for (const id of ids) {
      for (const options of sets) {
        const [one, two] = await Promise.all(
          [single, sharded].map((ng) => findIndexNeighbors(ng.opened.search.graph, id, options)),
        );
        expect({ id, options, neighbors: two }).toEqual({ id, options, neighbors: one });
        expect({ id, options, neighbors: one }).toEqual({
          id,
          options,
          neighbors: findNeighbors(single.store, id, options),
        });
      }
      expect(await indexEntity(sharded.opened.search.graph, id)).toEqual(
        await indexEntity(single.opened.search.graph, id),
      );
    }
  };

  const expectSameGraphs = async (ids: readonly string[]) => {
    for (const center of ids) {
      for (const options of exportSets) {
        const two = await indexExportGraph(sharded.opened.search.graph, { ...options, center });
        const memory = exportGraph(single.store, { ...options, center });
        expect({ center, options, graph: two }).toEqual({ center, options, graph: memory });
      }
    }
  };

  beforeAll(async () => {
    instances.push(await startExtraMeilisearch(), await startExtraMeilisearch());
  }, 120_000);

  afterAll(async () => {
    await Promise.all([single?.opened.close(), sharded?.opened.close()]);
    await stopExtraMeilisearch(instances);
  });

  describe('the fixture', () => {
    beforeAll(() => open(FIXTURES), 300_000);

    it('each instance holds the graph documents of its own articles, and both hold some', async () => {
      const totals = await Promise.all(
        instances.map(async ({ meili, key }) => {
          const client = createMeiliClient({ url: meili.url, apiKey: key, timeoutMs: 30_000 });
          const graph = createGraphIndex(client, sharded.config.meili.indexPrefix);
          return (await graph.facets([{ where: { kind: 'article' } }]))[0]?.total ?? 0;
        }),
      );
      expect(
        totals.every((total) => total > 0),
        `graph articles per instance: ${totals.join(', ')}`,
      ).toBe(true);
      expect(totals[0]! + totals[1]!).toBe(await single.opened.search.countArticles());
    });

    it('gives every entity the same neighbours, weights, evidence and node as one instance', async () => {
      // Federated searches cost some milliseconds each: the 15 most mentioned entities and every 5th other.
      const nodes = entitiesByArticles(single.store);
      expect(nodes.length, `${nodes.length} entities`).toBeGreaterThan(20);
      const ids = [...nodes.slice(0, 15), ...nodes.slice(15).filter((_, i) => i % 5 === 0)];
      await expectSame(ids, optionSets({ from: day('2024-03-02'), to: day('2024-03-07') }));
    }, 600_000);

    it('sums the totals of each entity over the instances and ranks the most mentioned as memory mode', async () => {
      const ids = entitiesByArticles(single.store);
      const memory = ids.map((id) => {
        const { articles, mentions } = entityAttributes(single.store, id) as NodeAttributes;
        return { id, articles, mentions };
      });
      expect(await sharded.opened.search.graph.entityTotals(ids)).toEqual(
        memory.map(({ articles, mentions }) => ({ articles, mentions })),
      );
      const ranked = [...memory].sort(
        (a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      for (const depth of [1, 2, 3, 5, 10, 30, ids.length + 5]) {
        expect({ depth, top: await sharded.opened.search.graph.mostMentioned(depth) }).toEqual({
          depth,
          top: ranked.slice(0, depth),
        });
      }
    }, 600_000);

    it('exports the same neighbourhoods as one instance and memory mode', async () => {
      const nodes = entitiesByArticles(single.store);
      await expectSameGraphs(nodes.filter((_, i) => i % 3 === 0));
    }, 600_000);

    it('exports the same whole graph as one instance', async () => {
      for (const options of [
        {},
        { limit: 3 },
        { limit: 10, measure: 'llr' as const },
        { window: 'sentence' as const },
      ]) {
        const two = await indexWholeGraph(sharded.opened.search.graph, options);
        const one = await indexWholeGraph(single.opened.search.graph, options);
        expect({ options, graph: two }).toEqual({ options, graph: one });
        expect(one.edges.length).toBeGreaterThan(0);
      }
      expect(await indexWholeGraph(single.opened.search.graph, {})).toEqual(exportGraph(single.store, {}));
    }, 600_000);

    it('gives the same timelines and trending as memory mode, read from both instances', async () => {
      const graph = sharded.opened.search.graph;
      for (const id of entitiesByArticles(single.store).slice(0, 10)) {
        for (const options of [{}, { interval: 'day' as const, with: 'olaf-scholz' }]) {
          expect({ id, options, timeline: await indexTimeline(graph, id, options) }).toEqual({
            id,
            options,
            timeline: entityTimeline(single.store, id, options),
          });
        }
      }
      const window = {
        from: day('2024-03-01'),
        to: day('2024-03-09'),
        baselineFrom: day('2023-12-01'),
        baselineTo: day('2024-02-29'),
      };
      for (const options of [
        { ...window, limit: 10 },
        { ...window, limit: 3, type: 'person' as const },
      ]) {
        expect(await indexTrendingEntities(graph, options)).toEqual(trendingEntities(single.store, options));
        expect(await indexTrendingPairs(graph, options)).toEqual(trendingPairs(single.store, options));
      }
      const dates = [...articleDates(single.store)].filter((ts) => !Number.isNaN(ts));
      expect(await graph.newestPublished()).toBe(Math.max(...dates));
    }, 600_000);

    it('names an entity from the last written article over both instances, searching where a removal hides it', async () => {
      const graph = sharded.opened.search.graph;
      // Each instance's own writer, as the sharded writer sends an article to the instance of its id.
      const parts = instances.map(({ meili, key }) =>
        createGraphIndex(
          createMeiliClient({ url: meili.url, apiKey: key, timeoutMs: 30_000 }),
          sharded.config.meili.indexPrefix,
          { neighbourLists: true },
        ),
      );
      const ids = Array.from({ length: 20 }, (_, i) => `names-${i}`);
      const first = ids.find((id) => shardOf(id, 2) === 0) as string;
      const [second, third, fourth] = ids.filter((id) => shardOf(id, 2) === 1) as [string, string, string];
      const newest = (await graph.status()).newestSeq ?? 0;
      const article = (id: string, seq: number, name: string): GraphFields => ({
        id,
        seq: newest + seq,
        title: null,
        publishedTs: null,
        entityInfo: [{ id: 'names-entity', name, type: 'person' }],
        mentions: [{ entityId: 'names-entity', text: name, start: 0, end: name.length, sentence: 0 }],
      });
      const name = async () => (await graph.latestInfo(['names-entity'])).get('names-entity')?.name;
      const told = async () => (await graph.latestSeen(['names-entity']))?.[0]?.seen?.name;
      try {
        await parts[1]?.write([article(second, 1, 'Oldest Name')]);
        await parts[0]?.write([article(first, 2, 'Middle Name')]);
        await parts[1]?.write([article(third, 3, 'Later Name')]);
        await parts[1]?.write([article(fourth, 4, 'Newest Name')]);
        expect([await name(), await told()]).toEqual(['Newest Name', 'Newest Name']);
        // The newest removed: the second instance's totals cannot say which of its own came before it (the
        // later one), so the first instance's older name is not taken: the name is searched for.
        await parts[1]?.remove([fourth]);
        expect([await name(), await told()]).toEqual(['Later Name', undefined]);
        // Written again, later: told again.
        await parts[1]?.write([article(fourth, 5, 'Newest Name')]);
        expect([await name(), await told()]).toEqual(['Newest Name', 'Newest Name']);
        // Gone from an instance altogether, an entity leaves no document there to hold the others back.
        await parts[1]?.remove([second, third, fourth]);
        expect([await name(), await told()]).toEqual(['Middle Name', 'Middle Name']);
      } finally {
        await parts[0]?.remove([first]);
        await parts[1]?.remove([second, third, fourth]);
      }
      expect(await name()).toBeUndefined();
    }, 300_000);

    it('counts lists from facets when one instance does not mark its lists current', async () => {
      // As a GRAPH_MODE=memory process leaves an instance: no lists kept, no format mark.
      const { meili, key } = instances[0] as ExtraMeilisearch;
      const client = createMeiliClient({ url: meili.url, apiKey: key, timeoutMs: 30_000 });
      const uid = `${sharded.config.meili.indexPrefix}graph`;
      const gone = client.index(uid).deleteDocuments({ filter: 'kind = "list" OR kind = "format"' });
      expect((await waitForTask(client, gone)).status).toBe('succeeded');
      const nodes = entitiesByArticles(single.store);
      await expectSame(nodes.slice(0, 10), optionSets({ from: day('2024-03-02'), to: day('2024-03-07') }));
      await expectSameGraphs(nodes.slice(0, 5));
    }, 600_000);
  });

  describe.runIf(corpusPresent)('the corpus', () => {
    beforeAll(async () => {
      await Promise.all([single?.opened.close(), sharded?.opened.close()]);
      await open(CORPUS_FILES);
    }, 900_000);

    it('gives hubs and others the same neighbours, weights, evidence and node as one instance', async () => {
      const nodes = entitiesByArticles(single.store);
      const step = Math.floor(nodes.length / 12);
      const ids = [...nodes.slice(0, 3), ...nodes.filter((_, i) => i % step === 0).slice(1, 12)];
      await expectSame(ids, optionSets({ from: day('2006-01-01'), to: day('2010-12-31') }));
      await expectSameGraphs([ids[0] as string, ...ids.slice(3, 6)]);
    }, 900_000);
  });
});
