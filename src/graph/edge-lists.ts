// Each entity's edges as a run of slots in three shared Int32Array slabs (other end, shared articles,
// shared sentences), the run sorted by the other end's number: an edge is found by binary search, held
// twice (once at each end) and nowhere else, 24 bytes in all. A few large slabs grown by half, not a buffer
// per entity: one small ArrayBuffer per list, re-created often, kept V8 collecting the young generation for
// "external memory pressure" every ~40 ms under load (measured with --trace-gc). A run that outgrows its
// room moves to the end of the slabs; the holes left are reclaimed by compacting when they pass a quarter.
import type { CooccurrenceGraph, EdgeList, EdgeStore } from './types.js';

export const DEFAULTS = {
  /** Rank orders are kept for runs of at least this many edges; shorter ones are sorted when asked. */
  rankedMinLength: 64,
  /** Most slots of rank orders kept (4 bytes each); the least recently asked go first. */
  rankedBudget: 4_000_000,
};

export function createEdgeStore(slots = 1024): EdgeStore {
  return {
    start: [],
    length: [],
    capacity: [],
    others: new Int32Array(slots),
    articles: new Int32Array(slots),
    sentences: new Int32Array(slots),
    used: 0,
    reserved: 0,
    count: 0,
    ranked: new Map(),
    rankedSlots: 0,
  };
}

/** Edges in the graph. */
export function edgeCount(store: CooccurrenceGraph): number {
  return store.edges.count;
}

/** The edges of entity `number` as views over the slabs; undefined when it has none. */
export function edgeListOf(store: CooccurrenceGraph, number: number | undefined): EdgeList | undefined {
  const edges = store.edges;
  if (number === undefined) return undefined;
  const length = edges.length[number] ?? 0;
  if (length === 0) return undefined;
  const start = edges.start[number] as number;
  const end = start + length;
  return {
    self: number,
    others: edges.others.subarray(start, end),
    articles: edges.articles.subarray(start, end),
    sentences: edges.sentences.subarray(start, end),
  };
}

/** The edges of entity `id`; undefined when it has none or is not in the graph. */
export function edgeList(store: CooccurrenceGraph, id: string): EdgeList | undefined {
  return edgeListOf(store, store.entities.numbers.get(id));
}

/** The slot of `other` in `self`'s run if there, else where it would go (negated, minus one). */
function find(edges: EdgeStore, self: number, other: number): number {
  const start = edges.start[self] ?? 0;
  let [low, high] = [start, start + (edges.length[self] ?? 0)];
  while (low < high) {
    const mid = (low + high) >> 1;
    const at = edges.others[mid] as number;
    if (at === other) return mid - start;
    if (at < other) low = mid + 1;
    else high = mid;
  }
  return -(low - start) - 1;
}

/** Shared articles and sentences of the pair, or undefined when they have no edge. */
export function pairCounts(
  store: CooccurrenceGraph,
  x: number,
  y: number,
): { articles: number; sentences: number } | undefined {
  const edges = store.edges;
  const slot = find(edges, x, y);
  if (slot < 0) return undefined;
  const at = (edges.start[x] as number) + slot;
  return { articles: edges.articles[at] as number, sentences: edges.sentences[at] as number };
}

/**
 * Adds to the counts of the edge between entities x and y (made when new); an edge left with no shared
 * article is taken out of both runs.
 */
export function addToPair(
  store: CooccurrenceGraph,
  x: number,
  y: number,
  articles: number,
  sentences: number,
): void {
  const edges = store.edges;
  const slotX = find(edges, x, y);
  if (slotX < 0) {
    if (articles <= 0) return;
    insert(edges, x, -slotX - 1, y, articles, sentences);
    insert(edges, y, -find(edges, y, x) - 1, x, articles, sentences);
    edges.count += 1;
    return;
  }
  const slotY = find(edges, y, x);
  const [atX, atY] = [(edges.start[x] as number) + slotX, (edges.start[y] as number) + slotY];
  const left = (edges.articles[atX] as number) + articles;
  forgetRanked(edges, x);
  forgetRanked(edges, y);
  if (left <= 0) {
    cut(edges, x, slotX);
    cut(edges, y, slotY);
    edges.count -= 1;
    return;
  }
  const shared = (edges.sentences[atX] as number) + sentences;
  edges.articles[atX] = edges.articles[atY] = left;
  edges.sentences[atX] = edges.sentences[atY] = shared;
}

