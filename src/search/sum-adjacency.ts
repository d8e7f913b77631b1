// An entity's neighbour list from its list documents (to-adjacency-deltas.ts): the compacted list plus every
// delta it does not cover. Counts summed to zero are dropped, so the list holds what facet counts would.
import type { AdjacencyDocument } from './to-adjacency-deltas.js';

export interface AdjacencyList {
  /** Neighbour -> articles relating both (outside furniture, copies excluded), as the `related` facet. */
  articles: Record<string, number>;
  /** Neighbour -> sentences relating both. */
  sentences: Record<string, number>;
}

export interface SummedAdjacency extends AdjacencyList {
  /** Ids of the deltas summed, and of those left behind that the compacted list already covers. */
  deltas: string[];
}

/** Sums one instance's list documents of one entity. */
export function sumAdjacency(docs: readonly AdjacencyDocument[]): SummedAdjacency {
  const base = docs.find((doc) => doc.covered !== undefined);
  const covered = new Set(base?.covered ?? []);
  const counts = new Map<string, [number, number]>();
  const deltas: string[] = [];
  for (const doc of docs) {
    if (doc !== base) deltas.push(doc.id);
    if (doc !== base && covered.has(doc.id)) continue;
    doc.neighbors.forEach((other, i) => {
      const entry = counts.get(other) ?? [0, 0];
      entry[0] += doc.articles[i] ?? 0;
      entry[1] += doc.sentences[i] ?? 0;
      counts.set(other, entry);
    });
  }
  const articles: Array<[string, number]> = [];
  const sentences: Array<[string, number]> = [];
  for (const [other, [a, s]] of counts) {
    if (a !== 0) articles.push([other, a]);
    if (s !== 0) sentences.push([other, s]);
  }
  return { articles: Object.fromEntries(articles), sentences: Object.fromEntries(sentences), deltas };
}

/** Adds the lists of several instances (each holds its own articles' counts). */
export function mergeAdjacency(lists: readonly AdjacencyList[]): AdjacencyList {
  if (lists.length === 1) {
    const [{ articles, sentences }] = lists as [AdjacencyList];
    return { articles, sentences };
  }
  const add = (pick: (list: AdjacencyList) => Record<string, number>) => {
    const sums = new Map<string, number>();
    for (const list of lists) {
      for (const [other, n] of Object.entries(pick(list))) sums.set(other, (sums.get(other) ?? 0) + n);
    }
    return Object.fromEntries(sums);
  };
  return { articles: add((list) => list.articles), sentences: add((list) => list.sentences) };
}
