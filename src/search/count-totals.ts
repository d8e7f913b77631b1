// Entity totals counted from facets when the graph index holds no current totals (a process with GRAPH_MODE
// memory wrote it; the next index-mode start rebuilds it): an entity's articles are the article documents
// that mention it, its mentions add their mention tiers (`<id>#k`). Slower, never wrong.
import type { FacetAnswer, GraphFacetQuery } from './create-graph-index.js';
import { byMentions, type RankedTotal } from './create-totals-store.js';
import { tierEntity } from './to-graph-documents.js';
import type { EntityTotal } from './to-total-deltas.js';

/** One facet query per entity: its articles, with their mention tiers. */
export function totalsFacetQueries(ids: readonly string[]): GraphFacetQuery[] {
  return ids.map((id) => ({ where: { kind: 'article' as const, mentioned: id }, facet: 'tiers' as const }));
}

/** The totals of `ids` from the answers to `totalsFacetQueries(ids)`. */
export function toCountedTotals(ids: readonly string[], answers: readonly FacetAnswer[]): EntityTotal[] {
  return ids.map((id, i) => {
    const answer = answers[i];
    let mentions = answer?.total ?? 0;
    for (const [tier, count] of Object.entries(answer?.counts ?? {})) {
      if (tierEntity(tier) === id) mentions += count;
    }
    return { articles: answer?.total ?? 0, mentions };
  });
}

/** The facets of every entity's articles and mention tiers over all article documents (one answer each). */
export const ALL_TOTALS_QUERIES: GraphFacetQuery[] = [
  { where: { kind: 'article' }, facet: 'mentioned' },
  { where: { kind: 'article' }, facet: 'tiers' },
];

/** The `depth` most mentioned entities from the answers to `ALL_TOTALS_QUERIES`. */
export function rankCountedTotals(answers: readonly FacetAnswer[], depth: number): RankedTotal[] {
  const [mentioned, tiers] = answers;
  const totals = new Map<string, RankedTotal>();
  for (const [id, articles] of Object.entries(mentioned?.counts ?? {})) {
    totals.set(id, { id, articles, mentions: articles });
  }
  for (const [tier, count] of Object.entries(tiers?.counts ?? {})) {
    const total = totals.get(tierEntity(tier));
    if (total) total.mentions += count;
  }
  return [...totals.values()].sort(byMentions).slice(0, depth);
}
