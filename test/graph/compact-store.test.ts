// The compact store (entities as numbers, edges as sorted runs in shared Int32Array slabs, edited in place)
// against a graphology graph rebuilt from the same articles (test/helpers/reference-graph.ts) on seeded
// random graphs with hubs, page furniture, re-indexing, removals and re-additions: every entity, every
// neighbour list (counts, PMI, ranking, evidence), every depth-2 walk, and the same after a snapshot round trip.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/entities/types.js';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { edgeBetween, edgeCount } from '../../src/graph/edge-lists.js';
import { edgePmi } from '../../src/graph/edge-pmi.js';
import { entitiesOf, entityAttributes, entityCount } from '../../src/graph/entity-table.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import { loadGraph, saveGraph } from '../../src/graph/persist-graph.js';
import { removeArticle } from '../../src/graph/remove-article.js';
import { selectNeighborhood } from '../../src/graph/select-neighborhood.js';
import type { CooccurrenceGraph, GraphArticle, Window } from '../../src/graph/types.js';
import { referenceGraph, type ReferenceEdge, type ReferenceNode } from '../helpers/reference-graph.js';
import { articleCount, articleIdsOf, articlePublished, hasArticle } from '../../src/graph/article-table.js';
import { storedArticles } from '../../src/graph/stored-article.js';

type Reference = UndirectedGraph<ReferenceNode, ReferenceEdge>;
const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];

/** A seeded article stream: hubs and a tail, some mentions as page furniture, undated articles. */
function randomArticles(seed: number, count: number, entities: number): GraphArticle[] {
  let state = seed;
  const next = (n: number): number => (state = (state * 48271) % 2147483647) % n;
  return Array.from({ length: count }, (_, k) => {
    const ids = new Set<number>();
    const size = 1 + next(8);
    while (ids.size < size) ids.add(next(3) === 0 ? next(6) : next(entities));
    const entityInfo = [...ids].map((i) => ({
      id: `e${i}`,
      name: `Entity ${i % 7}`,
      type: TYPES[i % 4] as EntityType,
    }));
    const mentions = entityInfo.flatMap((info) =>
      Array.from({ length: 1 + next(3) }, () => ({
        entityId: info.id,
        sentence: next(5),
        ...(next(9) === 0 ? { furniture: true as const } : {}),
      })),
    );
    const publishedTs = next(10) === 0 ? null : 1_700_000_000_000 + next(1000) * 3_600_000;
    return { id: `a${k}`, seq: k, title: `Article ${k}`, publishedTs, entityInfo, mentions };
  });
}

/** Adds the stream; along the way re-indexes some articles as others' content, removes and re-adds some. */
function buildStore(seed: number, count: number, entities: number): CooccurrenceGraph {
  const store = createCooccurrenceGraph();
  const stream = randomArticles(seed, count, entities);
  let state = seed + 1;
  const next = (n: number): number => (state = (state * 48271) % 2147483647) % n;
  const removed: GraphArticle[] = [];
  stream.forEach((article, k) => {
    addArticle(store, article);
    if (k % 5 === 4) {
      // Re-indexed with another article's entities: its contribution is replaced.
      const other = stream[next(k)] as GraphArticle;
      addArticle(store, { ...other, id: `a${next(k)}`, seq: k + count });
    }
    if (k % 4 === 3) {
      const id = `a${next(k)}`;
      if (hasArticle(store, id) && removeArticle(store, id))
        removed.push(stream.find((a) => a.id === id) as GraphArticle);
    }
    // Now and then a removed article comes back: its entities reappear with new numbers.
    if (k % 9 === 8 && removed.length > 0)
      addArticle(store, removed.splice(next(removed.length), 1)[0] as GraphArticle);
  });
  return store;
}

const names = new Intl.Collator('en');

/** The reference neighbour list of `id`, strongest first, by the order findNeighbors documents. */
function referenceNeighbors(
  reference: Reference,
  id: string,
  total: number,
  window: Window,
  weight: 'count' | 'pmi',
) {
  const own = reference.getNodeAttribute(id, 'articles');
  return reference
    .mapEdges(id, (_key, edge, source, target) => {
      const other = source === id ? target : source;
      const node = reference.getNodeAttributes(other);
      const count = window === 'article' ? edge.articles : edge.sentences;
      const pmi = Math.round(edgePmi(edge.articles, own, node.articles, total) * 1000) / 1000;
      const evidence = edge.evidence
        .map(([articleId, shared], order) => ({ articleId, shared, order }))
        .filter(({ shared }) => window === 'article' || shared > 0);
      return {
        id: other,
        name: node.name,
        type: node.type,
        weight: weight === 'pmi' ? pmi : count,
        count,
        articles: edge.articles,
        sentences: edge.sentences,
        evidence,
      };
    })
    .filter((n) => n.count >= 1)
    .sort(
      (x, y) =>
        y.weight - x.weight ||
        y.articles - x.articles ||
        y.sentences - x.sentences ||
        names.compare(x.name, y.name) ||
        (x.id < y.id ? -1 : 1),
    );
}

/**
 * The reference depth-2 walk, as selectNeighborhood documents it: each level takes the entities outside
 * the members most strongly linked to the frontier, each by its strongest link; equal links go to the
 * earlier frontier member, then to the lower id (whatever order the store numbered entities in).
 */
