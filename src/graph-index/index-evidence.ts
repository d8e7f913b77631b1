// The evidence articles of edges, from the graph index, in find-neighbors.ts's order: most shared
// sentences first, then the most recently published (undated last), then the first written. Shared
// sentences per article are one facet query per edge over the sentence documents; the order within equal
// counts is a sorted search over just the tied articles, so a pair sharing hundreds of articles reads few
// of them. All edges' queries go in two batches (one multi-search each on one instance).
import type { Window } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import type { GraphWhere } from '../search/graph-filter.js';

export interface EvidenceOptions {
  window: Window;
  from?: number;
  to?: number;
  evidence: number;
}

/** For each of `others`, the ids of the evidence articles relating it to `center`, at most `evidence`. */
export async function indexEvidence(
  graph: GraphIndex,
  center: string,
  others: readonly string[],
  options: EvidenceOptions,
): Promise<string[][]> {
  const { window, from, to, evidence } = options;
  const dates = { from, to };
  if (evidence === 0 || others.length === 0) return others.map(() => []);
  const shared = await graph.facets(
    others.map((other) => ({
      where: { kind: 'sentence' as const, related: [center, other], ...dates },
      facet: 'article' as const,
    })),
  );
  // Planned from the counts alone: each count group, most shared first, gives as many as are still needed.
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
      const limit = Math.min(evidence - planned, articles.length);
      queries.push({ where: { kind: 'article', articles }, limit });
      planned += limit;
    }
    if (window === 'article' && planned < evidence) {
      // Articles that relate both without a shared sentence come last, in the same order.
      queries.push({
        where: {
          kind: 'article',
          related: [center, other],
          notArticles: [...groups.values()].flat(),
          ...dates,
        },
        limit: evidence - planned,
      });
    }
    return queries;
  });
  const answers = await graph.newest(plans.flat());
  let at = 0;
  return plans.map((queries) => queries.flatMap(() => answers[at++] ?? []));
}
