// The entities within one or two links of a center, breadth first and strongest links first, at most
// `budget` of them. Ranked by shared articles over all time, each entity's edge list has that order at
// hand, so a level is a merge of the frontier's lists that stops once the budget is full; any other
// measure (sentences, a date range, a significance) counts every edge of the frontier. At depth 2 a
// member that `expand` refuses (a hub mentioned in a large share of all articles) is kept but not walked
// through, and is listed in `notExpanded`.
// Equal links are ordered by the frontier member they lead from, then by entity id: an order that depends
// on the graph alone, not on the order articles arrived in, so that a restart, a snapshot or index mode
// (which builds the neighbourhood from Meilisearch, src/graph-index/) selects and orders the same members.
import { edgeAttributes, edgeList } from './edge-lists.js';
import { mergeRankedLists } from './merge-ranked-lists.js';
import type { EdgeCounts } from './dated-counts.js';
import type { CooccurrenceGraph, EdgeAttributes, Window } from './types.js';

export interface NeighborhoodOptions {
  depth: 1 | 2;
  budget: number;
  window: Window;
  minWeight: number;
  /** Fewest shared articles of a link followed, whatever the window and measure. */
  minArticles?: number;
  /** The counts over a date range, when there is one; otherwise the edges' own counts are used. */
  datedCounts?: (edge: EdgeAttributes) => EdgeCounts;
  /** The measure links are ranked by, when not the window's count. */
  rank?: (edge: EdgeAttributes, counts: EdgeCounts) => number;
  /** Whether a link may be followed at all (a significance test, the backbone). */
  keep?: (edge: EdgeAttributes, counts: EdgeCounts) => boolean;
  /** Whether a member reached at depth 1 is walked through to depth 2; all are when not given. */
  expand?: (id: string) => boolean;
}

export interface Neighborhood {
  members: Set<string>;
  /** Whether strongly enough linked entities were left out for the budget. */
  cut: boolean;
  /** Members at depth 1 that `expand` kept from being walked through. */
  notExpanded: string[];
}

type Level = (
  store: CooccurrenceGraph,
  frontier: string[],
  members: Set<string>,
  wanted: number,
  options: NeighborhoodOptions,
) => string[];

const byId = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The `wanted` entities outside `members` most strongly linked to the frontier, strongest first: each
 * entity by its strongest link (the first frontier member's among equal ones), equal links by frontier
 * member, then id.
 */
const scanFrontier: Level = (
  store,
  frontier,
  members,
  wanted,
  { window, minWeight, minArticles = 1, datedCounts, rank, keep },
) => {
  const best = new Map<string, { weight: number; from: number }>();
  for (const [from, node] of frontier.entries()) {
    const list = edgeList(store, node);
    for (let slot = 0; list && slot < list.others.length; slot++) {
      const other = list.others[slot] as number;
      const [articles, sentences] = [list.articles[slot] as number, list.sentences[slot] as number];
      // Made only when a caller needs an edge: most of a hub's edges are passed over by their counts.
      const dated = datedCounts ? edgeAttributes(store, list.self, other, articles, sentences) : undefined;
      const counts = datedCounts && dated ? datedCounts(dated) : { articles, sentences };
      const count = window === 'article' ? counts.articles : counts.sentences;
      const id = store.entities.ids[other] as string;
      if (count < Math.max(1, minWeight) || counts.articles < minArticles || members.has(id)) continue;
      const edge: EdgeAttributes = dated ?? edgeAttributes(store, list.self, other, articles, sentences);
      if (keep && !keep(edge, counts)) continue;
      const weight = rank ? rank(edge, counts) : count;
      const known = best.get(id);
      if (!known || weight > known.weight) best.set(id, { weight, from });
    }
  }
  return [...best]
    .sort(([a, x], [b, y]) => y.weight - x.weight || x.from - y.from || byId(a, b))
    .slice(0, Math.max(0, wanted))
    .map(([id]) => id);
};

/**
 * The same over lists in rank order: the first time an entity comes up is its strongest link. The merge
 * gives equal links of one frontier member in number order; each such run is put in id order when it
 * ends, so the run the budget cuts is read to its end.
 */
const mergeFrontier: Level = (store, frontier, members, wanted, { minWeight, minArticles = 1 }) => {
  const taken = new Uint8Array(store.entities.ids.length);
  for (const id of members) {
    const number = store.entities.numbers.get(id);
    if (number !== undefined) taken[number] = 1;
  }
  const found: string[] = [];
  let run: string[] = [];
  let [runCount, runFrom] = [-1, -1];
  const endRun = (): void => {
    found.push(...run.sort(byId));
    run = [];
  };
  for (const { list, slot, from } of mergeRankedLists(store, frontier, (other) => taken[other] === 1)) {
    const count = list.articles[slot] as number;
    if (count !== runCount || from !== runFrom) {
      endRun();
      [runCount, runFrom] = [count, from];
    }
    if (found.length >= wanted || count < Math.max(1, minWeight, minArticles)) break;
    const other = list.others[slot] as number;
    if (taken[other] === 1) continue;
    taken[other] = 1;
    run.push(store.entities.ids[other] as string);
  }
  endRun();
  return found.slice(0, wanted);
};

/** The entities around `center` (it included). */
export function selectNeighborhood(
  store: CooccurrenceGraph,
  center: string,
  options: NeighborhoodOptions,
): Neighborhood {
  const { depth, budget, window, datedCounts, rank, keep, expand } = options;
  const level = window === 'article' && !datedCounts && !rank && !keep ? mergeFrontier : scanFrontier;
  const members = new Set([center]);
  const notExpanded: string[] = [];
  let frontier = [center];
  for (let step = 0; step < depth; step++) {
    const room = budget - members.size;
    const reached = level(store, frontier, members, room + 1, options);
    const cut = reached.length > room;
    const joined = cut ? reached.slice(0, room) : reached;
    for (const id of joined) members.add(id);
    if (cut || step + 1 >= depth) return { members, cut, notExpanded };
    frontier = [];
    for (const id of joined) {
      if (!expand || expand(id)) frontier.push(id);
      else notExpanded.push(id);
    }
  }
  return { members, cut: false, notExpanded };
}
