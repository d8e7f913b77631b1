// Entities' strengths and degrees (the sum and the number of their links in a window) for the disparity
// backbone in index mode: no total gives them (a degree is not a sum over articles), so each is counted from
// the entity's whole neighbour list, read once per export and dropped; only the two numbers are kept.
import { strengthOf, type Strength } from '../graph/edge-disparity.js';
import type { Window } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import type { AdjacencyList } from '../search/sum-adjacency.js';
import { inPieces } from './in-pieces.js';

export const DEFAULTS = {
  /** Most lists read in one request of `adjacency`. */
  listsAtOnce: 100,
  /**
   * Most articles of the entities whose lists one request reads (the totals the index keeps tell them before
   * a list is read): a list has about as many entries as its entity's articles times a few, so a piece of
   * hubs holds a few lists and a piece of rare entities the most lists.
   */
  articlesAtOnce: 50_000,
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

/** `ids` in pieces of at most `listsAtOnce` lists and `articlesAtOnce` articles of their entities. */
export async function listPieces(
  graph: GraphIndex,
  ids: readonly string[],
  limits: { listsAtOnce: number; articlesAtOnce: number },
): Promise<string[][]> {
  if (ids.length === 0) return [];
  const totals = await graph.entityTotals(ids);
  const articles = new Map(ids.map((id, i) => [id, totals[i]?.articles ?? 0]));
  return inPieces(ids, (id) => articles.get(id) as number, limits.articlesAtOnce, limits.listsAtOnce);
}

/** An entity's strength and degree in `window`, from its whole list (which never holds the entity itself). */
const strengthOfList = (list: AdjacencyList, window: Window): Strength =>
  strengthOf((window === 'article' ? list.articles : list.sentences).values());

export function createIndexStrengths(graph: GraphIndex, window: Window, limits = DEFAULTS): IndexStrengths {
  const known = new Map<string, Strength>();
  return {
    async read(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (const some of await listPieces(graph, missing, limits)) {
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
