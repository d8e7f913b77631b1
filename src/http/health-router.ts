// GET /health: is Meilisearch there, and how big is the graph.
import { Router } from 'express';
import { edgeCount } from '../graph/edge-lists.js';
import { entityCount } from '../graph/entity-table.js';
import type { AppDeps } from './types.js';
import { articleCount } from '../graph/article-table.js';

export function healthRouter({ search, store, graphMode }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const available = await search.healthy();
    // In index mode no graph is held: articles are the index's, entities and edges are not counted (null).
    const index = graphMode === 'index';
    res.status(available ? 200 : 503).json({
      status: available ? 'ok' : 'degraded',
      meilisearch: available ? 'available' : 'unavailable',
      articles: index ? (available ? await search.countArticles() : null) : articleCount(store),
      entities: index ? null : entityCount(store),
      edges: index ? null : edgeCount(store),
      graphMode,
    });
  });
  return router;
}
