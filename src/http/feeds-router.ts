// Feed subscriptions: subscribe (the first poll runs before the answer), list, unsubscribe, poll now.
// Writes need the admin key; the list is read like the rest of the API.
import { Router } from 'express';
import { NotFoundError } from '../errors.js';
import { feedView } from '../feeds/types.js';
import { feedInput } from './feed-schemas.js';
import { parseBody } from './parse-query.js';
import { requireAdmin } from './require-admin.js';
import type { AppDeps } from './types.js';

export function feedsRouter(deps: AppDeps): Router {
  const { feeds } = deps;
  const router = Router();
  const admin = requireAdmin(deps.adminApiKey);

  router.post('/feeds', admin, async (req, res) => {
    const { url, intervalMinutes } = parseBody(feedInput, req.body);
    res.status(201).json(feedView(await feeds.subscribe(url, intervalMinutes)));
  });

  router.get('/feeds', async (_req, res) => {
    const list = await feeds.list();
    res.json({ feeds: list.sort((a, b) => a.url.localeCompare(b.url)).map(feedView) });
  });

  router.delete('/feeds/:id', admin, async (req, res) => {
    const id = String(req.params.id);
    if (!(await feeds.unsubscribe(id))) throw new NotFoundError(`feeds: no feed "${id}"`);
    res.json({ deleted: id });
  });

  router.post('/feeds/:id/refresh', admin, async (req, res) => {
    const { feed, indexed } = await feeds.refresh(String(req.params.id));
    res.json({ feed: feedView(feed), indexed });
  });

  return router;
}
