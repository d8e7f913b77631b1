// Many new edges at once into the edge store (edge-lists.ts). Index mode builds a neighbourhood's part from
// whole lists, hundreds of thousands of edges a view at 100,000 articles; added one at a time, each moved
// its two runs (an insertion into a sorted run, a growth by half now and then), 14 % of four depth-2 views'
// time in a CPU profile (docs/index-mode.md, session 23). Here each run grows once and takes its new edges in
// one merge from the back.
import { forgetRanked, growRun } from './edge-lists.js';
import type { CooccurrenceGraph } from './types.js';

/** Edges to add, at the same index in each array: none of them in the store yet, none twice, no loop. */
export interface NewEdges {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  articles: ArrayLike<number>;
  sentences: ArrayLike<number>;
}

// A run's new slots are sorted by one native sort of other * 2^22 + index, exact in a double below 2^52.
const INDEX = 2 ** 22;

/** Adds `added` to the store: the same runs, in the same order, as `addToPair` once per edge. */
export function addNewEdges(store: CooccurrenceGraph, added: NewEdges): void {
  const edges = store.edges;
  const count = added.xs.length;
  if (count === 0) return;
  // Each edge at both ends: the new slots grouped by entity (a count each, then their places).
  let entities = store.entities.ids.length;
  for (let j = 0; j < 2 * count; j++) entities = Math.max(entities, endOf(added, j) + 1);
  const first = new Int32Array(entities + 1);
  for (let i = 0; i < 2 * count; i++) {
    const end = endOf(added, i);
    first[end + 1] = (first[end + 1] as number) + 1;
  }
  for (let e = 0; e < entities; e++) first[e + 1] = (first[e + 1] as number) + (first[e] as number);
  const filled = first.slice(0, entities);
  const slots = new Int32Array(2 * count);
  for (let i = 0; i < 2 * count; i++) {
    const end = endOf(added, i);
    slots[filled[end] as number] = i >> 1;
    filled[end] = (filled[end] as number) + 1;
  }
  while (edges.start.length < entities) {
    edges.start.push(0);
    edges.length.push(0);
    edges.capacity.push(0);
  }
  for (let self = 0; self < entities; self++) {
    const [from, to] = [first[self] as number, first[self + 1] as number];
    if (from === to) continue;
    addToRun(store, self, slots.subarray(from, to), added);
  }
  edges.count += count;
}

/** End `j` & 1 (x, then y) of new edge `j` >> 1. */
function endOf(added: NewEdges, j: number): number {
  return (j & 1 ? added.ys[j >> 1] : added.xs[j >> 1]) as number;
}

/** The end of new edge `i` that is not `self`. */
function otherEnd(added: NewEdges, i: number, self: number): number {
  return (added.xs[i] as number) === self ? (added.ys[i] as number) : (added.xs[i] as number);
}

/** Merges the edges `indices` of `added` (each with `self` at one end) into `self`'s sorted run. */
function addToRun(store: CooccurrenceGraph, self: number, indices: Int32Array, added: NewEdges): void {
  const edges = store.edges;
  const keys = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) keys[k] = otherEnd(added, indices[k] as number, self) * INDEX + k;
  keys.sort();
  forgetRanked(edges, self);
  const length = edges.length[self] as number;
  const total = length + indices.length;
  // A growth that compacts the slabs first may leave the run less room than asked (room for one more).
  while ((edges.capacity[self] as number) < total) growRun(edges, self, Math.max(4, total + (total >> 3)));
  const start = edges.start[self] as number;
  // From the back: the run's last slot and the new edges' last, whichever's other end is higher.
  let old = start + length - 1;
  for (let k = indices.length - 1, at = start + total - 1; k >= 0; at--) {
    const i = indices[(keys[k] as number) % INDEX] as number;
    const other = otherEnd(added, i, self);
    if (old >= start && (edges.others[old] as number) > other) {
      edges.others[at] = edges.others[old] as number;
      edges.articles[at] = edges.articles[old] as number;
      edges.sentences[at] = edges.sentences[old] as number;
      old--;
    } else {
      edges.others[at] = other;
      edges.articles[at] = added.articles[i] as number;
      edges.sentences[at] = added.sentences[i] as number;
      k--;
    }
  }
  edges.length[self] = total;
}