/** Takes every edge of entity `number` out (of its run and of the other ends'), and frees its run. */
export function dropEdges(store: CooccurrenceGraph, number: number): void {
  const edges = store.edges;
  const length = edges.length[number] ?? 0;
  if (length === 0) return;
  const start = edges.start[number] as number;
  const others = Array.from(edges.others.subarray(start, start + length));
  for (const other of others) {
    const slot = find(edges, other, number);
    forgetRanked(edges, other);
    if (slot >= 0) cut(edges, other, slot);
  }
  edges.count -= length;
  forgetRanked(edges, number);
  edges.reserved -= edges.capacity[number] ?? 0;
  edges.length[number] = edges.capacity[number] = edges.start[number] = 0;
}

/** Drops the rank order kept for entity `number`'s run (it is about to change). */
export function forgetRanked(edges: EdgeStore, number: number): void {
  const ranked = edges.ranked.get(number);
  if (!ranked) return;
  edges.ranked.delete(number);
  edges.rankedSlots -= ranked.length;
}

function insert(
  edges: EdgeStore,
  self: number,
  slot: number,
  other: number,
  articles: number,
  sentences: number,
): void {
  forgetRanked(edges, self);
  while (edges.start.length <= self) {
    edges.start.push(0);
    edges.length.push(0);
    edges.capacity.push(0);
  }
  const length = edges.length[self] as number;
  if (length === edges.capacity[self]) growRun(edges, self, Math.max(4, length + (length >> 1)));
  const start = edges.start[self] as number;
  const [at, end] = [start + slot, start + length];
  if (at < end) {
    edges.others.copyWithin(at + 1, at, end);
    edges.articles.copyWithin(at + 1, at, end);
    edges.sentences.copyWithin(at + 1, at, end);
  }
  edges.others[at] = other;
  edges.articles[at] = articles;
  edges.sentences[at] = sentences;
  edges.length[self] = length + 1;
}

function cut(edges: EdgeStore, self: number, slot: number): void {
  const start = edges.start[self] as number;
  const end = start + (edges.length[self] as number);
  const at = start + slot;
  edges.others.copyWithin(at, at + 1, end);
  edges.articles.copyWithin(at, at + 1, end);
  edges.sentences.copyWithin(at, at + 1, end);
  edges.length[self] = end - start - 1;
  if (end - start - 1 === 0) {
    edges.reserved -= edges.capacity[self] as number;
    edges.capacity[self] = edges.start[self] = 0;
  }
}

/**
 * Gives entity `self`'s run room for `capacity` slots: in place at the end of the slabs, else moved there.
 * When the slabs are compacted first, the run may get less (room for one more slot at least).
 */
export function growRun(edges: EdgeStore, self: number, capacity: number): void {
  const [start, old, length] = [
    edges.start[self] as number,
    edges.capacity[self] as number,
    edges.length[self] as number,
  ];
  const last = old > 0 && start + old === edges.used;
  const needed = last ? capacity - old : capacity;
  if (edges.used + needed > edges.others.length) {
    const holes = edges.used - edges.reserved;
    if (holes > edges.used / 4) {
      compactEdgeLists(edges, capacity);
      if ((edges.length[self] as number) < (edges.capacity[self] as number)) return;
      return growRun(edges, self, capacity);
    }
    resize(edges, Math.max(edges.used + needed, Math.ceil(edges.others.length * 1.25)));
  }
  if (!last) {
    const to = edges.used;
    edges.others.copyWithin(to, start, start + length);
    edges.articles.copyWithin(to, start, start + length);
    edges.sentences.copyWithin(to, start, start + length);
    edges.start[self] = to;
  }
  edges.used += needed;
  edges.reserved += capacity - old;
  edges.capacity[self] = capacity;
}

function resize(edges: EdgeStore, slots: number): void {
  for (const name of ['others', 'articles', 'sentences'] as const) {
    const bigger = new Int32Array(slots);
    bigger.set(edges[name].subarray(0, Math.min(edges.used, slots)));
    edges[name] = bigger;
  }
}

/**
 * Moves every run to the front of new slabs with no holes, each with room for an eighth more than it holds
 * (at least 4 slots), and `spare` slots free at the end. Called when holes pile up, and after a bulk load.
 */
