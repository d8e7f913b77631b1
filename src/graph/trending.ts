// What is trending: entities, or pairs of entities, whose share of the articles published in a window grew
// against a baseline window, ranked by the signed log-likelihood ratio (log-likelihood.ts) so that a name
// seen once, rare by chance, does not top a name that went from 2% to 10%. Entities are counted from their
// postings against the flat array of article dates; pairs from the articles of the window, then the baseline.
import type { EntityType } from '../entities/types.js';
import { signedLogLikelihood } from './log-likelihood.js';
import { articleDates, mentionRun } from './article-table.js';
import { postingsOf } from './postings.js';
import { MENTION_INTS, type CooccurrenceGraph } from './types.js';

export interface TrendingOptions {
  /** The window and the baseline, epoch ms, inclusive. */
  from: number;
  to: number;
  baselineFrom: number;
  baselineTo: number;
  /** Only entities of this type (for pairs: both ends). */
  type?: EntityType;
  limit: number;
}

export interface TrendingCounts {
  articles: number;
  baselineArticles: number;
  score: number;
}

export interface TrendingEntity extends TrendingCounts {
  id: string;
  name: string;
  type: EntityType;
}

export interface TrendingPair extends TrendingCounts {
  a: { id: string; name: string; type: EntityType };
  b: { id: string; name: string; type: EntityType };
}

export interface Trending<T> {
  /** Dated articles in the window and in the baseline. */
  articles: number;
  baselineArticles: number;
  items: T[];
}

export const DEFAULTS = { limit: 20 };

/** Dated articles in the window and in the baseline. */
function totalsOf(dates: Float64Array, options: TrendingOptions): [number, number] {
  const totals: [number, number] = [0, 0];
  for (const published of dates) {
    if (published >= options.from && published <= options.to) totals[0] += 1;
    if (published >= options.baselineFrom && published <= options.baselineTo) totals[1] += 1;
  }
  return totals;
}

/**
 * Keeps the best `limit` keys whose share grew, strongest first, ties by articles then key: a sorted list of
 * `limit` rather than a sort of every key, as a week of a large index counts hundreds of thousands of pairs,
 * most of them tied at one article.
 */
export function topRising<K>(totals: [number, number], limit: number, order: (a: K, b: K) => number) {
  const best: Array<[K, TrendingCounts]> = [];
  const compare = ([keyA, a]: [K, TrendingCounts], [keyB, b]: [K, TrendingCounts]): number =>
    b.score - a.score || b.articles - a.articles || order(keyA, keyB);
  const offer = (key: K, articles: number, baselineArticles: number): void => {
    if (articles === 0) return;
    if (totals[1] > 0 && articles / totals[0] <= baselineArticles / totals[1]) return;
    const g2 = signedLogLikelihood(articles, totals[0], baselineArticles, totals[1]);
    const candidate: [K, TrendingCounts] = [
      key,
      { articles, baselineArticles, score: Math.round(g2 * 100) / 100 },
    ];
    const weakest = best[best.length - 1];
    if (best.length >= limit && (weakest === undefined || compare(candidate, weakest) >= 0)) return;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(best[mid] as [K, TrendingCounts], candidate) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  };
  return { offer, best };
}

export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function trendingEntities(
  store: CooccurrenceGraph,
  options: TrendingOptions,
): Trending<TrendingEntity> {
  const { ids, numbers, names, types } = store.entities;
  const dates = articleDates(store);
  const totals = totalsOf(dates, options);
  const { offer, best } = topRising<string>(totals, options.limit, byId);
  const { from, to, baselineFrom, baselineTo } = options;
  // Each entity's postings against the dates: flat arrays of numbers, nothing allocated per article.
  for (let entity = 0; entity < ids.length; entity++) {
    const postings = postingsOf(store, entity);
    if (postings.length === 0 || (options.type !== undefined && types[entity] !== options.type)) continue;
    let [articles, baselineArticles] = [0, 0];
    for (const number of postings) {
      const published = dates[number] as number;
      if (published >= from && published <= to) articles += 1;
      if (published >= baselineFrom && published <= baselineTo) baselineArticles += 1;
    }
    offer(ids[entity] as string, articles, baselineArticles);
  }
  const items = best.map(([id, counted]) => {
    const number = numbers.get(id) as number;
    return { id, name: names[number] as string, type: types[number] as EntityType, ...counted };
  });
  return { articles: totals[0], baselineArticles: totals[1], items };
}

