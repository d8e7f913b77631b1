// The evidence articles of edges, from the graph index, in find-neighbors.ts's order: most shared
// sentences first, then the most recently published (undated as 0), then the first written. Shared
// sentences per article are one facet query per edge over the sentence documents; dates and write
// sequences are read only for the articles tied where the list is cut, and sorted here. All edges' queries
// go in two batches (one multi-search each on one instance).
import type { Window } from '../graph/types.js';
import type { ArticleDate, GraphIndex } from '../search/create-graph-index.js';
import type { GraphWhere } from '../search/graph-filter.js';

export interface EvidenceOptions {
  window: Window;
  from?: number;
  to?: number;
  evidence: number;
}

/** As find-neighbors.ts sorts shared articles of equal shared sentences: newest, then first added. */
const newestFirst = (a: ArticleDate, b: ArticleDate): number =>
  (b.publishedTs ?? 0) - (a.publishedTs ?? 0) || a.seq - b.seq;

/**
 * For each of `others` (with the articles it shares with `center` in the window's date range), the ids of
 * the evidence articles, at most `evidence`.
 */
export async function indexEvidence(
  graph: GraphIndex,
  center: string,
  others: ReadonlyArray<{ id: string; articles: number }>,
  options: EvidenceOptions,
): Promise<string[][]> {
  const { window, from, to, evidence } = options;
  const dates = { from, to };
  if (evidence === 0 || others.length === 0) return others.map(() => []);
  const shared = await graph.facets(
    others.map((other) => ({
      where: { kind: 'sentence' as const, related: [center, other.id], ...dates },
      facet: 'article' as const,
    })),
  );
  // Planned from the counts alone: each count group, most shared first, is read whole while still needed.
  const plans = others.map((other, i) => {
    const groups = new Map<number, string[]>();
    for (const [article, count] of Object.entries(shared[i]?.counts ?? {})) {
      const group = groups.get(count);
      if (group) group.push(article);
      else groups.set(count, [article]);
    }
    const queries: Array<{ where: GraphWhere; limit: number }> = [];
    let planned = 0;
    for (const count of [...groups.keys()].sort((x, y) => y - x)) {
      if (planned >= evidence) break;
      const articles = groups.get(count) as string[];
      queries.push({ where: { kind: 'article', articles }, limit: articles.length });
      planned += articles.length;
    }
    const withSentences = [...groups.values()].flat();
    if (window === 'article' && planned < evidence && other.articles > withSentences.length) {
      // Articles that relate both without a shared sentence come last, in the same order.
      queries.push({
        where: { kind: 'article', related: [center, other.id], notArticles: withSentences, ...dates },
        limit: other.articles - withSentences.length,
      });
    }
    return queries;
  });
  const answers = await graph.articleDates(plans.flat());
  let at = 0;
  return plans.map((queries) =>
    queries
      .flatMap(() => [...(answers[at++] ?? [])].sort(newestFirst))
      .slice(0, evidence)
      .map((entry) => entry.article),
  );
}
