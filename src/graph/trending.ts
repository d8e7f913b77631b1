// What is trending: entities, or pairs of entities, whose share of the articles published in a window grew
// against a baseline window, ranked by the signed log-likelihood ratio (log-likelihood.ts) so that a name
// seen once, rare by chance, does not top a name that went from 2% to 10%. One pass over the stored
// articles' dates; only articles in either window are opened.
import type { EntityType } from '../entities/types.js';
import { relatedEntities } from './article-contribution.js';
import { signedLogLikelihood } from './log-likelihood.js';
import type { CooccurrenceGraph, StoredArticle } from './types.js';

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

/** Calls `visit` for every article in the window (0) and in the baseline (1); returns both totals. */
function scan(
  store: CooccurrenceGraph,
  options: TrendingOptions,
  visit: (article: StoredArticle, sample: 0 | 1) => void,
): [number, number] {
  const totals: [number, number] = [0, 0];
  for (const article of store.articles.values()) {
    const published = article.publishedTs;
    if (published === null) continue;
    if (published >= options.from && published <= options.to) {
      totals[0] += 1;
      visit(article, 0);
    }
    if (published >= options.baselineFrom && published <= options.baselineTo) {
      totals[1] += 1;
      visit(article, 1);
    }
  }
  return totals;
}

/** Scores the counted keys, keeps those whose share grew, strongest first, ties by articles then key. */
function rank<K>(
  counts: Map<K, [number, number]>,
  totals: [number, number],
  limit: number,
  order: (a: K, b: K) => number,
): Array<[K, TrendingCounts]> {
  const rising: Array<[K, TrendingCounts]> = [];
  for (const [key, [articles, baselineArticles]] of counts) {
    if (articles === 0) continue;
    const score = signedLogLikelihood(articles, totals[0], baselineArticles, totals[1]);
    const grew = totals[1] === 0 || articles / totals[0] > baselineArticles / totals[1];
    if (grew) rising.push([key, { articles, baselineArticles, score: Math.round(score * 100) / 100 }]);
  }
  rising.sort(([keyA, a], [keyB, b]) => b.score - a.score || b.articles - a.articles || order(keyA, keyB));
  return rising.slice(0, limit);
}

function bump<K>(counts: Map<K, [number, number]>, key: K, sample: 0 | 1): void {
  let pair = counts.get(key);
  if (!pair) counts.set(key, (pair = [0, 0]));
  pair[sample] += 1;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function trendingEntities(
  store: CooccurrenceGraph,
  options: TrendingOptions,
): Trending<TrendingEntity> {
  const { graph } = store;
  const counts = new Map<string, [number, number]>();
  const totals = scan(store, options, (article, sample) => {
    for (const id of relatedEntities(article)) {
      if (options.type === undefined || graph.getNodeAttribute(id, 'type') === options.type) {
        bump(counts, id, sample);
      }
    }
  });
  const items = rank(counts, totals, options.limit, byId).map(([id, counted]) => {
    const node = graph.getNodeAttributes(id);
    return { id, name: node.name, type: node.type, ...counted };
  });
  return { articles: totals[0], baselineArticles: totals[1], items };
}

// A pair's key packs its two entity numbers (edge-lists.ts) into one safe integer: a · 2^26 + b.
const SHIFT = 2 ** 26;

export function trendingPairs(store: CooccurrenceGraph, options: TrendingOptions): Trending<TrendingPair> {
  const { graph, entityNumbers, entityIds } = store;
  const counts = new Map<number, [number, number]>();
  const totals = scan(store, options, (article, sample) => {
    const numbers: number[] = [];
    for (const id of relatedEntities(article)) {
      const number = entityNumbers.get(id);
      if (number === undefined) continue;
      if (options.type === undefined || graph.getNodeAttribute(id, 'type') === options.type) {
        numbers.push(number);
      }
    }
    numbers.sort((x, y) => x - y);
    for (let i = 0; i < numbers.length; i++) {
      for (let j = i + 1; j < numbers.length; j++) {
        bump(counts, (numbers[i] as number) * SHIFT + (numbers[j] as number), sample);
      }
    }
  });
  const ends = (key: number): [string, string] => {
    const [x, y] = [entityIds[Math.floor(key / SHIFT)] as string, entityIds[key % SHIFT] as string];
    return x < y ? [x, y] : [y, x];
  };
  const order = (p: number, q: number): number => {
    const [a, b] = [ends(p), ends(q)];
    return byId(a[0], b[0]) || byId(a[1], b[1]);
  };
  const entity = (id: string) => {
    const node = graph.getNodeAttributes(id);
    return { id, name: node.name, type: node.type };
  };
  const items = rank(counts, totals, options.limit, order).map(([key, counted]) => {
    const [a, b] = ends(key);
    return { a: entity(a), b: entity(b), ...counted };
  });
  return { articles: totals[0], baselineArticles: totals[1], items };
}
