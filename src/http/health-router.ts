// GET /health: is Meilisearch there, and how big is the graph.
import { Router } from 'express';
import type { AppDeps } from './types.js';

export function healthRouter({ search, store }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const available = await search.healthy();
    res.status(available ? 200 : 503).json({
      status: available ? 'ok' : 'degraded',
      meilisearch: available ? 'available' : 'unavailable',
      articles: store.articles.size,
      entities: store.graph.order,
      edges: store.graph.size,
    });
  });
  return router;
}
