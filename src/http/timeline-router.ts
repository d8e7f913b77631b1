// GET /entities/:id/timeline: an entity's articles and mentions per day, week or month, or with `with` the
// articles and sentences that mention both; empty buckets included, undated articles counted apart.
import { Router } from 'express';
import { NotFoundError, UnsupportedInIndexModeError } from '../errors.js';
import { entityAttributes } from '../graph/entity-table.js';
import { entityTimeline } from '../graph/entity-timeline.js';
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

  router.get('/entities/:id/timeline', (req, res) => {
    if (deps.graphMode === 'index') throw new UnsupportedInIndexModeError('GET /entities/:id/timeline');
    const { interval, from, to, with: other } = parseQuery(timelineQuery, req.query);
    const head = { entity: entity(req.params.id), ...(other === undefined ? {} : { with: entity(other) }) };
    const timeline = entityTimeline(store, req.params.id, { interval, from, to, with: other });
    if (!timeline) throw new NotFoundError(`timeline: no entity "${req.params.id}" in the graph`);
    res.json({ ...head, ...timeline });
  });

  return router;
}