function referenceWalk(
  reference: Reference,
  center: string,
  budget: number,
  window: Window,
  minWeight: number,
): string[] {
  const members = [center];
  let frontier = [center];
  for (let step = 0; step < 2; step++) {
    const best = new Map<string, { weight: number; from: number }>();
    frontier.forEach((node, from) => {
      reference.forEachEdge(node, (_key, edge, source, target) => {
        const other = source === node ? target : source;
        const weight = window === 'article' ? edge.articles : edge.sentences;
        if (weight < Math.max(1, minWeight) || members.includes(other)) return;
        const known = best.get(other);
        if (!known || weight > known.weight) best.set(other, { weight, from });
      });
    });
    const room = budget - members.length;
    const reached = [...best]
      .sort(([a, x], [b, y]) => y.weight - x.weight || x.from - y.from || (a < b ? -1 : 1))
      .map(([id]) => id);
    const joined = reached.slice(0, room);
    members.push(...joined);
    if (reached.length > room) break;
    frontier = joined;
  }
  return members;
}

function expectEqualToReference(store: CooccurrenceGraph): void {
  const reference = referenceGraph(storedArticles(store));
  const total = articleCount(store);
  // Entities and edges.
  expect(entityCount(store)).toBe(reference.order);
  expect(edgeCount(store)).toBe(reference.size);
  expect([...entitiesOf(store)].map(([id]) => id).sort()).toEqual([...reference.nodes()].sort());
  reference.forEachNode((id, node) => expect(entityAttributes(store, id), id).toEqual(node));
  reference.forEachEdge((_key, edge, a, b) => {
    expect(edgeBetween(store, a, b), `${a}--${b}`).toEqual({
      articles: edge.articles,
      sentences: edge.sentences,
    });
  });
  // Every neighbour list, in full (with all evidence) and cut short (the ranked walk that stops early).
  let cutWalks = 0;
  reference.forEachNode((id) => {
    for (const window of ['article', 'sentence'] as const) {
      for (const weight of ['count', 'pmi'] as const) {
        const expected = referenceNeighbors(reference, id, total, window, weight);
        const all = findNeighbors(store, id, { window, weight, limit: 10_000, evidence: 10_000 });
        expect(
          all?.map((n) => ({ ...n })),
          `${id} ${window} ${weight}`,
        ).toEqual(
          expected.map(({ evidence, count: _count, ...n }) => ({
            ...n,
            // Most shared sentences first, then the most recent; equal ones in the order they were added.
            evidence: [...evidence]
              .sort(
                (x, y) =>
                  y.shared - x.shared ||
                  (articlePublished(store, y.articleId) ?? 0) - (articlePublished(store, x.articleId) ?? 0) ||
                  x.order - y.order,
              )
              .map((e) => e.articleId),
          })),
        );
        const top = findNeighbors(store, id, { window, weight, limit: 3, minWeight: 2, evidence: 0 });
        expect(top?.map((n) => n.id)).toEqual(
          expected
            .filter((n) => n.count >= 2)
            .slice(0, 3)
            .map((n) => n.id),
        );
      }
      // Depth-2 walks under a few budgets: merged from ranked runs (articles) or counted (sentences).
      for (const budget of [3, 8, 40]) {
        const walk = selectNeighborhood(store, id, { depth: 2, budget, window, minWeight: 1 });
        const expected = referenceWalk(reference, id, budget, window, 1);
        expect([...walk.members], `${id} ${window} ${budget}`).toEqual(expected);
        if (walk.cut) cutWalks += 1;
      }
    }
  });
  // The walks cut among ties and at the budget, so that the comparison covers the order rules.
  expect(cutWalks).toBeGreaterThan(10);
}

describe('the compact graph store against graphology', () => {
  for (const [seed, count, entities] of [
    [3, 300, 40],
    [17, 800, 150],
  ] as const) {
    it(`equals a graph rebuilt from its articles (seed ${seed}): entities, neighbours, evidence, PMI, depth 2`, async () => {
      const store = buildStore(seed, count, entities);
      expect(articleCount(store)).toBeGreaterThan(count / 2);
      expectEqualToReference(store);
      // The same after a snapshot round trip, and after more edits of the loaded store.
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-compact-')), 'graph.bin');
      await saveGraph(store, file, 'test');
      const loaded = await loadGraph(file, 'test');
      expect(loaded).toBeDefined();
      if (!loaded) return;
      expectEqualToReference(loaded);
      for (const id of [...articleIdsOf(loaded)].filter((_, i) => i % 3 === 0)) removeArticle(loaded, id);
      for (const article of randomArticles(seed + 100, 100, entities))
        addArticle(loaded, { ...article, id: `b${article.id}` });
      expectEqualToReference(loaded);
      // Emptied, it holds nothing: no entity, no edge, no slot reserved.
      for (const id of [...articleIdsOf(loaded)]) removeArticle(loaded, id);
      expect([
        entityCount(loaded),
        edgeCount(loaded),
        loaded.edges.reserved,
        loaded.postings.entities,
      ]).toEqual([0, 0, 0, 0]);
    });
  }
});
