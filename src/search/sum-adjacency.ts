// An entity's neighbour list from its list documents (to-adjacency-deltas.ts): the compacted list plus every
// delta it does not cover. Counts summed to zero are dropped, so the list holds what facet counts would.
// Lists are Maps: a hub's list holds tens of thousands of neighbours, and building plain objects of that
// size cost index mode about four times the summing itself (docs/index-mode.md, "Latency at 100,000").
import { decodeAdjacency } from './adjacency-codec.js';
import type { AdjacencyDocument } from './to-adjacency-deltas.js';

export interface AdjacencyList {
  /** Neighbour -> articles relating both (outside furniture, copies excluded), as the `related` facet. */
  articles: ReadonlyMap<string, number>;
  /** Neighbour -> sentences relating both. */
  sentences: ReadonlyMap<string, number>;
}

export interface SummedAdjacency extends AdjacencyList {
  /** Ids of the deltas summed, and of those left behind that the compacted list already covers. */
  deltas: string[];
}

/**
 * Neighbours to keep, each mapped to itself. The ids kept are then the set's own strings: an id cut from a
 * document's text is a slice that holds the whole text in memory (V8), so a list filtered to a view's
 * members kept every document it was read from (docs/index-mode.md, session 21).
 */
export type Members = ReadonlyMap<string, string>;

/** These ids as `Members`. */
export function membersOf(ids: Iterable<string>): Members {
  return new Map([...ids].map((id) => [id, id]));
}

/** Adds `count` to `key`'s sum (a zero count adds no key). */
function add(sums: Map<string, number>, key: string, count: number): void {
  if (count !== 0) sums.set(key, (sums.get(key) ?? 0) + count);
}

/** Drops the keys whose counts summed to zero. */
function withoutZeros(sums: Map<string, number>): Map<string, number> {
  for (const [key, count] of sums) if (count === 0) sums.delete(key);
  return sums;
}

/**
 * Sums one instance's list documents of one entity; with `among`, only the neighbours in it (a view's links
 * among its members need a few hundred entries of lists of tens of thousands, and summing every entry into
 * the Maps took longer than reading them).
 */
export function sumAdjacency(docs: readonly AdjacencyDocument[], among?: Members): SummedAdjacency {
  const base = docs.find((doc) => doc.covered !== undefined);
  const covered = new Set(base?.covered ?? []);
  const articles = new Map<string, number>();
  const sentences = new Map<string, number>();
  const deltas: string[] = [];
  // The compacted list first: its neighbours are distinct, so each is set without looking it up (a hub's
  // list at a million articles is 157,529 of them, and the look-ups and a pass for zeros were half its cost).
  if (base) {
    decodeAdjacency(base, (other, shared, together) => {
      const kept = among ? among.get(other) : other;
      if (kept === undefined) return;
      if (shared !== 0) articles.set(kept, shared);
      if (together !== 0) sentences.set(kept, together);
    });
  }
  // Only a negative change can bring a sum to zero.
  let lowered = false;
  for (const doc of docs) {
    if (doc === base) continue;
    deltas.push(doc.id);
    if (covered.has(doc.id)) continue;
    decodeAdjacency(doc, (other, shared, together) => {
      const kept = among ? among.get(other) : other;
      if (kept === undefined) return;
      lowered ||= shared < 0 || together < 0;
      add(articles, kept, shared);
      add(sentences, kept, together);
    });
  }
  if (lowered) {
    withoutZeros(articles);
    withoutZeros(sentences);
  }
  return { articles, sentences, deltas };
}

/** Adds the lists of several instances (each holds its own articles' counts). */
export function mergeAdjacency(lists: readonly AdjacencyList[]): AdjacencyList {
  if (lists.length === 1) {
    const [{ articles, sentences }] = lists as [AdjacencyList];
    return { articles, sentences };
  }
  const merge = (pick: (list: AdjacencyList) => ReadonlyMap<string, number>) => {
    const sums = new Map<string, number>();
    for (const list of lists) for (const [other, n] of pick(list)) add(sums, other, n);
    return withoutZeros(sums);
  };
  return { articles: merge((list) => list.articles), sentences: merge((list) => list.sentences) };
}