/** The entity numbers of an article's related entities (of `type`, if given), ascending. */
function relatedNumbers(store: CooccurrenceGraph, run: Int32Array, type: EntityType | undefined): number[] {
  const numbers: number[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    const entity = run[m] as number;
    if (((run[m + 1] as number) & 1) !== 0 || numbers.includes(entity)) continue;
    if (type === undefined || store.entities.types[entity] === type) numbers.push(entity);
  }
  return numbers.sort((x, y) => x - y);
}

/** Pair counts in a map per lower entity number: small-integer keys, where one packed key for the pair
 * would be a heap number to allocate and hash. With `only`, counts just the pairs `only` holds. */
function countPairs(
  lists: readonly number[][],
  keep: (entity: number) => boolean,
  only?: Map<number, Map<number, number>>,
): Map<number, Map<number, number>> {
  const counts = new Map<number, Map<number, number>>();
  for (const numbers of lists) {
    for (let i = 0; i < numbers.length - 1; i++) {
      const a = numbers[i] as number;
      if (!keep(a)) continue;
      const allowed = only?.get(a);
      if (only && !allowed) continue;
      let row = counts.get(a);
      for (let j = i + 1; j < numbers.length; j++) {
        const b = numbers[j] as number;
        if (!keep(b) || (allowed && !allowed.has(b))) continue;
        if (!row) counts.set(a, (row = new Map()));
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  return counts;
}

export function trendingPairs(store: CooccurrenceGraph, options: TrendingOptions): Trending<TrendingPair> {
  const { ids: entityIds, numbers, names, types } = store.entities;
  const dates = articleDates(store);
  const totals = totalsOf(dates, options);
  const { from, to, baselineFrom, baselineTo, limit } = options;
  const windowLists: number[][] = [];
  const baselineLists: number[][] = [];
  dates.forEach((published, number) => {
    const inWindow = published >= from && published <= to;
    const inBaseline = published >= baselineFrom && published <= baselineTo;
    if (!inWindow && !inBaseline) return;
    if (store.articles.ids[number] === undefined) return;
    const numbers = relatedNumbers(store, mentionRun(store, number), options.type);
    if (inWindow) windowLists.push(numbers);
    if (inBaseline) baselineLists.push(numbers);
  });
  const best = rankRisingPairs(windowLists, baselineLists, totals, limit, (n) => entityIds[n] as string);
  const entity = (id: string) => {
    const number = numbers.get(id) as number;
    return { id, name: names[number] as string, type: types[number] as EntityType };
  };
  const items = best.map(([[a, b], counts]) => ({ a: entity(a), b: entity(b), ...counts }));
  return { articles: totals[0], baselineArticles: totals[1], items };
}

/**
 * The `limit` pairs whose share rose most, strongest first, from each window article's related entities
 * (numbers, ascending) in `windowLists` and each baseline article's in `baselineLists`; `idOf` names a number,
 * and ties go by the pair's ids, so any numbering gives the same answer (index mode numbers as it reads).
 */
export function rankRisingPairs(
  windowLists: readonly number[][],
  baselineLists: readonly number[][],
  totals: [number, number],
  limit: number,
  idOf: (entity: number) => string,
): Array<[[string, string], TrendingCounts]> {
  const seen = new Map<number, number>();
  for (const numbers of windowLists) for (const n of numbers) seen.set(n, (seen.get(n) ?? 0) + 1);
  const ends = ([x, y]: [number, number]): [string, string] => {
    const [idX, idY] = [idOf(x), idOf(y)];
    return idX < idY ? [idX, idY] : [idY, idX];
  };
  const order = (p: [number, number], q: [number, number]): number => {
    const [a, b] = [ends(p), ends(q)];
    return byId(a[0], b[0]) || byId(a[1], b[1]);
  };
  // Pairs in the window first; the baseline counts only pairs the window has, as no other can rise.
  const rank = (keep: (entity: number) => boolean) => {
    const inWindow = countPairs(windowLists, keep);
    const before = countPairs(baselineLists, keep, inWindow);
    const { offer, best } = topRising<[number, number]>(totals, limit, order);
    for (const [a, row] of inWindow) {
      for (const [b, articles] of row) offer([a, b], articles, before.get(a)?.get(b) ?? 0);
    }
    return best;
  };
  // Most pairs of a large window involve a name seen in one article of it: such a pair has one article
  // and scores at most G²(1, n1, 0, n2). Ranking without them first is exact when the weakest pair kept
  // scores above that; otherwise (small indexes, few rising pairs) every pair is counted.
  let best = rank((entity) => (seen.get(entity) ?? 0) >= 2);
  const bound = Math.round(signedLogLikelihood(1, totals[0], 0, totals[1]) * 100) / 100;
  const weakest = best[limit - 1];
  if (!weakest || !(weakest[1].score > bound)) best = rank(() => true);
  return best.map(([key, counts]) => [ends(key), counts]);
}
