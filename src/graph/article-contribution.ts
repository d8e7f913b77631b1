// What one article adds to the graph, read from its run of mentions (article-table.ts): mention counts per
// entity, and for each pair of entities outside page furniture the number of sentences they share. Adding
// and removing use the same computation, so a removal takes back exactly what the addition gave.
import { MENTION_INTS } from './types.js';

export interface Contribution {
  /** The entity numbers mentioned, in order of first mention, and each one's mentions, side by side. */
  entities: number[];
  mentions: number[];
  /** The entities mentioned outside page furniture, ascending. */
  related: number[];
  /** Three numbers for every related pair x < y: x, y and the sentences they share. */
  pairs: number[];
}

/** The contribution of the article whose mentions are `run`. */
export function articleContribution(run: ArrayLike<number>): Contribution {
  const index = new Map<number, number>();
  const entities: number[] = [];
  const mentions: number[] = [];
  const isRelated: boolean[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    const entity = run[m] as number;
    let at = index.get(entity);
    if (at === undefined) {
      index.set(entity, (at = entities.length));
      entities.push(entity);
      mentions.push(0);
      isRelated.push(false);
    }
    mentions[at] = (mentions[at] as number) + 1;
    if (((run[m + 1] as number) & 1) === 0) isRelated[at] = true;
  }
  const related = entities.filter((_, at) => isRelated[at]).sort((x, y) => x - y);
  const r = related.length;
  const rank = new Map(related.map((entity, i) => [entity, i]));
  // One key per related entity and sentence (sentence * r + its rank), sorted: equal sentences side by side.
  const keys: number[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    const value = run[m + 1] as number;
    if ((value & 1) !== 0) continue;
    keys.push((value >> 1) * r + (rank.get(run[m] as number) as number));
  }
  keys.sort((x, y) => x - y);
  const shared = new Map<number, number>();
  for (let i = 0; i < keys.length;) {
    const sentence = Math.floor((keys[i] as number) / r);
    let end = i;
    while (end < keys.length && Math.floor((keys[end] as number) / r) === sentence) end++;
    for (let p = i; p < end; p++) {
      if (p > i && keys[p] === keys[p - 1]) continue;
      for (let q = p + 1; q < end; q++) {
        if (keys[q] === keys[q - 1]) continue;
        const pair = ((keys[p] as number) % r) * r + ((keys[q] as number) % r);
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
    i = end;
  }
  const pairs: number[] = [];
  for (let i = 0; i < r; i++) {
    for (let j = i + 1; j < r; j++) {
      pairs.push(related[i] as number, related[j] as number, shared.get(i * r + j) ?? 0);
    }
  }
  return { entities, mentions, related, pairs };
}
