// GET /search: keyword search over articles with filters, <mark>ed snippets, and facets whose entity
// ids come back with names and types.
import { Router } from 'express';
import { entityAttributes } from '../graph/entity-table.js';
import { entityFacet } from './entity-facet.js';
import { indexEntityFacet } from './index-mode.js';
import { parseQuery, searchQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

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
            : entityFacet(results.facets.entity, (id) => entityAttributes(store, id)),
        lang: results.facets.lang,
        source: results.facets.source,
      },
    });
  });
  return router;
}
