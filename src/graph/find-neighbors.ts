// "Who is mentioned with whom": the neighbours of an entity, strongest first, by shared articles or shared
// sentences, or by PMI or G² (edge-pmi.ts, edge-log-likelihood.ts), optionally only over articles
// published in a date range, each with its evidence articles.
import type { EntityType } from '../entities/types.js';
import { dateIn, datedCounts } from './dated-counts.js';
import { edgeLogLikelihood } from './edge-log-likelihood.js';
import { edgePmi } from './edge-pmi.js';
import { edgeAttributes, edgeList, rankedSlots } from './edge-lists.js';
import { sharedArticleCounts } from './shared-articles.js';
import type { CooccurrenceGraph, Window } from './types.js';

export interface NeighborOptions {
  window: Window;
  limit: number;
  /** Fewest shared window units (articles or sentences). */
  minWeight: number;
  /** Fewest shared articles, whatever the window. */
  minArticles: number;
  /** What `weight` is: the window's count, PMI or G² (over articles); under llr only positive pairs. */
  weight: 'count' | 'pmi' | 'llr';
  type?: EntityType;
  from?: number;
  to?: number;
  /** Evidence articles listed per neighbour. */
  evidence: number;
}

export interface Neighbor {
  id: string;
  name: string;
  type: EntityType;
  weight: number;
  articles: number;
  sentences: number;
  /** Article ids, those where the two share most sentences first, then the most recent. */
  evidence: string[];
}

export const DEFAULTS: NeighborOptions = {
  window: 'article',
  limit: 20,
  minWeight: 1,
  minArticles: 1,
  weight: 'count',
  evidence: 3,
};

// String#localeCompare builds a collator per call: on a hub where most weights tie it took most of the time.
const names = new Intl.Collator('en');

/**
 * Strongest first; ties by articles, sentences, name, then id, so that the order is total. Index mode ranks
 * with it too (src/graph-index/find-index-neighbors.ts).
 */
export function compareNeighbors(a: Omit<Neighbor, 'evidence'>, b: Omit<Neighbor, 'evidence'>): number {
  return (
    b.weight - a.weight ||
    b.articles - a.articles ||
    b.sentences - a.sentences ||
    names.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * A neighbour's weight: the window's count, or the pair's PMI or G² over articles rounded to three decimals.
 * `other` (the neighbour's articles) is read only for PMI and G².
 */
export function neighborWeight(
  measure: NeighborOptions['weight'],
  count: number,
  shared: number,
  own: number,
  other: () => number,
  total: number,
): number {
  if (measure === 'pmi') return Math.round(edgePmi(shared, own, other(), total) * 1000) / 1000;
  if (measure === 'llr') return Math.round(edgeLogLikelihood(shared, own, other(), total) * 1000) / 1000;
  return count;
}

/** The neighbours of `id`, or undefined when the graph has no such entity. */
export function findNeighbors(
  store: CooccurrenceGraph,
  id: string,
  options: Partial<NeighborOptions> = {},
): Neighbor[] | undefined {
  const {
    window,
    limit,
    minWeight,
    minArticles,
    weight: measure,
    type,
    from,
    to,
    evidence,
  } = {
    ...DEFAULTS,
    ...options,
  };
  const { numbers, ids, names, types } = store.entities;
  const self = numbers.get(id);
  if (self === undefined) return undefined;
  const list = edgeList(store, id);
  if (!list) return [];
  // Ranked by shared articles over all time, the list's rank order is the answer's: the walk stops at the
  // first edge weaker than the weakest kept. Otherwise (sentences, a date range) every edge is counted.
  const dated = from !== undefined || to !== undefined;
  const ranked = window === 'article' && !dated && measure === 'count';
  const total = store.articles.live;
  const own = store.entities.articles[self] as number;
  const length = list.others.length;
  const slots = ranked ? rankedSlots(store, list) : Array.from({ length }, (_, slot) => slot);
  // Keep only the best `limit` in a list sorted weakest first: an edge that cannot enter costs one
  // comparison, instead of sorting a hub's tens of thousands.
  const best: Array<Omit<Neighbor, 'evidence'>> = [];
  for (let i = 0; i < length; i++) {
    const slot = slots[i] as number;
    const otherNumber = list.others[slot] as number;
    const [articlesHere, sentencesHere] = [list.articles[slot] as number, list.sentences[slot] as number];
    const counts = dated
      ? datedCounts(store, edgeAttributes(store, self, otherNumber, articlesHere, sentencesHere), from, to)
      : { articles: articlesHere, sentences: sentencesHere };
    const count = window === 'article' ? counts.articles : counts.sentences;
    const articlesOther = () => store.entities.articles[otherNumber] as number;
    const weight = neighborWeight(measure, count, counts.articles, own, articlesOther, total);
    const weakest = best[0];
    const full = best.length >= limit;
    // Weaker than the weakest kept by the counts alone: in rank order, so is every later edge.
    const weaker =
      weakest !== undefined &&
      (weakest.weight - weight ||
        weakest.articles - counts.articles ||
        weakest.sentences - counts.sentences) > 0;
    if (full && (limit === 0 || weaker)) {
      if (ranked && (limit === 0 || weight < (weakest?.weight ?? 0))) break;
      continue;
    }
    if (count < Math.max(1, minWeight) || counts.articles < minArticles) {
      if (ranked) break;
      continue;
    }
    if (measure === 'llr' && weight <= 0) continue;
    const otherType = types[otherNumber] as EntityType;
    if (type !== undefined && otherType !== type) continue;
    const candidate = {
      id: ids[otherNumber] as string,
      name: names[otherNumber] as string,
      type: otherType,
      weight,
      articles: counts.articles,
      sentences: counts.sentences,
    };
    if (full && weakest && compareNeighbors(candidate, weakest) >= 0) continue;
    let at = best.findIndex((kept) => compareNeighbors(candidate, kept) > 0);
    if (at === -1) at = best.length;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.shift();
  }
  best.reverse();
  const { dates, ids: articleIds } = store.articles;
  const dateOf = (number: number): number => {
    const published = dates[number] as number;
    return Number.isNaN(published) ? 0 : published;
  };
  return best.map((neighbor) => {
    if (evidence === 0) return { ...neighbor, evidence: [] };
    const shared = sharedArticleCounts(store, self, numbers.get(neighbor.id) as number);
    const usable = shared.numbers
      .map((number, i) => ({ number, count: shared.sentences[i] as number }))
      .filter(({ number, count }) => {
        if (window === 'sentence' && count === 0) return false;
        return (from === undefined && to === undefined) || dateIn(dates[number] as number, from, to);
      });
    usable.sort((a, b) => b.count - a.count || dateOf(b.number) - dateOf(a.number));
    return {
      ...neighbor,
      evidence: usable.slice(0, evidence).map(({ number }) => articleIds[number] as string),
    };
  });
}
