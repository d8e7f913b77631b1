// Which articles each entity occurs in outside page furniture: per entity number, a run of ascending article
// numbers in one shared Int32Array slab (types.ts `PostingStore`), grown and compacted as the edge slabs
// are. An edge's evidence is the intersection of its two ends' runs: two hubs share hundreds of articles out
// of tens of thousands each, and intersecting sorted integers is a pass (or a gallop).
import { grown } from './grown.js';
import { MENTION_INTS, type CooccurrenceGraph, type PostingStore } from './types.js';

export function createPostings(slots = 1024): PostingStore {
  return {
    start: new Int32Array(16),
    length: new Int32Array(16),
    capacity: new Int32Array(16),
    numbers: new Int32Array(slots),
    used: 0,
    reserved: 0,
    entities: 0,
  };
}

/** Entity `entity`'s postings, ascending (a view over the slab, valid until the graph next changes). */
export function postingsOf(store: CooccurrenceGraph, entity: number): Int32Array {
  const postings = store.postings;
  if (entity >= postings.start.length) return postings.numbers.subarray(0, 0);
  const start = postings.start[entity] as number;
  return postings.numbers.subarray(start, start + (postings.length[entity] as number));
}

/** Records that article `article`, numbered above every article posted so far, relates `entities`. */
export function addPostings(store: CooccurrenceGraph, article: number, entities: ArrayLike<number>): void {
  const postings = store.postings;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i] as number;
    if (entity >= postings.start.length) {
      postings.start = grown(postings.start, entity + 1);
      postings.length = grown(postings.length, entity + 1);
      postings.capacity = grown(postings.capacity, entity + 1);
    }
    const length = postings.length[entity] as number;
    if (length === 0) postings.entities += 1;
    if (length === postings.capacity[entity]) growRun(postings, entity, Math.max(4, length + (length >> 1)));
    // Numbers only grow, so appending keeps the run sorted.
    postings.numbers[(postings.start[entity] as number) + length] = article;
    postings.length[entity] = length + 1;
  }
}

/** Takes article `article` out of the postings of `entities`. */
export function removePostings(store: CooccurrenceGraph, article: number, entities: ArrayLike<number>): void {
  const postings = store.postings;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i] as number;
    const run = postingsOf(store, entity);
    const at = lowerBound(run, article, 0);
    if (run[at] !== article) continue;
    run.copyWithin(at, at + 1);
    postings.length[entity] = run.length - 1;
    if (run.length > 1) continue;
    postings.entities -= 1;
    postings.reserved -= postings.capacity[entity] as number;
    postings.capacity[entity] = postings.start[entity] = 0;
  }
}

/** Gives entity `entity`'s run room for `capacity` numbers: in place at the end of the slab, else moved there. */
function growRun(postings: PostingStore, entity: number, capacity: number): void {
  const [start, old, length] = [
    postings.start[entity] as number,
    postings.capacity[entity] as number,
    postings.length[entity] as number,
  ];
  const last = old > 0 && start + old === postings.used;
  const needed = last ? capacity - old : capacity;
  if (postings.used + needed > postings.numbers.length) {
    if (postings.used - postings.reserved > postings.used / 4) {
      compactPostings(postings, capacity);
      if ((postings.length[entity] as number) < (postings.capacity[entity] as number)) return;
      return growRun(postings, entity, capacity);
    }
    postings.numbers = grown(postings.numbers, postings.used + needed);
  }
  if (!last) {
    postings.numbers.copyWithin(postings.used, start, start + length);
    postings.start[entity] = postings.used;
  }
  postings.used += needed;
  postings.reserved += capacity - old;
  postings.capacity[entity] = capacity;
}

/**
 * Moves every run to the front of a new slab with no holes, each with room for an eighth more than it holds
 * (at least 4), and `spare` numbers free at the end.
 */
export function compactPostings(postings: PostingStore, spare = 0): void {
  const count = postings.start.length;
  let total = spare;
  for (let entity = 0; entity < count; entity++) {
    const length = postings.length[entity] as number;
    total += length === 0 ? 0 : Math.max(4, length + (length >> 3));
  }
  const numbers = new Int32Array(Math.max(1024, total));
  let at = 0;
  for (let entity = 0; entity < count; entity++) {
    const [start, length] = [postings.start[entity] as number, postings.length[entity] as number];
    const capacity = length === 0 ? 0 : Math.max(4, length + (length >> 3));
    numbers.set(postings.numbers.subarray(start, start + length), at);
    postings.start[entity] = length === 0 ? 0 : at;
    postings.capacity[entity] = capacity;
    at += capacity;
  }
  Object.assign(postings, { numbers, used: at, reserved: at });
}

/**
 * Builds every entity's postings from the stored articles at once (a snapshot load): counts, then fills runs
 * that fit exactly, in two passes over the mention slab.
 */
export function buildPostings(store: CooccurrenceGraph, entities: number): void {
  const { count: articles, start, length, mentions } = store.articles;
  const lengths = new Int32Array(entities);
  const last = new Int32Array(entities).fill(-1);
  const pass = (visit: (entity: number, article: number) => void): void => {
    for (let article = 0; article < articles; article++) {
      const from = start[article] as number;
      for (let m = from, end = from + (length[article] as number); m < end; m += MENTION_INTS) {
        const entity = mentions[m] as number;
        if (((mentions[m + 1] as number) & 1) !== 0 || last[entity] === article) continue;
        last[entity] = article;
        visit(entity, article);
      }
    }
  };
  pass((entity) => (lengths[entity] = (lengths[entity] as number) + 1));
  const starts = new Int32Array(entities);
  let total = 0;
  let posted = 0;
  for (let entity = 0; entity < entities; entity++) {
    starts[entity] = total;
    total += lengths[entity] as number;
    if ((lengths[entity] as number) > 0) posted += 1;
  }
  const numbers = new Int32Array(Math.max(1024, total));
  const fill = starts.slice();
  last.fill(-1);
  pass((entity, article) => {
    numbers[fill[entity] as number] = article;
    fill[entity] = (fill[entity] as number) + 1;
  });
  store.postings = {
    start: starts,
    length: lengths,
    capacity: lengths.slice(),
    numbers,
    used: total,
    reserved: total,
    entities: posted,
  };
}

/** The first index at or after `from` whose number is not below `number`. */
function lowerBound(numbers: Int32Array, number: number, from: number): number {
  let [low, high] = [from, numbers.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((numbers[mid] as number) < number) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The numbers of the articles in the postings of both entities `x` and `y`, ascending. */
export function sharedArticleNumbers(store: CooccurrenceGraph, x: number, y: number): number[] {
  const [p, q] = [postingsOf(store, x), postingsOf(store, y)];
  const [small, large] = p.length <= q.length ? [p, q] : [q, p];
  const found: number[] = [];
  if (small.length * 16 < large.length) {
    // Far apart in size: look each of the few up in the many, moving forward.
    let at = 0;
    for (let i = 0; i < small.length && at < large.length; i++) {
      const number = small[i] as number;
      at = lowerBound(large, number, at);
      if (large[at] === number) found.push(number);
    }
    return found;
  }
  for (let i = 0, j = 0; i < small.length && j < large.length;) {
    const [a, b] = [small[i] as number, large[j] as number];
    if (a === b) {
      found.push(a);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return found;
}
