// GET /graph: the whole graph (strongest edges) or a neighbourhood, in graphology's serialised format.
import { Router } from 'express';
import { NotFoundError } from '../errors.js';
import { exportGraph } from '../graph/export-graph.js';
import { graphQuery, parseQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

export function graphRouter({ store }: AppDeps): Router {
  const router = Router();
  router.get('/graph', (req, res) => {
    const { center, depth, window, minWeight, limit, maxNodes } = parseQuery(graphQuery, req.query);
    const exported = exportGraph(store, {
      center,
      depth: depth as 1 | 2,
      window,
      minWeight,
      limit,
      maxNodes,
    });
    if (!exported) throw new NotFoundError(`graph: no entity "${center}" in the graph`);
    res.json(exported);
  });
  return router;
}
