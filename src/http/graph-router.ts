// GET /graph: the whole graph (strongest edges) or a neighbourhood, as graphology's serialised JSON (which
// sigma.js and graphology load) or as GEXF (which Gephi opens), with communities, weighted degrees and, on
// request, a ForceAtlas2 layout.
import { Router } from 'express';
import { UndirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { NotFoundError } from '../errors.js';
import { annotateExport } from '../graph/annotate-export.js';
import { exportGraph } from '../graph/export-graph.js';
import { graphQuery, parseQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

export function graphRouter({ store }: AppDeps): Router {
  const router = Router();
  router.get('/graph', (req, res) => {
    const { center, depth, window, minWeight, limit, maxNodes, weight, layout, format, from, to } =
      parseQuery(graphQuery, req.query);
    const exported = exportGraph(store, {
      center,
      depth: depth as 1 | 2,
      window,
      minWeight,
      limit,
      maxNodes,
      measure: weight,
      from,
      to,
    });
    if (!exported) throw new NotFoundError(`graph: no entity "${center}" in the graph`);
    const annotated = annotateExport(exported, { layout });
    if (format === 'gexf') {
      const graph = UndirectedGraph.from(annotated);
      // Express would map the type through its MIME table, which lacks GEXF: set the header directly.
      res.attachment('newsgraph.gexf');
      res.setHeader('Content-Type', 'application/gexf+xml; charset=utf-8');
      res.send(write(graph, { version: '1.3' }));
      return;
    }
    res.json(annotated);
  });
  return router;
}
