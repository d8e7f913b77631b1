// Facet answers of the graph index kept until the index changes. A hub's neighbour list is one facet of
// up to hundreds of thousands of values and costs Meilisearch hundreds of milliseconds at 100k articles
// (docs/scaling.md); index mode asks it again for the card, the neighbours and every neighbourhood export
// the hub is in. Each question first reads the graph index's version (one small search: the article count
// and the last write sequence), and any change empties the cache, so an answer is never older than the
// index it was read from. The least recently used answers go first once `maxValues` facet values are held.
import type { FacetAnswer, GraphFacetQuery, GraphIndex } from './create-graph-index.js';

export const DEFAULTS = { maxValues: 500_000 };

/** `graph` with its facet answers kept while its version holds. */
export function cacheGraphFacets<T extends GraphIndex>(graph: T, limits = DEFAULTS): T {
  const kept = new Map<string, FacetAnswer>();
  let version: string | undefined;
  let held = 0;
  const sizeOf = (answer: FacetAnswer): number => 1 + Object.keys(answer.counts).length;

  const facets = async (queries: readonly GraphFacetQuery[]): Promise<FacetAnswer[]> => {
    const current = await graph.version();
    if (current !== version) {
      kept.clear();
      held = 0;
      version = current;
    }
    const keys = queries.map((query) => JSON.stringify(query));
    const missing = keys.flatMap((key, i) => (kept.has(key) ? [] : [i]));
    const fetched = await graph.facets(missing.map((i) => queries[i] as GraphFacetQuery));
    const answers = keys.map((key) => kept.get(key));
    missing.forEach((i, k) => {
      answers[i] = fetched[k];
    });
    // Most recently used last: a hit moves to the end, the oldest are dropped from the front.
    keys.forEach((key, i) => {
      const answer = answers[i] as FacetAnswer;
      if (kept.delete(key)) held -= sizeOf(answer);
      if (sizeOf(answer) > limits.maxValues) return;
      kept.set(key, answer);
      held += sizeOf(answer);
    });
    for (const [key, answer] of kept) {
      if (held <= limits.maxValues) break;
      kept.delete(key);
      held -= sizeOf(answer);
    }
    return answers as FacetAnswer[];
  };

  return { ...graph, facets };
}
