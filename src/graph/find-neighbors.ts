// "Who is mentioned with whom": the neighbours of an entity, strongest first, by shared articles or shared
// sentences, optionally only over articles published in a date range, each with its evidence articles.
import type { EntityType } from '../entities/types.js';
import { datedCounts } from './dated-counts.js';
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

/** The neighbours of `id`, or undefined when the graph has no such entity. */
export function findNeighbors(
  store: CooccurrenceGraph,
  id: string,
  options: Partial<NeighborOptions> = {},
): Neighbor[] | undefined {
  const { window, limit, minWeight, type, from, to, evidence } = { ...DEFAULTS, ...options };
  const { graph, articles } = store;
  if (!graph.hasNode(id)) return undefined;
  const result: Array<Neighbor & { ranked: Iterable<[string, number]> }> = [];
  graph.forEachEdge(id, (_key, edge, source, target, sourceAttributes, targetAttributes) => {
    const [otherId, other] = source === id ? [target, targetAttributes] : [source, sourceAttributes];
    if (type !== undefined && other.type !== type) return;
    const {
      articles: articleCount,
      sentences: sentenceCount,
      evidence: shared,
    } = datedCounts(store, edge, from, to);
    const weight = window === 'article' ? articleCount : sentenceCount;
    if (weight < Math.max(1, minWeight)) return;
    result.push({
      id: otherId,
      name: other.name,
      type: other.type,
      weight,
      articles: articleCount,
      sentences: sentenceCount,
      evidence: [],
      ranked: shared,
    });
  });
  result.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.articles - a.articles ||
      b.sentences - a.sentences ||
      a.name.localeCompare(b.name),
  );
  return result.slice(0, limit).map(({ ranked, ...neighbor }) => {
    const usable = [...ranked].filter(([, count]) => window === 'article' || count > 0);
    usable.sort(
      ([a, countA], [b, countB]) =>
        countB - countA || (articles.get(b)?.publishedTs ?? 0) - (articles.get(a)?.publishedTs ?? 0),
    );
    return { ...neighbor, evidence: usable.slice(0, evidence).map(([articleId]) => articleId) };
  });
}
