// GET /entities/:id/timeline: an entity's articles and mentions per day, week or month, or with `with` the
// articles and sentences that mention both; empty buckets included, undated articles counted apart.
import { Router } from 'express';
import { NotFoundError } from '../errors.js';
import { entityAttributes } from '../graph/entity-table.js';
import { entityTimeline } from '../graph/entity-timeline.js';
import { indexTimeline } from '../graph-index/index-timeline.js';
import { parseQuery, timelineQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

export function timelineRouter(deps: AppDeps): Router {
  const { store } = deps;
  const router = Router();

  const entity = (id: string) => {
    const node = entityAttributes(store, id);
    if (!node) throw new NotFoundError(`timeline: no entity "${id}" in the graph`);
    return { id, name: node.name, type: node.type };
  };

  // Index mode: the same counts from the graph index, names and types from its last written articles.
  const headsFromIndex = async (ids: string[]) => {
    const infos = await deps.search.graph.latestInfo(ids);
    return ids.map((id) => {
      const info = infos.get(id);
      if (!info) throw new NotFoundError(`timeline: no entity "${id}" in the graph`);
      return { id, name: info.name, type: info.type };
    });
  };

  router.get('/entities/:id/timeline', async (req, res) => {
    const { interval, from, to, with: other } = parseQuery(timelineQuery, req.query);
    const options = { interval, from, to, with: other };
    const ids = other === undefined ? [req.params.id] : [req.params.id, other];
    const [head, timeline] =
      deps.graphMode === 'index'
        ? await Promise.all([headsFromIndex(ids), indexTimeline(deps.search.graph, req.params.id, options)])
        : [ids.map(entity), entityTimeline(store, req.params.id, options)];
    if (!timeline) throw new NotFoundError(`timeline: no entity "${req.params.id}" in the graph`);
    res.json({ entity: head[0], ...(other === undefined ? {} : { with: head[1] }), ...timeline });
  });

  return router;
}
