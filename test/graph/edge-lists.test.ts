import { describe, expect, it } from 'vitest';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { edgeList, forEachEdge, rankedSlots } from '../../src/graph/edge-lists.js';
import { entitiesOf } from '../../src/graph/entity-table.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import { removeArticle } from '../../src/graph/remove-article.js';
import { sharedArticles } from '../../src/graph/shared-articles.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import type { EntityType } from '../../src/entities/types.js';
import { referenceGraph } from '../helpers/reference-graph.js';
import { articleIdsOf } from '../../src/graph/article-table.js';
import { storedArticles } from '../../src/graph/stored-article.js';

const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];

/** A graph with a few hubs and a tail, from seeded articles; some re-indexed and some deleted. */
function randomGraph(seed: number, articles: number, entities: number): CooccurrenceGraph {
  const store = createCooccurrenceGraph();
  let state = seed;
  const next = (n: number): number => (state = (state * 48271) % 2147483647) % n;
  for (let k = 0; k < articles; k++) {
    const ids = new Set<number>();
    const size = 2 + next(6);
    // Low numbers come up far more often: hubs.
    while (ids.size < size) ids.add(next(2) === 0 ? next(8) : next(entities));
    const entityInfo = [...ids].map((i) => ({
      id: `e${i}`,
      name: `Entity ${i % 5}`,
      type: TYPES[i % 4] as EntityType,
    }));
    const mentions = entityInfo.map((info) => ({ entityId: info.id, sentence: next(4) }));
    // Every fifth article replaces an earlier one, every seventh deletes one.
    const id = k % 5 === 4 ? `a${next(k)}` : `a${k}`;
    addArticle(store, { id, seq: k, title: null, publishedTs: 1_000 + k, entityInfo, mentions });
    if (k % 7 === 6) removeArticle(store, `a${next(k)}`);
  }
  return store;
}

/** Each entity's edges as a graph rebuilt from its articles has them, and as its edge list has them. */
function bothViews(store: CooccurrenceGraph): { graphology: string[]; lists: string[] } {
  const reference = referenceGraph(storedArticles(store));
  const graphology = reference
    .mapNodes((id) =>
      reference
        .mapEdges(
          id,
          (_key, edge, source, target) =>
            `${source === id ? target : source}:${edge.articles}:${edge.sentences}`,
        )
        .sort()
        .map((entry) => `${id}->${entry}`),
    )
    .flat();
  const lists = [...entitiesOf(store)]
    .map(([id]) => {
      const list = edgeList(store, id);
      return Array.from({ length: list?.others.length ?? 0 }, (_, slot) => {
        const other = store.entities.ids[list?.others[slot] ?? -1];
        return `${other}:${list?.articles[slot]}:${list?.sentences[slot]}`;
      })
        .sort()
        .map((entry) => `${id}->${entry}`);
    })
    .flat();
  return { graphology: graphology.sort(), lists: lists.sort() };
}

