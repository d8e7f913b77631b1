// An edge's counts over only the articles published in a date range (epoch ms, inclusive). Articles without
// a date fall outside every range. Without a range, the edge's own counts (hot path: nothing is looked up).
import { sharedArticles } from './shared-articles.js';
import type { CooccurrenceGraph, EdgeAttributes } from './types.js';

export interface EdgeCounts {
  articles: number;
  sentences: number;
}

/** Whether the article was published within [from, to] (epoch ms, inclusive); undated ones never are. */
export function publishedIn(
  store: CooccurrenceGraph,
  articleId: string,
  from: number | undefined,
  to: number | undefined,
): boolean {
  const published = store.articles.get(articleId)?.publishedTs;
  if (published === null || published === undefined) return false;
  return (from === undefined || published >= from) && (to === undefined || published <= to);
}

export function datedCounts(
  store: CooccurrenceGraph,
  edge: EdgeAttributes,
  from: number | undefined,
  to: number | undefined,
): EdgeCounts {
  if (from === undefined && to === undefined) return edge;
  let articles = 0;
  let sentences = 0;
  for (const [articleId, shared] of sharedArticles(store, edge.a, edge.b)) {
    if (!publishedIn(store, articleId, from, to)) continue;
    articles += 1;
    sentences += shared;
  }
  return { articles, sentences };
}
