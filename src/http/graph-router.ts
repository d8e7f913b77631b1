// GET /graph: the whole graph (strongest edges) or a neighbourhood, with communities, weighted degrees and,
// on request, a ForceAtlas2 layout, as graphology's serialised JSON (which sigma.js and graphology load),
// GEXF 1.2 (Gephi, networkx), GraphML (networkx, igraph, Cytoscape, yEd) or a CSV node or edge table
// (pandas, R). Every format is the same selection of the same graph.
import { Router } from 'express';
import { InvalidParameterError, NotFoundError } from '../errors.js';
import { annotateExport } from '../graph/annotate-export.js';
import { exportGraph } from '../graph/export-graph.js';
import { indexExportGraph } from '../graph-index/index-export-graph.js';
import { indexWholeGraph } from '../graph-index/index-whole-graph.js';
import { writeCsv } from '../graph/write-csv.js';
import { writeGexf } from '../graph/write-gexf.js';
import { writeGraphml } from '../graph/write-graphml.js';
import { graphQuery, parseQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

export function graphRouter({ store, graphMode, search }: AppDeps): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const query = parseQuery(graphQuery, req.query);
    const { center, depth, window, minWeight, limit, maxNodes, weight, layout, format, table, from, to } =
      query;
    const { minArticles, backbone, alpha, expandHubs, hubShare } = query;
    if (format === 'csv' && table === undefined) {
      throw new InvalidParameterError('table', 'is required with format=csv: nodes or edges');
    }
    const options = {
      center,
      depth: depth as 1 | 2,
      window,
      minWeight,
      limit,
      maxNodes,
      measure: weight,
      minArticles,
      backbone,
      alpha,
      expandHubs,
      hubShare,
      from,
      to,
    };
    let exported;
    if (graphMode === 'index') {
      exported =
        center === undefined
          ? await indexWholeGraph(search.graph, options)
          : await indexExportGraph(search.graph, { ...options, center });
    } else {
      exported = exportGraph(store, options);
    }
    if (!exported) throw new NotFoundError(`graph: no entity "${center}" in the graph`);
    const annotated = annotateExport(exported, { layout });
    // Express would map these types through its MIME table, which lacks GEXF and GraphML: set them directly.
    if (format === 'gexf') {
      res.attachment('newsgraph.gexf');
      res.setHeader('Content-Type', 'application/gexf+xml; charset=utf-8');
      res.send(writeGexf(annotated));
      return;
    }
    if (format === 'graphml') {
      res.attachment('newsgraph.graphml');
      res.setHeader('Content-Type', 'application/graphml+xml; charset=utf-8');
      res.send(writeGraphml(annotated));
      return;
    }
    if (format === 'csv') {
      res.attachment(`newsgraph-${table}.csv`);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.send(writeCsv(annotated, table ?? 'nodes'));
      return;
    }
    res.json(annotated);
  });
  return router;
}
