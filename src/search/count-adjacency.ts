// Neighbour lists counted from facets when the graph index holds no current lists (a process with GRAPH_MODE
// memory wrote it, docs/index-mode.md): the `related` facet over the article and over the sentence documents
// that relate the entity, the entity itself left out. Slower for hubs, never wrong.
import type { FacetAnswer, GraphFacetQuery } from './create-graph-index.js';
import type { AdjacencyList } from './sum-adjacency.js';

/** Two facet queries per entity: its articles' and its sentences' related entities. */
export function adjacencyFacetQueries(ids: readonly string[]): GraphFacetQuery[] {
  return ids.flatMap((id) => [
    { where: { kind: 'article' as const, related: [id] }, facet: 'related' as const },
    { where: { kind: 'sentence' as const, related: [id] }, facet: 'related' as const },
  ]);
}

/** The facet's counts without `id` itself. */
function others(answer: FacetAnswer | undefined, id: string): Map<string, number> {
  const counts = new Map(Object.entries(answer?.counts ?? {}));
  counts.delete(id);
  return counts;
}

/** The lists of `ids` from the answers to `adjacencyFacetQueries(ids)`. */
export function toCountedAdjacency(ids: readonly string[], answers: readonly FacetAnswer[]): AdjacencyList[] {
  return ids.map((id, i) => ({
    articles: others(answers[2 * i], id),
    sentences: others(answers[2 * i + 1], id),
  }));
}
