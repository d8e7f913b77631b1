// An entity's neighbour counts in a date range: a facet of `related` over its article documents in the range
// and one over its sentence documents. The neighbours, the neighbourhood exports and the whole graph ask them
// in this one form, so that the facet cache's answer to one serves the others.
import type { GraphFacetQuery } from '../search/create-graph-index.js';

/** The article and the sentence count questions of `id`'s neighbours between `from` and `to`. */
export function rangeCountQueries(
  id: string,
  dates: { from?: number; to?: number },
): [GraphFacetQuery, GraphFacetQuery] {
  return [
    { where: { kind: 'article', related: [id], ...dates }, facet: 'related' },
    { where: { kind: 'sentence', related: [id], ...dates }, facet: 'related' },
  ];
}
