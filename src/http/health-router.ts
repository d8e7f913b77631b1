// GET /health: is Meilisearch there, and how big is the graph.
import { Router } from 'express';
import { edgeCount } from '../graph/edge-lists.js';
import { entityCount } from '../graph/entity-table.js';
import type { AppDeps } from './types.js';

export function healthRouter({ search, store }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const available = await search.healthy();
    res.status(available ? 200 : 503).json({
      status: available ? 'ok' : 'degraded',
      meilisearch: available ? 'available' : 'unavailable',
      articles: store.articles.size,
      entities: entityCount(store),
      edges: edgeCount(store),
    });
  });
  return router;
}
