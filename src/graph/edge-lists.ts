// Each entity's edges in flat arrays of small integers, beside graphology's own adjacency: the other end's
// number and the two counts. On this machine a walk that reads scattered edge objects costs ~0.5 us an object
// (a hub's 17k edges: ~10 ms through the objects, ~25 ms through graphology's callbacks, well under 1 ms
// through the arrays; measured, README). Counts are written to both places by addToEdge, so they never
// disagree. A list's rank order (most shared articles first) is computed when asked for after a change,
// by one native sort of numeric keys.
import type { CooccurrenceGraph, EdgeAttributes, EdgeList } from './types.js';

/** The small integer that stands for entity `id` in the lists (given on first sight, never reused). */
export function entityNumber(store: CooccurrenceGraph, id: string): number {
  let number = store.entityNumbers.get(id);
  if (number === undefined) {
    number = store.entityIds.length;
    store.entityNumbers.set(id, number);
    store.entityIds.push(id);
  }
  return number;
}

function append(store: CooccurrenceGraph, id: string, other: string, edge: EdgeAttributes): number {
  let list = store.edgeLists.get(id);
  if (!list) {
    list = { edges: [], others: [], articles: [], sentences: [], ranked: null };
    store.edgeLists.set(id, list);
  }
  list.edges.push(edge);
  list.others.push(entityNumber(store, other));
  list.articles.push(edge.articles);
  list.sentences.push(edge.sentences);
  list.ranked = null;
  return list.edges.length - 1;
}

/** Registers a new edge in the lists of both its ends. */
export function linkEdge(store: CooccurrenceGraph, edge: EdgeAttributes): void {
  edge.slotA = append(store, edge.a, edge.b, edge);
  edge.slotB = append(store, edge.b, edge.a, edge);
}

/** Changes an edge's counts, in the edge and in both its ends' lists. */
export function addToEdge(
  store: CooccurrenceGraph,
  edge: EdgeAttributes,
  articles: number,
  sentences: number,
): void {
  edge.articles += articles;
  edge.sentences += sentences;
  copyCounts(store.edgeLists.get(edge.a), edge.slotA, edge);
  copyCounts(store.edgeLists.get(edge.b), edge.slotB, edge);
}

function copyCounts(list: EdgeList | undefined, slot: number, edge: EdgeAttributes): void {
  if (!list) return;
  list.articles[slot] = edge.articles;
  list.sentences[slot] = edge.sentences;
  list.ranked = null;
}

/** Takes an edge out of the lists of both its ends: in each, the last slot moves into its place. */
export function unlinkEdge(store: CooccurrenceGraph, edge: EdgeAttributes): void {
  removeSlot(store, edge.a, edge.slotA, edge);
  removeSlot(store, edge.b, edge.slotB, edge);
}

function removeSlot(store: CooccurrenceGraph, id: string, slot: number, edge: EdgeAttributes): void {
  const list = store.edgeLists.get(id);
  if (!list || list.edges[slot] !== edge) return;
  const moved = list.edges.pop() as EdgeAttributes;
  const [other, articles, sentences] = [list.others.pop(), list.articles.pop(), list.sentences.pop()];
  list.ranked = null;
  if (moved === edge) {
    if (list.edges.length === 0) store.edgeLists.delete(id);
    return;
  }
  list.edges[slot] = moved;
  list.others[slot] = other as number;
  list.articles[slot] = articles as number;
  list.sentences[slot] = sentences as number;
  if (moved.a === id) moved.slotA = slot;
  else moved.slotB = slot;
}

const SLOTS = 2 ** 24;
const COUNTS = 2 ** 28;

/**
 * The slots of a list, most shared articles first and equal counts by slot. One native numeric sort of the
 * keys (COUNTS - articles) * 2^24 + slot, exact in a double for lists under 16M edges and counts under 2^28.
 */
export function rankedSlots(list: EdgeList): readonly number[] {
  if (list.ranked) return list.ranked;
  const keys = new Float64Array(list.edges.length);
  for (let slot = 0; slot < keys.length; slot++) {
    keys[slot] = (COUNTS - (list.articles[slot] as number)) * SLOTS + slot;
  }
  keys.sort();
  // Kept as a plain array: one ArrayBuffer per list kept V8 collecting the young generation for "external
  // memory pressure" every ~40 ms, 7 ms each, under load (measured with --trace-gc).
  list.ranked = Array.from(keys, (key) => key % SLOTS);
  return list.ranked;
}
