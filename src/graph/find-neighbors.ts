// "Who is mentioned with whom": the neighbours of an entity, strongest first, by shared articles or shared
// sentences, optionally only over articles published in a date range, each with its evidence articles.
import type { EntityType } from '../entities/types.js';
import { datedCounts, publishedIn } from './dated-counts.js';
import { sharedArticles } from './shared-articles.js';
import type { CooccurrenceGraph, Window } from './types.js';

export interface NeighborOptions {
  window: Window;
  limit: number;
  minWeight: number;
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

export const DEFAULTS: NeighborOptions = { window: 'article', limit: 20, minWeight: 1, evidence: 3 };

// String#localeCompare builds a collator per call: on a hub where most weights tie it took most of the time.
const names = new Intl.Collator('en');

/** Strongest first; ties by articles, sentences, name, then id, so that the order is total. */
function compare(a: Omit<Neighbor, 'evidence'>, b: Omit<Neighbor, 'evidence'>): number {
  return (
    b.weight - a.weight ||
    b.articles - a.articles ||
    b.sentences - a.sentences ||
    names.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The neighbours of `id`, or undefined when the graph has no such entity. */
export function findNeighbors(
  store: CooccurrenceGraph,
  id: string,
  options: Partial<NeighborOptions> = {},
): Neighbor[] | undefined {
  const { window, limit, minWeight, type, from, to, evidence } = { ...DEFAULTS, ...options };
  const { graph, articles } = store;
  if (!graph.hasNode(id)) return undefined;
  // A hub has tens of thousands of edges: keep only the best `limit` in a list sorted weakest first, and
  // let an edge that cannot enter it cost one comparison, instead of sorting them all.
  const best: Array<Omit<Neighbor, 'evidence'>> = [];
  graph.forEachEdge(id, (_key, edge, source, target, sourceAttributes, targetAttributes) => {
    const [otherId, other] = source === id ? [target, targetAttributes] : [source, sourceAttributes];
    if (type !== undefined && other.type !== type) return;
    const counts = datedCounts(store, source, target, edge, from, to);
    const weight = window === 'article' ? counts.articles : counts.sentences;
    if (weight < Math.max(1, minWeight)) return;
    const weakest = best[0];
    if (best.length >= limit && weakest && (weight < weakest.weight || limit === 0)) return;
    const candidate = {
      id: otherId,
      name: other.name,
      type: other.type,
      weight,
      articles: counts.articles,
      sentences: counts.sentences,
    };
    if (best.length >= limit && weakest && compare(candidate, weakest) >= 0) return;
    let at = best.findIndex((kept) => compare(candidate, kept) > 0);
    if (at === -1) at = best.length;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.shift();
  });
  best.reverse();
  return best.map((neighbor) => {
    if (evidence === 0) return { ...neighbor, evidence: [] };
    const usable = sharedArticles(store, id, neighbor.id).filter(([articleId, count]) => {
      if (window === 'sentence' && count === 0) return false;
      return (from === undefined && to === undefined) || publishedIn(store, articleId, from, to);
    });
    usable.sort(
      ([a, countA], [b, countB]) =>
        countB - countA || (articles.get(b)?.publishedTs ?? 0) - (articles.get(a)?.publishedTs ?? 0),
    );
    return { ...neighbor, evidence: usable.slice(0, evidence).map(([articleId]) => articleId) };
  });
}
