// GET /trending: the entities (or with pairs=true, the pairs) whose share of the articles in [from, to]
// grew most against a baseline window, by the signed log-likelihood ratio. Without from/to: the last 7
// days, or the 7 days up to the newest dated article when nothing is that recent (`anchoredToNewest`).
import { Router } from 'express';
import type { EntityType } from '../entities/types.js';
import { trendingEntities, trendingPairs } from '../graph/trending.js';
import { newestPublished, trendingWindow } from '../graph/trending-window.js';
import { parseQuery, trendingQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

const iso = (ts: number): string => new Date(ts).toISOString();

export function trendingRouter(deps: AppDeps, now: () => number = Date.now): Router {
  const { store } = deps;
  const router = Router();

  router.get('/trending', (req, res) => {
    const query = parseQuery(trendingQuery, req.query);
    const window = trendingWindow(query, now(), newestPublished(store.articles.values()));
    const options = { ...window, type: query.type as EntityType | undefined, limit: query.limit };
    const head = {
      from: iso(window.from),
      to: iso(window.to),
      baselineFrom: iso(window.baselineFrom),
      baselineTo: iso(window.baselineTo),
      anchoredToNewest: window.anchoredToNewest,
    };
    if (query.pairs) {
      const found = trendingPairs(store, options);
      res.json({
        ...head,
        articles: found.articles,
        baselineArticles: found.baselineArticles,
        pairs: found.items,
      });
      return;
    }
    const found = trendingEntities(store, options);
    res.json({
      ...head,
      articles: found.articles,
      baselineArticles: found.baselineArticles,
      entities: found.items,
    });
  });

  return router;
}
