// Walks several entities' edge lists at once in rank order, strongest edge first across all of them: a
// k-way merge on a binary heap, so that a caller who needs the strongest few edges of a neighbourhood stops
// after those instead of reading every edge of every hub in it. Equal counts come in list order, then
// slot order: the order a full scan of the lists meets them in.
import { edgeList, rankedSlots } from './edge-lists.js';
import type { CooccurrenceGraph, EdgeList } from './types.js';

export interface RankedStep {
  list: EdgeList;
  slot: number;
  /** The position in `ids` of the entity whose list this is. */
  from: number;
}

interface Head {
  from: number;
  list: EdgeList;
  slots: ArrayLike<number>;
  at: number;
}

/**
 * Every edge of the lists of `ids`, most shared articles first. `skip(other)` passes over an entry by its
 * other end's number alone (cheap: no counts read).
 */
export function* mergeRankedLists(
  store: CooccurrenceGraph,
  ids: readonly string[],
  skip: (other: number) => boolean = () => false,
): Generator<RankedStep> {
  const heap: Head[] = [];
  const slotOf = (head: Head): number => head.slots[head.at] as number;
  const above = (i: number, j: number): boolean => {
    const [x, y] = [heap[i] as Head, heap[j] as Head];
    const [ax, ay] = [x.list.articles[slotOf(x)] as number, y.list.articles[slotOf(y)] as number];
    return ax !== ay ? ax > ay : x.from !== y.from ? x.from < y.from : slotOf(x) < slotOf(y);
  };
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j] as Head, heap[i] as Head];
  };
  /** Moves the head to its next entry not skipped; false when its list is done. */
  const advance = (head: Head): boolean => {
    while (head.at < head.slots.length && skip(head.list.others[slotOf(head)] as number)) {
      head.at += 1;
    }
    return head.at < head.slots.length;
  };
  ids.forEach((id, from) => {
    const list = edgeList(store, id);
    const head = list && { from, list, slots: rankedSlots(store, list), at: 0 };
    if (!head || !advance(head)) return;
    heap.push(head);
    for (let i = heap.length - 1; i > 0 && above(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  });
  while (heap.length > 0) {
    const head = heap[0] as Head;
    yield { list: head.list, slot: slotOf(head), from: head.from };
    head.at += 1;
    if (!advance(head)) {
      const last = heap.pop() as Head;
      if (heap.length === 0) return;
      heap[0] = last;
    }
    for (let i = 0; ;) {
      let top = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < heap.length && above(child, top)) top = child;
      if (top === i) break;
      swap(i, top);
      i = top;
    }
  }
}
