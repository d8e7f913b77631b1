// GET /trending: the entities (or with pairs=true, the pairs) whose share of the articles in [from, to]
// grew most against a baseline window, by the signed log-likelihood ratio. Without from/to: the last 7
// days, or the 7 days up to the newest dated article when nothing is that recent (`anchoredToNewest`).
import { Router } from 'express';
import type { EntityType } from '../entities/types.js';
import { trendingEntities, trendingPairs } from '../graph/trending.js';
import { indexTrendingEntities, indexTrendingPairs } from '../graph-index/index-trending.js';
import { newestPublished, trendingWindow } from '../graph/trending-window.js';
import { parseQuery, trendingQuery } from './parse-query.js';
import type { AppDeps } from './types.js';
import { articleDates } from '../graph/article-table.js';

const iso = (ts: number): string => new Date(ts).toISOString();

export const DEFAULTS = { cachedAnswers: 32 };

export function trendingRouter(deps: AppDeps, now: () => number = Date.now): Router {
  const { store } = deps;
  const router = Router();
  // Answers are kept until the graph changes: every added, replaced or removed article changes the
  // article numbers handed out or the article count (in index mode, the graph index's version). The start screen asks the same two questions on every
  // visit, and pairs over a large window cost hundreds of milliseconds (docs/time.md).
  const cache = new Map<string, object>();
  let cachedVersion = '';

  const inIndex = deps.graphMode === 'index';
  router.get('/trending', async (req, res) => {
    const query = parseQuery(trendingQuery, req.query);
    // The default window ends with the current minute, so that answers within a minute are one answer.
    const minute = Math.floor(now() / 60_000) * 60_000 + 59_999;
    const newest = inIndex ? await deps.search.graph.newestPublished() : newestPublished(articleDates(store));
    const window = trendingWindow(query, minute, newest);
    const version = inIndex
      ? await deps.search.graph.version()
      : `${store.articles.count}:${store.articles.live}`;
    if (version !== cachedVersion) {
      cache.clear();
      cachedVersion = version;
    }
    const key = JSON.stringify([window, query.type, query.limit, query.pairs]);
    const cached = cache.get(key);
    if (cached) {
      res.json(cached);
      return;
    }
    const options = { ...window, type: query.type as EntityType | undefined, limit: query.limit };
    const head = {
      from: iso(window.from),
      to: iso(window.to),
      baselineFrom: iso(window.baselineFrom),
      baselineTo: iso(window.baselineTo),
      anchoredToNewest: window.anchoredToNewest,
    };
    const found = query.pairs
      ? await (inIndex ? indexTrendingPairs(deps.search.graph, options) : trendingPairs(store, options))
      : await (inIndex
          ? indexTrendingEntities(deps.search.graph, options)
          : trendingEntities(store, options));
    const answer = {
      ...head,
      articles: found.articles,
      baselineArticles: found.baselineArticles,
      [query.pairs ? 'pairs' : 'entities']: found.items,
    };
    if (cache.size >= DEFAULTS.cachedAnswers) cache.clear();
    cache.set(key, answer);
    res.json(answer);
  });

  return router;
}
