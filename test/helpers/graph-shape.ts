// A graph's content as sorted lines, for comparing two graphs (incremental vs rebuilt, crashed vs clean):
// every entity with its mention and article counts, every edge with its article and sentence counts, and
// the articles each entity occurs in (from which evidence is found), and each entity's edge list.
import { edgeList, forEachEdge } from '../../src/graph/edge-lists.js';
import { entitiesOf } from '../../src/graph/entity-table.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { postingsOf } from '../../src/graph/postings.js';

export function graphShape(store: CooccurrenceGraph): {
  nodes: string[];
  edges: string[];
  postings: string[];
  lists: string[];
} {
  const ids = store.entities.ids;
  const entities = [...entitiesOf(store)];
  const nodes = entities.map(([key, node]) => `${key}:${node.mentions}:${node.articles}`).sort();
  const edges: string[] = [];
  forEachEdge(store, (x, y, articles, sentences) => {
    const [a, b] = [ids[x] as string, ids[y] as string].sort();
    edges.push(`${a}--${b}:${articles}:${sentences}`);
  });
  const occurrences = ids
    .map((id, entity) => {
      const numbers = [...postingsOf(store, entity)];
      const articles = numbers.map((number) => store.articles.ids[number] ?? `removed ${number}`);
      return numbers.length === 0 ? '' : `${id}:${articles.sort().join(',')}`;
    })
    .filter((line) => line !== '')
    .sort();
  // Each entity's own run of edges (edge-lists.ts), which must say what the pairs above say.
  const lists = entities.flatMap(([id]) => {
    const list = edgeList(store, id);
    return Array.from(
      { length: list?.others.length ?? 0 },
      (_, slot) => `${id}->${ids[list?.others[slot] ?? -1]}:${list?.articles[slot]}:${list?.sentences[slot]}`,
    );
  });
  return { nodes, edges: edges.sort(), postings: occurrences, lists: lists.sort() };
}

/** The graph's entity ids, in the store's order. */
export function entityIds(store: CooccurrenceGraph): string[] {
  return [...entitiesOf(store)].map(([id]) => id);
}

/** The graph's entity ids, those in most articles first (ties in the store's order). */
export function entitiesByArticles(store: CooccurrenceGraph): string[] {
  return [...entitiesOf(store)].sort(([, a], [, b]) => b.articles - a.articles).map(([id]) => id);
}
