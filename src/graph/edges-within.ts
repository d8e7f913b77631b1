// The edges whose two ends are both in a set of entities. The set is marked in an array over entity
// numbers and each member's list is read as arrays of integers, so that the edges leading out of the set
// (most of a hub's) are passed over by their numbers alone; an edge object is made only for an edge
// returned. Edges come in the members' order (by the earlier end, then the later), which depends on the
// members alone, not on entity numbers: equal edges cut by a limit are the same in every process.
import { edgeAttributes, edgeList } from './edge-lists.js';
import { strongestIndices } from './strongest.js';
import type { CooccurrenceGraph, EdgeAttributes, EdgeList } from './types.js';

/**
 * Calls `visit` with the list and slot of every edge between two members, each once, from its end earlier
 * in `members` and in the order of the other ends there, skipping edges with fewer than `minWeight` shared
 * articles.
 */
function forEachInnerSlot(
  store: CooccurrenceGraph,
  members: Iterable<string>,
  minWeight: number,
  visit: (list: EdgeList, slot: number) => void,
): void {
  // Entity number -> its position among the members, plus one (0: not a member).
  const positions = new Int32Array(store.entities.ids.length);
  const lists: Array<{ list: EdgeList; position: number }> = [];
  let position = 0;
  for (const id of members) {
    const self = store.entities.numbers.get(id);
    if (self === undefined || positions[self] !== 0) continue;
    positions[self] = ++position;
    const list = edgeList(store, id);
    if (list) lists.push({ list, position });
  }
  for (const { list, position } of lists) {
    const { others, articles } = list;
    const later: number[] = [];
    for (let slot = 0; slot < others.length; slot++) {
      const at = positions[others[slot] as number] as number;
      if (at > position && (articles[slot] as number) >= minWeight) later.push(at * 2 ** 24 + slot);
    }
    later.sort((x, y) => x - y);
    for (const key of later) visit(list, key % 2 ** 24);
  }
}

function edgeAt(store: CooccurrenceGraph, list: EdgeList, slot: number): EdgeAttributes {
  const [articles, sentences] = [list.articles[slot] as number, list.sentences[slot] as number];
  return edgeAttributes(store, list.self, list.others[slot] as number, articles, sentences);
}

/** Every edge between two members, each once, in no particular order. */
export function edgesWithin(store: CooccurrenceGraph, members: Iterable<string>): EdgeAttributes[] {
  const found: EdgeAttributes[] = [];
  forEachInnerSlot(store, members, 0, (list, slot) => found.push(edgeAt(store, list, slot)));
  return found;
}

/**
 * The `limit` strongest edges between members with at least `minWeight` shared articles, most shared
 * articles first, and how many such edges there are in all. Reads only the integer arrays, and ranks by a
 * native sort (strongest.ts): objects are made only for the kept edges.
 */
export function strongestEdgesWithin(
  store: CooccurrenceGraph,
  members: Iterable<string>,
  limit: number,
  minWeight: number,
): { edges: EdgeAttributes[]; total: number } {
  // Plain arrays of small integers (typed ones this size, per request, add to V8's external memory
  // pressure; see rankedSlots).
  const ranks: number[] = [];
  const lists: EdgeList[] = [];
  const slots: number[] = [];
  forEachInnerSlot(store, members, minWeight, (list, slot) => {
    ranks.push(list.articles[slot] as number);
    lists.push(list);
    slots.push(slot);
  });
  const edges = strongestIndices(Float64Array.from(ranks), limit).map((i) =>
    edgeAt(store, lists[i] as EdgeList, slots[i] as number),
  );
  return { edges, total: ranks.length };
}