export function compactEdgeLists(edges: EdgeStore, spare = 0): void {
  const count = edges.start.length;
  const capacity = new Array<number>(count);
  let total = spare;
  for (let number = 0; number < count; number++) {
    const length = edges.length[number] as number;
    capacity[number] = length === 0 ? 0 : Math.max(4, length + (length >> 3));
    total += capacity[number] as number;
  }
  const next = createEdgeStore(Math.max(1024, total));
  let at = 0;
  for (let number = 0; number < count; number++) {
    const [start, length] = [edges.start[number] as number, edges.length[number] as number];
    next.others.set(edges.others.subarray(start, start + length), at);
    next.articles.set(edges.articles.subarray(start, start + length), at);
    next.sentences.set(edges.sentences.subarray(start, start + length), at);
    edges.start[number] = length === 0 ? 0 : at;
    at += capacity[number] as number;
  }
  Object.assign(edges, {
    others: next.others,
    articles: next.articles,
    sentences: next.sentences,
    capacity,
    used: at,
    reserved: at,
  });
}

const SLOTS = 2 ** 24;
const COUNTS = 2 ** 28;

/**
 * The slots of a list, most shared articles first and equal counts by slot (by the other end's number).
 * One native numeric sort of the keys (COUNTS - articles) * 2^24 + slot, exact in a double for lists under
 * 16M edges and counts under 2^28. Kept for long runs until they change, within DEFAULTS.rankedBudget.
 */
export function rankedSlots(store: CooccurrenceGraph, list: EdgeList): ArrayLike<number> {
  const edges = store.edges;
  const kept = edges.ranked.get(list.self);
  if (kept) {
    // Most recently asked last: the budget lets go of the least recently asked.
    edges.ranked.delete(list.self);
    edges.ranked.set(list.self, kept);
    return kept;
  }
  const length = list.articles.length;
  const keys = new Float64Array(length);
  for (let slot = 0; slot < length; slot++) {
    keys[slot] = (COUNTS - (list.articles[slot] as number)) * SLOTS + slot;
  }
  keys.sort();
  if (length < DEFAULTS.rankedMinLength) return Array.from(keys, (key) => key % SLOTS);
  const ranked = Int32Array.from(keys, (key) => key % SLOTS);
  for (const [number, old] of edges.ranked) {
    if (edges.rankedSlots + length <= DEFAULTS.rankedBudget) break;
    edges.ranked.delete(number);
    edges.rankedSlots -= old.length;
  }
  if (length <= DEFAULTS.rankedBudget) {
    edges.ranked.set(list.self, ranked);
    edges.rankedSlots += length;
  }
  return ranked;
}

/** Calls `visit` once per edge, from its end with the lower number, in number order. */
export function forEachEdge(
  store: CooccurrenceGraph,
  visit: (x: number, y: number, articles: number, sentences: number) => void,
): void {
  const edges = store.edges;
  for (let x = 0; x < edges.start.length; x++) {
    const start = edges.start[x] as number;
    const end = start + (edges.length[x] as number);
    for (let at = start; at < end; at++) {
      const y = edges.others[at] as number;
      if (x < y) visit(x, y, edges.articles[at] as number, edges.sentences[at] as number);
    }
  }
}

/** The edge between entities x and y as an object (ends in id order), for code that hands edges around. */
export function edgeAttributes(
  store: CooccurrenceGraph,
  x: number,
  y: number,
  articles: number,
  sentences: number,
): { a: string; b: string; articles: number; sentences: number } {
  const [idX, idY] = [store.entities.ids[x] as string, store.entities.ids[y] as string];
  return idX < idY ? { a: idX, b: idY, articles, sentences } : { a: idY, b: idX, articles, sentences };
}

/** Shared articles and sentences of entities `a` and `b`, or undefined when they have no edge. */
export function edgeBetween(
  store: CooccurrenceGraph,
  a: string,
  b: string,
): { articles: number; sentences: number } | undefined {
  const [x, y] = [store.entities.numbers.get(a), store.entities.numbers.get(b)];
  return x === undefined || y === undefined ? undefined : pairCounts(store, x, y);
}

/** How many edges entity `id` has (0 when it is not in the graph). */
export function degreeOf(store: CooccurrenceGraph, id: string): number {
  const number = store.entities.numbers.get(id);
  return number === undefined ? 0 : (store.edges.length[number] ?? 0);
}
