// Facet answers and entity names of the graph index, kept until the index changes. A hub's neighbour list
// is one facet of up to hundreds of thousands of values and costs Meilisearch hundreds of milliseconds at
// 100k articles (docs/scaling.md); index mode asks it again for the card, the neighbours and every
// neighbourhood export the hub is in, and an export names every member (one search per entity). Each
// question first reads the graph index's version (one small search: the article count and the last write
// sequence), and any change empties the cache, so an answer is never older than the index it was read
// from. The least recently used facet answers go first once `maxValues` facet values are held.
import type { EntityInfo } from '../entities/types.js';
import type { FacetAnswer, GraphFacetQuery, GraphIndex } from './create-graph-index.js';

export const DEFAULTS = { maxValues: 500_000 };

/** `graph` with its facet answers and entity names kept while its version holds. */
export function cacheGraphFacets<T extends GraphIndex>(graph: T, limits = DEFAULTS): T {
  // Query -> its answer and the facet values it holds, most recently used last.
  const kept = new Map<string, { answer: FacetAnswer; size: number }>();
  // Entity id -> name and type (null: no article mentions it), as latestInfo answered.
  const infos = new Map<string, EntityInfo | null>();
  let version: string | undefined;
  let held = 0;

  /** Empties the cache when the graph index changed since it was filled. */
  const check = async (): Promise<void> => {
    const current = await graph.version();
    if (current === version) return;
    kept.clear();
    infos.clear();
    held = 0;
    version = current;
  };

  const latestInfo = async (ids: readonly string[]): Promise<Map<string, EntityInfo>> => {
    await check();
    const missing = [...new Set(ids.filter((id) => !infos.has(id)))];
    const found = await graph.latestInfo(missing);
    // Names are a few bytes an entity: dropped all at once past the limit rather than one by one.
    if (infos.size + missing.length > limits.maxValues) infos.clear();
    for (const id of missing) infos.set(id, found.get(id) ?? null);
    const answer = new Map<string, EntityInfo>();
    for (const id of ids) {
      const info = infos.get(id) ?? found.get(id);
      if (info) answer.set(id, info);
    }
    return answer;
  };

  const facets = async (queries: readonly GraphFacetQuery[]): Promise<FacetAnswer[]> => {
    await check();
    const keys = queries.map((query) => JSON.stringify(query));
    const missing = keys.flatMap((key, i) => (kept.has(key) ? [] : [i]));
    const fetched = await graph.facets(missing.map((i) => queries[i] as GraphFacetQuery));
    const entries = keys.map((key) => kept.get(key));
    missing.forEach((i, k) => {
      const answer = fetched[k] as FacetAnswer;
      entries[i] = { answer, size: 1 + Object.keys(answer.counts).length };
    });
    // A hit moves to the end; the oldest are dropped from the front.
    keys.forEach((key, i) => {
      const entry = entries[i] as { answer: FacetAnswer; size: number };
      if (kept.delete(key)) held -= entry.size;
      if (entry.size > limits.maxValues) return;
      kept.set(key, entry);
      held += entry.size;
    });
    for (const [key, entry] of kept) {
      if (held <= limits.maxValues) break;
      kept.delete(key);
      held -= entry.size;
    }
    return entries.map((entry) => (entry as { answer: FacetAnswer }).answer);
  };

  return { ...graph, facets, latestInfo };
}