describe('edge lists', () => {
  it('hold exactly the graph edges, counts and evidence through additions, replacements and removals', () => {
    const store = randomGraph(7, 600, 80);
    const { graphology, lists } = bothViews(store);
    expect(graphology.length).toBeGreaterThan(500);
    expect(lists).toEqual(graphology);
    // Rank order: every slot once, most shared articles first.
    for (const [id] of entitiesOf(store)) {
      const list = edgeList(store, id);
      if (!list) continue;
      const ranked = Array.from(rankedSlots(store, list));
      expect([...ranked].sort((x, y) => x - y)).toEqual(
        Array.from({ length: list.others.length }, (_, i) => i),
      );
      const counts = ranked.map((slot) => list.articles[slot] ?? 0);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
    }
    // Each edge's evidence (the intersection of postings) is exactly the articles relating both ends.
    const relating = (a: string, b: string): string[] =>
      [...storedArticles(store)]
        .filter(([, article]) => {
          // Three integers per mention: entity index, sentence, furniture (StoredArticle).
          const related = new Set<string | undefined>();
          for (let m = 0; m < article.mentions.length; m += 3) {
            if (article.mentions[m + 2] === 0)
              related.add(article.entityInfo[article.mentions[m] as number]?.id);
          }
          return related.has(a) && related.has(b);
        })
        .map(([id]) => id)
        .sort();
    forEachEdge(store, (x, y, articles) => {
      const [a, b] = [store.entities.ids[x] as string, store.entities.ids[y] as string];
      const shared = sharedArticles(store, a, b).map(([id]) => id);
      expect(shared.sort()).toEqual(relating(a, b));
      expect(shared.length).toBe(articles);
    });
    // Deleting every article leaves no list behind.
    for (const id of [...articleIdsOf(store)]) removeArticle(store, id);
    expect([store.edges.count, store.entities.live, store.edges.reserved]).toEqual([0, 0, 0]);
    expect([store.postings.entities, store.postings.reserved, store.articles.live]).toEqual([0, 0, 0]);
  });

  it('neighbours read in rank order equal a full sort of every edge', () => {
    const store = randomGraph(11, 500, 60);
    const names = new Intl.Collator('en');
    for (const id of ['e0', 'e1', 'e5', 'e30', 'e59']) {
      for (const type of [undefined, 'person' as const]) {
        const reference = referenceGraph(storedArticles(store));
        const full = reference
          .mapEdges(id, (_key, edge, source, target) => {
            const other = source === id ? target : source;
            const node = reference.getNodeAttributes(other);
            return {
              id: other,
              name: node.name,
              type: node.type,
              articles: edge.articles,
              sentences: edge.sentences,
            };
          })
          .filter((n) => type === undefined || n.type === type)
          .sort(
            (x, y) =>
              y.articles - x.articles ||
              y.sentences - x.sentences ||
              names.compare(x.name, y.name) ||
              (x.id < y.id ? -1 : 1),
          );
        for (const limit of [1, 5, 20]) {
          const found = findNeighbors(store, id, { limit, type, evidence: 0 }) ?? [];
          expect(found.map((n) => n.id)).toEqual(full.slice(0, limit).map((n) => n.id));
        }
      }
    }
  });

  it('a depth-2 neighbourhood merged from ranked lists equals one counted edge by edge', () => {
    const store = randomGraph(5, 800, 120);
    // A date range over every article takes the path that counts every edge; the answer must not change.
    const everything = { from: 0, to: 1e12 };
    // By count with every hub walked through: the path that merges ranked lists (DEPTH_2_DEFAULTS scan).
    const old = { measure: 'count', minArticles: 1, expandHubs: true } as const;
    const cuts: string[] = [];
    for (const center of ['e0', 'e3', 'e40', 'e100']) {
      for (const [maxNodes, limit] of [
        [10, 500],
        [40, 30],
        [1000, 500],
      ] as const) {
        const merged = exportGraph(store, { center, depth: 2, maxNodes, limit, ...old });
        const counted = exportGraph(store, { center, depth: 2, maxNodes, limit, ...old, ...everything });
        expect(merged?.nodes.map((n) => n.key)).toEqual(counted?.nodes.map((n) => n.key));
        expect(merged?.edges.map((e) => `${e.key}:${e.attributes?.weight}`)).toEqual(
          counted?.edges.map((e) => `${e.key}:${e.attributes?.weight}`),
        );
        expect(merged?.attributes?.edgesBeforeCut).toBe(counted?.attributes?.edgesBeforeCut);
        expect(merged?.attributes?.cut).toBe(counted?.attributes?.cut);
        cuts.push(String(merged?.attributes?.cut));
      }
    }
    // Both rules cut somewhere, so that the comparison covers them.
    expect(cuts.some((cut) => cut.includes('entities most strongly linked'))).toBe(true);
    expect(cuts.some((cut) => cut.includes('the strongest 30 of'))).toBe(true);
  });
});
