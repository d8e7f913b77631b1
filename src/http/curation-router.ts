// User corrections of entities under the admin key: merge, change (name, type, Wikidata id, aliases),
// block and unblock, create, split; and the curation log: list, one record with its counts, revert.
import { Router } from 'express';
import { z } from 'zod';
import { aliasReader } from '../curation/alias-reader.js';
import { findIndexSimilar } from '../curation/find-index-similar.js';
import { findSimilar } from '../curation/find-similar.js';
import { NotFoundError } from '../errors.js';
import { createEntityInput, mergeInput, splitInput, updateEntityInput } from './api-schemas.js';
import { parseBody, parseQuery } from './parse-query.js';
import { requireAdmin } from './require-admin.js';
import type { AppDeps } from './types.js';

export const curationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export function curationRouter(deps: AppDeps): Router {
  const { curator } = deps;
  const router = Router();
  const admin = requireAdmin(deps.adminApiKey);

  router.post('/entities', admin, async (req, res) => {
    res.status(201).json(await curator.create(parseBody(createEntityInput, req.body)));
  });
  router.post('/entities/:id/merge', admin, async (req, res) => {
    const { into } = parseBody(mergeInput, req.body);
    res.json(await curator.merge(String(req.params.id), into));
  });
  router.patch('/entities/:id', admin, async (req, res) => {
    res.json(await curator.update(String(req.params.id), parseBody(updateEntityInput, req.body)));
  });
  router.post('/entities/:id/block', admin, async (req, res) => {
    res.json(await curator.block(String(req.params.id)));
  });
  router.delete('/entities/:id/block', admin, async (req, res) => {
    res.json(await curator.unblock(String(req.params.id)));
  });
  router.post('/entities/:id/split', admin, async (req, res) => {
    res.json(await curator.split(String(req.params.id), parseBody(splitInput, req.body)));
  });

  router.get('/entities/:id/similar', async (req, res) => {
    const { limit } = parseQuery(similarQuery, req.query);
    const aliasesOf = aliasReader(deps.catalog, deps.corrections);
    const similar =
      deps.graphMode === 'index'
        ? await findIndexSimilar(deps.search, req.params.id, aliasesOf, { limit })
        : findSimilar(deps.store, req.params.id, aliasesOf, { limit });
    if (!similar) throw new NotFoundError(`entities: no entity "${req.params.id}" in the graph`);
    res.json({ id: req.params.id, similar });
  });

  router.get('/curations', async (req, res) => {
    const { limit, offset } = parseQuery(curationsQuery, req.query);
    const { total, curations } = await curator.list({ limit, offset });
    res.json({ total, limit, offset, curations });
  });
  router.get('/curations/:id', async (req, res) => {
    const id = req.params.id;
    const curation = await curator.get(id);
    if (!curation) throw new NotFoundError(`curations: no curation "${id}"`);
    res.json(curation);
  });
  router.post('/curations/:id/revert', admin, async (req, res) => {
    res.json(await curator.revert(String(req.params.id)));
  });
  return router;
}
