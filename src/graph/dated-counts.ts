// An edge's counts over only the articles published in a date range (epoch ms, inclusive). Articles without
// a date fall outside every range. Without a range, the edge's own counts (hot path: nothing is looked up).
import { sharedArticleCounts } from './shared-articles.js';
import type { CooccurrenceGraph, EdgeAttributes } from './types.js';

export interface EdgeCounts {
  articles: number;
  sentences: number;
}

/** Whether a date (epoch ms, NaN when undated) lies within [from, to], inclusive; undated ones never do. */
export function dateIn(published: number, from: number | undefined, to: number | undefined): boolean {
  if (Number.isNaN(published)) return false;
  return (from === undefined || published >= from) && (to === undefined || published <= to);
}

export function datedCounts(
  store: CooccurrenceGraph,
  edge: EdgeAttributes,
  from: number | undefined,
  to: number | undefined,
): EdgeCounts {
  if (from === undefined && to === undefined) return edge;
  const { numbers } = store.entities;
  const [x, y] = [numbers.get(edge.a), numbers.get(edge.b)];
  if (x === undefined || y === undefined) return { articles: 0, sentences: 0 };
  const shared = sharedArticleCounts(store, x, y);
  let articles = 0;
  let sentences = 0;
  shared.numbers.forEach((number, i) => {
    if (!dateIn(store.articles.dates[number] as number, from, to)) return;
    articles += 1;
    sentences += shared.sentences[i] as number;
  });
  return { articles, sentences };
}
