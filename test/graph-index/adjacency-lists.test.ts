// The neighbour lists the writer keeps in the graph index (one delta document per touched entity and batch,
// compacted past `compactAfter`) must always sum to the graph's edge counts: over many small batches, after a
// re-index with other entities, a copy of a story, deletes, and after the crashes a write or a compaction can
// be cut short by (the lists either stay right or the start-up check rebuilds them). Only a process whose
// GRAPH_MODE reads the lists writes them; an index written without them is answered from facets until an
// index-mode process rebuilds them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findNeighbors, type NeighborOptions } from '../../src/graph/find-neighbors.js';
import { findIndexNeighbors } from '../../src/graph-index/find-index-neighbors.js';
import { ensureGraphIndex } from '../../src/graph-index/ensure-graph-index.js';
import { indexExportGraph } from '../../src/graph-index/index-export-graph.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { createLogger } from '../../src/logger.js';
import { openSearch, type OpenSearch } from '../../src/open-search.js';
import {
  createGraphIndex,
  DEFAULTS as GRAPH_DEFAULTS,
  type GraphIndex,
} from '../../src/search/create-graph-index.js';
import {
  DEFAULTS as LIST_DEFAULTS,
  readAdjacency,
  type GraphIndexDocument,
} from '../../src/search/create-adjacency-store.js';
import { membersOf, sumAdjacency, type AdjacencyList } from '../../src/search/sum-adjacency.js';
import { encodeAdjacency } from '../../src/search/adjacency-codec.js';
import { toAdjacencyDeltas, type AdjacencyDocument } from '../../src/search/to-adjacency-deltas.js';
import type { GraphFields } from '../../src/search/types.js';
import { waitForTask } from '../../src/search/wait-for-task.js';
import { entityIds } from '../helpers/graph-shape.js';
import { openTestNewsgraph, testConfig, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { FIXTURES } from './index-mode-files.js';
import { articleCount } from '../../src/graph/article-table.js';
import { entityAttributes } from '../../src/graph/entity-table.js';
import type { NodeAttributes } from '../../src/graph/types.js';
import { sumTotals, type TotalDocument } from '../../src/search/to-total-deltas.js';
import { readEntityDocuments } from '../../src/search/read-entity-documents.js';
import type { RankedTotal } from '../../src/search/create-totals-store.js';

const SETS: Array<Partial<NeighborOptions>> = [
  { limit: 1_000, evidence: 0 },
  { window: 'sentence', limit: 1_000, evidence: 0 },
  { weight: 'llr', limit: 50 },
  { weight: 'pmi', window: 'sentence', limit: 20, evidence: 2 },
];

/** Every entity's totals, and the most mentioned at any depth, from `graph` equal those of `store`. */
async function expectTotalsEqualMemory(store: CooccurrenceGraph, graph: GraphIndex): Promise<void> {
  const ids = entityIds(store);
  const memory = ids.map((id) => {
    const { articles, mentions } = entityAttributes(store, id) as NodeAttributes;
    return { id, articles, mentions };
  });
  const totals = await graph.entityTotals([...ids, 'no-such-entity']);
  expect(totals).toEqual([
    ...memory.map(({ articles, mentions }) => ({ articles, mentions })),
    { articles: 0, mentions: 0 },
  ]);
  const ranked = [...memory].sort(
    (a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const depth of [1, 7, Math.floor(ids.length / 2), ids.length + 5]) {
    expect({ depth, top: await graph.mostMentioned(depth) }).toEqual({ depth, top: ranked.slice(0, depth) });
  }
}

/** Every entity's neighbours and depth-2 export from `graph` (the index) equal those of `store` (memory). */
async function expectIndexEqualsMemory(store: CooccurrenceGraph, graph: GraphIndex): Promise<number> {
  await expectTotalsEqualMemory(store, graph);
  let compared = 0;
  for (const id of entityIds(store)) {
    for (const options of SETS) {
      const memory = findNeighbors(store, id, options);
      const index = await findIndexNeighbors(graph, id, options);
      expect({ id, options, neighbors: index }).toEqual({ id, options, neighbors: memory });
      compared += memory?.length ?? 0;
    }
    // By counts, and with depth 2's defaults (G², which reads the totals of every entity in the part).
    for (const options of [
      { center: id, depth: 2 as const, measure: 'count' as const },
      { center: id, depth: 2 as const },
    ]) {
      expect({ id, options, graph: await indexExportGraph(graph, options) }).toEqual({
        id,
        options,
        graph: exportGraph(store, options),
      });
    }
  }
  return compared;
}

const expectListsEqualGraph = (ng: TestNewsgraph) =>
  expectIndexEqualsMemory(ng.store, ng.opened.search.graph);

/** The list and format documents of a graph index. */
async function listAndMarks(client: Meilisearch, uid: string): Promise<{ lists: number; marks: number }> {
  const { results } = await client.multiSearch({
    queries: ['list', 'format'].map((kind) => ({ indexUid: uid, filter: `kind = "${kind}"`, limit: 0 })),
  });
  return { lists: results[0]?.estimatedTotalHits ?? -1, marks: results[1]?.estimatedTotalHits ?? -1 };
}

describe('neighbour lists as documents', () => {
  it('sum a batch that changes nothing to no delta, and skip deltas the compacted list covers', () => {
    const article = { kind: 'article' as const, related: ['a', 'b', 'c'] };
    const sentence = { kind: 'sentence' as const, related: ['a', 'b'] };
    expect(toAdjacencyDeltas([article, sentence], [article, sentence], 'x')).toEqual([]);
    const first = toAdjacencyDeltas([], [article, sentence], 'one');
    const second = toAdjacencyDeltas([sentence], [], 'two');
    const ofA = (docs: AdjacencyDocument[]) => docs.filter((doc) => doc.entity === 'a');
    const summed = sumAdjacency([...ofA(first), ...ofA(second)]);
    expect(summed).toMatchObject({
      articles: new Map([
        ['b', 1],
        ['c', 1],
      ]),
      sentences: new Map(),
    });
    const base: AdjacencyDocument = {
      ...(ofA(first)[0] as AdjacencyDocument),
      id: 'base',
      covered: summed.deltas.slice(0, 1),
    };
    // The first delta is in the base and still there (a compaction cut short): it counts once.
    expect(sumAdjacency([base, ...ofA(first), ...ofA(second)])).toMatchObject({
      articles: new Map([
        ['b', 1],
        ['c', 1],
      ]),
      sentences: new Map(),
    });
  });
});

/** A list's maps with only the neighbours in `among`. */
function onlyAmong(list: AdjacencyList, among: ReadonlySet<string>): AdjacencyList {
  const keep = (counts: ReadonlyMap<string, number>) => new Map([...counts].filter(([id]) => among.has(id)));
  return { articles: keep(list.articles), sentences: keep(list.sentences) };
}

describe('neighbour lists read for some neighbours only', () => {
  it('hold what the whole sum holds for those neighbours: a covered delta once, a pair summed to zero not at all', () => {
    const article = (related: string[]) => ({ kind: 'article' as const, related });
    const sentence = (related: string[]) => ({ kind: 'sentence' as const, related });
    // b in two batches (a sentence removed again), c and e removed again, d outside `among`; the first
    // batch is in the compacted list and still there as a delta (a compaction cut short).
    const first = toAdjacencyDeltas([], [article(['a', 'b', 'c', 'e']), sentence(['a', 'b'])], 'one');
    const second = toAdjacencyDeltas([], [article(['a', 'b', 'd']), sentence(['a', 'b', 'd'])], 'two');
    const third = toAdjacencyDeltas([article(['a', 'c', 'e']), sentence(['a', 'b'])], [], 'three');
    const ofA = (docs: AdjacencyDocument[]) => docs.filter((doc) => doc.entity === 'a');
    const base: AdjacencyDocument = { ...(ofA(first)[0] as AdjacencyDocument), id: 'base', covered: [] };
    base.covered = ofA(first).map((doc) => doc.id);
    const docs = [base, ...ofA(first), ...ofA(second), ...ofA(third)];
    const among = new Set(['b', 'c', 'e', 'z']);
    const whole = sumAdjacency(docs);
    expect(whole.articles).toEqual(
      new Map([
        ['b', 2],
        ['d', 1],
      ]),
    );
    const part = sumAdjacency(docs, membersOf(among));
    expect({ articles: part.articles, sentences: part.sentences }).toEqual(onlyAmong(whole, among));
    expect(part.articles).toEqual(new Map([['b', 2]]));
    expect(part.sentences).toEqual(new Map([['b', 1]]));
    expect(part.deltas).toEqual(whole.deltas);
  });

  it("keep none of their documents' text in memory", () => {
    // Real ids are long ("prov-…"): V8 cuts an id of 13 characters or more from a document's text as a slice
    // that holds the whole text. 40 documents of 20,000 ids, about 29 MB of text; 10 neighbours kept of each.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const idOf = (i: number) => `prov-a-rather-long-entity-name-${i}`;
    const among = membersOf(Array.from({ length: 10 }, (_, i) => idOf(i * 1_000)));
    const read = (): AdjacencyList[] =>
      Array.from({ length: 40 }, (_, d) => {
        const neighbors = Array.from({ length: 20_000 }, (_, i) => idOf(i));
        const ones = neighbors.map(() => 1);
        const doc = {
          id: `l_${d}`,
          kind: 'list',
          entity: 'x',
          ...encodeAdjacency({ neighbors, articles: ones, sentences: ones }),
        };
        // Parsed as a reader parses it: one flat string, as Meilisearch's answer gives it.
        return sumAdjacency([JSON.parse(JSON.stringify(doc)) as AdjacencyDocument], among);
      });
    gc();
    const before = process.memoryUsage().heapUsed;
    const lists = read();
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(lists.every((list) => list.articles.size === 10)).toBe(true);
    expect(held).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('neighbour lists kept by the writer', () => {
  let ng: TestNewsgraph;
  let dir: string;
  let client: Meilisearch;
  const compactAfter = LIST_DEFAULTS.compactAfter;
  const graphUid = () => `${ng.config.meili.indexPrefix}graph`;
  const listDocuments = async () =>
    (
      await client
        .index(graphUid())
        .getDocuments<AdjacencyDocument>({ filter: 'kind = "list"', limit: 100_000 })
    ).results;

  beforeAll(async () => {
    // Compaction after every second delta, so that the fixture's batches compact lists again and again.
    LIST_DEFAULTS.compactAfter = 1;
    ng = await openTestNewsgraph('lists', { EXTRACT_THREADS: '0', NER: 'off', GRAPH_MODE: 'index' });
    client = new Meilisearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey') });
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-lists-'));
    // The index-mode fixture one article per batch, then the rest in one batch.
    const [first, ...rest] = FIXTURES as [string, ...string[]];
    const lines = readFileSync(first, 'utf8').split('\n').filter(Boolean);
    for (const [i, line] of lines.entries()) {
      const file = path.join(dir, `one-${i}.jsonl`);
      writeFileSync(file, `${line}\n`);
      await ng.index([file]);
    }
    await ng.index(rest);
  }, 600_000);

  afterAll(async () => {
    LIST_DEFAULTS.compactAfter = compactAfter;
    await ng?.opened.close();
  });

  it('equal the graph after many small batches, with lists compacted and none past the limit', async () => {
    const docs = await listDocuments();
    expect(docs.some((doc) => doc.covered !== undefined)).toBe(true);
    const perEntity = new Map<string, number>();
    for (const doc of docs) perEntity.set(doc.entity, (perEntity.get(doc.entity) ?? 0) + 1);
    expect(Math.max(...perEntity.values())).toBeLessThanOrEqual(LIST_DEFAULTS.compactAfter + 1);
    expect(await expectListsEqualGraph(ng)).toBeGreaterThan(500);
  }, 600_000);

  it('are read a batch of entities a request, each whole, and refused rather than read in part', async () => {
    const docs = await listDocuments();
    const perEntity = new Map<string, AdjacencyDocument[]>();
    for (const doc of docs) perEntity.set(doc.entity, [...(perEntity.get(doc.entity) ?? []), doc]);
    const entities = [...perEntity.keys()].sort();
    const index = client.index<GraphIndexDocument>(graphUid());
    // Three entities a request, an unknown one among them: each list is its own documents' sum.
    const read = await readAdjacency(index, [...entities, 'no-such-entity'], {
      ...LIST_DEFAULTS,
      entitiesPerRead: 3,
    });
    expect(read.map(({ articles, sentences }) => ({ articles, sentences }))).toEqual(
      [...entities.map((id) => sumAdjacency(perEntity.get(id) ?? [])), sumAdjacency([])].map(
        ({ articles, sentences }) => ({ articles, sentences }),
      ),
    );
    // Read for a few neighbours: each list is the whole one without the others.
    const among = new Set([...entities.filter((_, i) => i % 3 === 0), 'no-such-entity']);
    const some = await readAdjacency(index, entities, { ...LIST_DEFAULTS, entitiesPerRead: 3 }, among);
    expect(some.map(({ articles, sentences }) => ({ articles, sentences }))).toEqual(
      read.slice(0, entities.length).map((list) => onlyAmong(list, among)),
    );
    expect(some.some((list) => list.articles.size > 0)).toBe(true);
    // An entity with two documents, read with room for one a list: refused, not summed from one.
    const split = entities.find((id) => (perEntity.get(id)?.length ?? 0) >= 2) as string;
    await expect(
      readAdjacency(index, [split], { ...LIST_DEFAULTS, documentsPerList: 1 }),
    ).rejects.toMatchObject({ code: 'graph_adjacency_limit' });
  });

  it('follow a re-index with other entities, a copy of a story written twice, and deletes', async () => {
    const lines = readFileSync(FIXTURES[0] as string, 'utf8')
      .split('\n')
      .filter(Boolean);
    const changed = { ...JSON.parse(lines[0] as string), body: 'Joe Biden met Vladimir Putin in Moscow.' };
    const copy = { ...JSON.parse(lines[5] as string), id: 'im-copy' };
    const file = path.join(dir, 'changed.jsonl');
    writeFileSync(file, `${JSON.stringify(changed)}\n${JSON.stringify(copy)}\n${JSON.stringify(copy)}\n`);
    await ng.index([file]);
    expect((await ng.opened.search.getArticle('im-copy'))?.duplicateOf).toBeTruthy();
    expect(await ng.deps.removeArticle('im-02')).toBe(true);
    expect(await ng.deps.removeArticle('im-05')).toBe(true);
    // The same article twice in one write: Meilisearch keeps one, and the lists count it once.
    const again = (await ng.opened.search.getArticle('im-08')) as GraphFields;
    await ng.opened.search.graph.write([again, again]);
    await expectListsEqualGraph(ng);
  }, 600_000);

  it('stay right when writes of the same articles and compactions of the same lists overlap', async () => {
    const graph = ng.opened.search.graph;
    const a = (await ng.opened.search.getArticle('im-08')) as GraphFields;
    const c = (await ng.opened.search.getArticle('im-09')) as GraphFields;
    // Another version of each: without its first entity (the version read before a write must be the last).
    const without = (doc: GraphFields): GraphFields => {
      const gone = doc.mentions.find((mention) => !mention.furniture)?.entityId;
      return { ...doc, mentions: doc.mentions.filter((mention) => mention.entityId !== gone) };
    };
    await Promise.all([
      graph.write([without(a)]),
      graph.write([a]),
      graph.write([without(c), without(a)]),
      graph.write([c]),
      graph.write([a]),
    ]);
    await expectListsEqualGraph(ng);
  }, 600_000);

  it('stay right when a compaction is cut short before its deltas are deleted', async () => {
    const before = new Map((await listDocuments()).map((doc) => [doc.id, doc]));
    const line = readFileSync(FIXTURES[0] as string, 'utf8')
      .split('\n')
      .filter(Boolean)[3] as string;
    const file = path.join(dir, 'again.jsonl');
    const article = JSON.parse(line);
    const body = `${article.body} Olaf Scholz spoke with Joe Biden.`;
    writeFileSync(file, `${JSON.stringify({ ...article, body })}\n`);
    await ng.index([file]);
    await ng.index([path.join(dir, 'one-3.jsonl')]);
    // Put back every delta a compaction deleted, as if the process had died before the delete.
    const after = new Set((await listDocuments()).map((doc) => doc.id));
    const lost = [...before.values()].filter((doc) => !after.has(doc.id) && doc.covered === undefined);
    expect(lost.length).toBeGreaterThan(0);
    await waitForTask(client, client.index(graphUid()).addDocuments(lost));
    await expectListsEqualGraph(ng);
  }, 600_000);

  it('keep entity totals summed into one document per entity after each write, none left as deltas', async () => {
    const totals = async (kind: string) =>
      (
        await client
          .index(graphUid())
          .getDocuments<TotalDocument>({ filter: `kind = "${kind}"`, limit: 100_000 })
      ).results;
    expect(await totals('totalDelta')).toEqual([]);
    const summed = await totals('total');
    expect(summed.map((doc) => doc.entity).sort()).toEqual(entityIds(ng.store).sort());
    expect(summed.every(({ articles = 0, mentions = 0 }) => articles > 0 && mentions >= articles)).toBe(true);
  });

  it('read totals a few entities a request, several requests at once, in the order asked', async () => {
    const index = client.index<TotalDocument>(graphUid());
    const ids = ['no-such-entity', ...entityIds(ng.store).reverse()];
    const read = {
      kinds: 'kind IN ["total", "totalDelta"]',
      fields: ['id', 'kind', 'entity', 'articles', 'mentions', 'change', 'covered'],
      entitiesPerRead: 10_000,
      documentsPerEntity: 20,
      code: 'graph_total_limit',
      what: 'totals',
    };
    const whole = await readEntityDocuments(index, ids, read, sumTotals);
    expect(whole.slice(1).every(({ articles }) => articles > 0)).toBe(true);
    expect(
      await readEntityDocuments(index, ids, { ...read, entitiesPerRead: 2, atOnce: 3 }, sumTotals),
    ).toEqual(whole);
  });

  it('keep entity totals right when their summing is cut short, before or after the summed document', async () => {
    const graph = ng.opened.search.graph;
    const index = client.index<TotalDocument>(graphUid());
    const [first, second] = (await graph.mostMentioned(2)) as [RankedTotal, RankedTotal];
    const [top, next] = (
      await index.getDocuments<TotalDocument>({
        filter: `kind = "total" AND entity IN ["${first.id}", "${second.id}"]`,
        limit: 2,
      })
    ).results.sort((a, b) => (a.entity === first.id ? -1 : b.entity === first.id ? 1 : 0)) as [
      TotalDocument,
      TotalDocument,
    ];
    // Cut before summing: the most mentioned entity's summed document says 1, a delta not yet summed the
    // rest (the ranking must not take the summed documents' order for the entity's).
    const pending: TotalDocument = {
      id: `${top.id.replace(/_base$/, '')}_cut`,
      kind: 'totalDelta',
      entity: top.entity,
      change: [first.articles - 1, first.mentions - 1],
    };
    // Cut after the summed document was written: a delta it covers is still there and counts nothing.
    const covered: TotalDocument = {
      ...pending,
      id: 'covered-delta',
      entity: next.entity,
      change: [5, 9],
    };
    await waitForTask(
      client,
      index.addDocuments([
        { ...top, articles: 1, mentions: 1 },
        pending,
        { ...next, covered: [...(next.covered ?? []), covered.id] },
        covered,
      ]),
    );
    await expectTotalsEqualMemory(ng.store, graph);
    // The next writes that touch them sum them again and delete what is left: an article mentioning each,
    // removed and written again.
    const lines = FIXTURES.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean));
    for (const entity of [top.entity, next.entity]) {
      const [dates] = await graph.articleDates([{ where: { kind: 'article', mentioned: entity }, limit: 1 }]);
      const mentioning = dates?.[0] as { article: string };
      const line = lines.find((text) => JSON.parse(text).id === mentioning.article) as string;
      const file = path.join(dir, `again-${mentioning.article}.jsonl`);
      writeFileSync(file, `${line}\n`);
      expect(await ng.deps.removeArticle(mentioning.article)).toBe(true);
      await ng.index([file]);
    }
    const left = await index.getDocuments({ filter: 'kind = "totalDelta"', limit: 10 });
    expect(left.results).toEqual([]);
    await expectIndexEqualsMemory(ng.store, graph);
  }, 600_000);

  it('answer PMI, G² and the most mentioned without a facet of every entity, which a lower limit refuses', async () => {
    // The graph index itself, without the cache in front of it: every question goes to Meilisearch.
    const graph = createGraphIndex(client, ng.config.meili.indexPrefix, { neighbourLists: true });
    const facetValues = GRAPH_DEFAULTS.facetValues;
    GRAPH_DEFAULTS.facetValues = Math.floor(entityIds(ng.store).length / 2);
    try {
      // Every entity's articles in one facet (what PMI and G² read before the index kept totals): refused.
      await expect(graph.facets([{ where: { kind: 'article' }, facet: 'mentioned' }])).rejects.toMatchObject({
        code: 'graph_facet_limit',
      });
      await expectIndexEqualsMemory(ng.store, graph);
    } finally {
      GRAPH_DEFAULTS.facetValues = facetValues;
    }
  }, 600_000);

  it('are rebuilt at start when a write was cut short or the index predates them', async () => {
    const logger = createLogger('warn');
    const graph = client.index(graphUid());
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(false);

    // Cut between the delete of an article's old graph documents and the add of the new ones (and deltas).
    await waitForTask(client, graph.deleteDocuments({ filter: 'article = "im-07"' }));
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(true);
    await expectListsEqualGraph(ng);

    // The article written with other entities, its graph write lost: the graph still holds the old version.
    const old = (await ng.opened.search.getArticle('im-04')) as GraphFields;
    const lines = readFileSync(FIXTURES[0] as string, 'utf8')
      .split('\n')
      .filter(Boolean);
    const file = path.join(dir, 'rewritten.jsonl');
    const rewritten = { ...JSON.parse(lines[4] as string), body: 'Olaf Scholz met Joe Biden in Washington.' };
    writeFileSync(file, `${JSON.stringify(rewritten)}\n`);
    await ng.index([file]);
    await ng.opened.search.graph.write([old]);
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(true);
    await expectListsEqualGraph(ng);

    // A graph index written before the lists existed has no format mark.
    await waitForTask(client, graph.deleteDocument('format'));
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(true);
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(false);
    await expectListsEqualGraph(ng);

    // One written before article documents carried `relatedTiers` has the mark of layout 1: no mark.
    await waitForTask(client, graph.addDocuments([{ id: 'format', kind: 'format', lists: 1 }]));
    expect((await ng.opened.search.graph.status()).lists).toBe(false);
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(true);
    expect(await ensureGraphIndex(ng.opened.search, logger)).toBe(false);
    await expectListsEqualGraph(ng);
  }, 600_000);
});

describe('neighbour lists and the graph mode', () => {
  let memory: TestNewsgraph;
  let index: OpenSearch | undefined;
  let client: Meilisearch;
  let dir: string;
  const logger = createLogger('warn');
  const graphUid = () => `${memory.config.meili.indexPrefix}graph`;
  /** An index-mode process on the memory-mode process's index (GRAPH_MODE=index, as main.ts opens it). */
  const openIndexMode = () =>
    openSearch(
      testConfig(memory.config.meili.indexPrefix, { EXTRACT_THREADS: '0', NER: 'off', GRAPH_MODE: 'index' }),
      logger,
    );
  /** Indexes the fixture's `n`th article again with another body, through the memory-mode process. */
  const rewrite = async (n: number, body: string) => {
    const line = readFileSync(FIXTURES[0] as string, 'utf8')
      .split('\n')
      .filter(Boolean)[n] as string;
    const file = path.join(dir, `rewrite-${n}.jsonl`);
    writeFileSync(file, `${JSON.stringify({ ...JSON.parse(line), body })}\n`);
    await memory.index([file]);
  };

  beforeAll(async () => {
    memory = await openTestNewsgraph('lists_memory', { EXTRACT_THREADS: '0', NER: 'off' });
    client = new Meilisearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey') });
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-list-modes-'));
    await memory.index(FIXTURES);
  }, 600_000);

  afterAll(async () => {
    await index?.close();
    await memory?.opened.close();
  });

  it('a memory-mode process writes no list documents and no format mark', async () => {
    expect(memory.config.graph.neighbourLists).toBe(false);
    expect(articleCount(memory.store)).toBeGreaterThan(10);
    expect(await listAndMarks(client, graphUid())).toEqual({ lists: 0, marks: 0 });
  });

  it('an index-mode process answers its index as memory mode does, from facets, then rebuilds the lists at start', async () => {
    index = await openIndexMode();
    expect((await index.search.graph.status()).lists).toBe(false);
    // Before the rebuild: no lists, so the facets count them.
    expect(await expectIndexEqualsMemory(memory.store, index.search.graph)).toBeGreaterThan(500);
    expect(await ensureGraphIndex(index.search, logger)).toBe(true);
    const after = await listAndMarks(client, graphUid());
    expect(after.marks).toBe(1);
    expect(after.lists).toBeGreaterThan(0);
    await expectIndexEqualsMemory(memory.store, index.search.graph);
  }, 600_000);

  it('a memory-mode write after the rebuild makes the index-mode process count from facets again', async () => {
    await rewrite(1, 'Olaf Scholz met Joe Biden and Emmanuel Macron in Berlin.');
    expect(await listAndMarks(client, graphUid())).toMatchObject({ marks: 0 });
    await expectIndexEqualsMemory(memory.store, index!.search.graph);
    // Restarted while the memory-mode process keeps writing: the rebuild marks the lists, the next write
    // of the memory-mode process unmarks them again.
    expect(await ensureGraphIndex(index!.search, logger)).toBe(true);
    await rewrite(2, 'Vladimir Putin spoke with Joe Biden in Geneva.');
    await expectIndexEqualsMemory(memory.store, index!.search.graph);
    expect(await ensureGraphIndex(index!.search, logger)).toBe(true);
    expect(await memory.deps.removeArticle('im-06')).toBe(true);
    await expectIndexEqualsMemory(memory.store, index!.search.graph);
  }, 600_000);

  it('a memory-mode process that only reads leaves the lists current: no rebuild at the next index-mode start', async () => {
    expect(await ensureGraphIndex(index!.search, logger)).toBe(true);
    expect(await listAndMarks(client, graphUid())).toMatchObject({ marks: 1 });
    const again = await openSearch(
      testConfig(memory.config.meili.indexPrefix, { EXTRACT_THREADS: '0' }),
      logger,
    );
    await again.close();
    expect(await listAndMarks(client, graphUid())).toMatchObject({ marks: 1 });
    expect(await ensureGraphIndex(index!.search, logger)).toBe(false);
    // Its first write takes the mark with it.
    await rewrite(3, 'Olaf Scholz met Joe Biden in Washington.');
    expect(await listAndMarks(client, graphUid())).toMatchObject({ marks: 0 });
    expect(await ensureGraphIndex(index!.search, logger)).toBe(true);
  }, 600_000);
});
