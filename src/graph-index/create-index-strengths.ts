// Entities' strengths and degrees (the sum and the number of their links in a window) for the disparity
// backbone in index mode: no total gives them (a degree is not a sum over articles), so each is counted from
// the entity's whole neighbour list, read once per export and dropped; only the two numbers are kept.
import { strengthOf, type Strength } from '../graph/edge-disparity.js';
import type { Window } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import type { AdjacencyList } from '../search/sum-adjacency.js';

export const DEFAULTS = {
  /** Lists read in one request of `adjacency`. */
  listsAtOnce: 100,
};

export interface IndexStrengths {
  /** Reads the lists of those of `ids` not read yet. */
  read(ids: Iterable<string>): Promise<void>;
  /** Keeps the strength of a whole list read for another purpose. */
  add(id: string, list: AdjacencyList): void;
  /** Whether `id`'s strength has been read. */
  has(id: string): boolean;
  /** `id`'s strength and degree; read(id) must have come first. */
  of(id: string): Strength;
  /** How many lists were read. */
  readonly lists: number;
}

/** An entity's strength and degree in `window`, from its whole list (which never holds the entity itself). */
const strengthOfList = (list: AdjacencyList, window: Window): Strength =>
  strengthOf((window === 'article' ? list.articles : list.sentences).values());

export function createIndexStrengths(graph: GraphIndex, window: Window, limits = DEFAULTS): IndexStrengths {
  const known = new Map<string, Strength>();
  return {
    async read(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (let at = 0; at < missing.length; at += limits.listsAtOnce) {
        const some = missing.slice(at, at + limits.listsAtOnce);
        const lists = await graph.adjacency(some);
        some.forEach((id, i) => known.set(id, strengthOfList(lists[i] as AdjacencyList, window)));
      }
    },
    add(id, list) {
      if (!known.has(id)) known.set(id, strengthOfList(list, window));
    },
    has: (id) => known.has(id),
    of(id) {
      const found = known.get(id);
      if (!found) throw new Error(`create-index-strengths: the strength of "${id}" was not read`);
      return found;
    },
    get lists() {
      return known.size;
    },
  };
}
