// GET /search: keyword search over articles with filters, <mark>ed snippets, and facets whose entity
// ids come back with names and types.
import { Router } from 'express';
import { entityAttributes } from '../graph/entity-table.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import { indexEntityFacet } from './index-mode.js';
import { parseQuery, searchQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

/** Facet counts of entity ids, with the names and types the graph knows. */
export function entityFacet(store: CooccurrenceGraph, counts: Record<string, number>) {
  return Object.entries(counts)
    .flatMap(([id, count]) => {
      const node = entityAttributes(store, id);
      return node ? [{ id, name: node.name, type: node.type, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function searchRouter(deps: AppDeps): Router {
  const { search, store } = deps;
  const router = Router();
  router.get('/search', async (req, res) => {
    const query = parseQuery(searchQuery, req.query);
    const results = await search.searchArticles(query);
    res.json({
      query: query.q,
      total: results.total,
      limit: query.limit,
      offset: query.offset,
      hits: results.hits,
      facets: {
        entity:
          deps.graphMode === 'index'
            ? await indexEntityFacet(deps, results.facets.entity)
            : entityFacet(store, results.facets.entity),
        lang: results.facets.lang,
        source: results.facets.source,
      },
    });
  });
  return router;
}
