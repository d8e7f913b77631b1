// An edge's counts over only the articles published in a date range (epoch ms, inclusive). Articles without
// a date fall outside every range. Without a range, the edge's own counts, copying nothing (hot path).
import type { CooccurrenceGraph, EdgeAttributes } from './types.js';

export interface EdgeCounts {
  articles: number;
  sentences: number;
  /** The evidence within the range (article id, shared sentences): the edge's own map without a range. */
  evidence: Iterable<[string, number]>;
}

export function datedCounts(
  store: CooccurrenceGraph,
  edge: EdgeAttributes,
  from: number | undefined,
  to: number | undefined,
): EdgeCounts {
  if (from === undefined && to === undefined) {
    return { articles: edge.articles, sentences: edge.sentences, evidence: edge.evidence };
  }
  const evidence: Array<[string, number]> = [];
  let sentences = 0;
  for (const [articleId, shared] of edge.evidence) {
    const published = store.articles.get(articleId)?.publishedTs;
    if (published === null || published === undefined) continue;
    if ((from !== undefined && published < from) || (to !== undefined && published > to)) continue;
    evidence.push([articleId, shared]);
    sentences += shared;
  }
  return { articles: evidence.length, sentences, evidence };
}
