// GET /health: is Meilisearch there, and how big is the graph.
import { Router } from 'express';
import type { AppDeps } from './types.js';

export function healthRouter({ search, store, graphMode }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const available = await search.healthy();
    // In index mode no graph is held: articles are the index's, entities and edges are not counted (null).
    const index = graphMode === 'index';
    res.status(available ? 200 : 503).json({
      status: available ? 'ok' : 'degraded',
      meilisearch: available ? 'available' : 'unavailable',
      articles: index ? (available ? await search.countArticles() : null) : store.articles.size,
      entities: index ? null : store.graph.order,
      edges: index ? null : store.graph.size,
      graphMode,
    });
  });
  return router;
}
