// The edges whose two ends are both in a set of entities. The set is marked in a bitmap over entity
// numbers and each member's list is read as arrays of integers, so that the edges leading out of the set
// (most of a hub's) are passed over without touching their objects: reading scattered edge objects, not
// the arithmetic, is what a walk over a large graph spends its time on (measured, README).
import { strongestIndices } from './strongest.js';
import type { CooccurrenceGraph, EdgeAttributes, EdgeList } from './types.js';

interface Marked {
  marks: Uint8Array;
  lists: Array<{ list: EdgeList; self: number }>;
}

function mark(store: CooccurrenceGraph, members: Iterable<string>): Marked {
  const marks = new Uint8Array(store.entityIds.length);
  const lists: Marked['lists'] = [];
  for (const id of members) {
    const list = store.edgeLists.get(id);
    const self = store.entityNumbers.get(id);
    if (self === undefined) continue;
    marks[self] = 1;
    if (list) lists.push({ list, self });
  }
  return { marks, lists };
}

/** Every edge between two members, each once, in no particular order. */
export function edgesWithin(store: CooccurrenceGraph, members: Iterable<string>): EdgeAttributes[] {
  const { marks, lists } = mark(store, members);
  const found: EdgeAttributes[] = [];
  for (const { list, self } of lists) {
    for (let slot = 0; slot < list.edges.length; slot++) {
      const other = list.others[slot] as number;
      // From the end with the lower number only, so that each edge comes once.
      if (marks[other] === 1 && self < other) found.push(list.edges[slot] as EdgeAttributes);
    }
  }
  return found;
}

/**
 * The `limit` strongest edges between members with at least `minWeight` shared articles, most shared
 * articles first, and how many such edges there are in all. Reads only the integer arrays, and ranks by a
 * native sort (strongest.ts): no edge object is touched.
 */
export function strongestEdgesWithin(
  store: CooccurrenceGraph,
  members: Iterable<string>,
  limit: number,
  minWeight: number,
): { edges: EdgeAttributes[]; total: number } {
  const { marks, lists } = mark(store, members);
  // Plain arrays of small integers (typed ones this size, per request, add to V8's external memory
  // pressure; see rankedSlots).
  const ranks: number[] = [];
  const where: number[] = [];
  let total = 0;
  lists.forEach(({ list, self }, index) => {
    const { others, articles } = list;
    for (let slot = 0; slot < list.edges.length; slot++) {
      const other = others[slot] as number;
      const shared = articles[slot] as number;
      if (marks[other] !== 1 || other <= self || shared < minWeight) continue;
      ranks.push(shared);
      where.push(index, slot);
      total += 1;
    }
  });
  const edges = strongestIndices(Float64Array.from(ranks), limit).map((i) => {
    const list = lists[where[2 * i] as number]?.list as EdgeList;
    return list.edges[where[2 * i + 1] as number] as EdgeAttributes;
  });
  return { edges, total };
}
