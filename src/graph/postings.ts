// Which articles each entity occurs in outside page furniture, as sorted arrays of article numbers. An
// edge's evidence is the intersection of its two ends' postings: two hubs share hundreds of articles out of
// tens of thousands each, and intersecting sorted integers is a pass (or a gallop) where probing a Set of
// article ids cost a hash lookup and a scattered read per article (measured, README).
import type { CooccurrenceGraph, Postings } from './types.js';

/** Records that article `id` relates each of `entityIds`; it gets a number above every earlier one. */
export function addPostings(
  store: CooccurrenceGraph,
  id: string,
  entityIds: Iterable<string>,
  publishedTs: number | null,
): void {
  const number = store.articleIds.length;
  store.articleIds.push(id);
  store.articleDates.push(publishedTs ?? NaN);
  store.articleNumbers.set(id, number);
  for (const entityId of entityIds) {
    const postings = store.postings.get(entityId);
    // Numbers only grow, so appending keeps the array sorted.
    if (postings) postings.push(number);
    else store.postings.set(entityId, [number]);
  }
}

/** Takes article `id` out of the postings of `entityIds`. */
export function removePostings(store: CooccurrenceGraph, id: string, entityIds: Iterable<string>): void {
  const number = store.articleNumbers.get(id);
  if (number === undefined) return;
  store.articleNumbers.delete(id);
  store.articleIds[number] = undefined;
  store.articleDates[number] = NaN;
  for (const entityId of entityIds) {
    const postings = store.postings.get(entityId);
    if (!postings) continue;
    const at = lowerBound(postings, number, 0);
    if (postings[at] !== number) continue;
    postings.splice(at, 1);
    if (postings.length === 0) store.postings.delete(entityId);
  }
}

/** The first index at or after `from` whose number is not below `number`. */
function lowerBound(numbers: Postings, number: number, from: number): number {
  let [low, high] = [from, numbers.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((numbers[mid] as number) < number) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The ids of the articles in both entities' postings, oldest number first. */
export function sharedArticleIds(store: CooccurrenceGraph, a: string, b: string): string[] {
  const x = store.postings.get(a);
  const y = store.postings.get(b);
  if (!x || !y) return [];
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const found: string[] = [];
  const take = (number: number): void => {
    const id = store.articleIds[number];
    if (id !== undefined) found.push(id);
  };
  if (small.length * 16 < large.length) {
    // Far apart in size: look each of the few up in the many, moving forward.
    let at = 0;
    for (let i = 0; i < small.length && at < large.length; i++) {
      const number = small[i] as number;
      at = lowerBound(large, number, at);
      if (large[at] === number) take(number);
    }
    return found;
  }
  for (let i = 0, j = 0; i < small.length && j < large.length;) {
    const [p, q] = [small[i] as number, large[j] as number];
    if (p === q) {
      take(p);
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return found;
}
