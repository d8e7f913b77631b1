// The evidence articles of an edge, from the graph index, in find-neighbors.ts's order: most shared
// sentences first, then the most recently published (undated last), then the first written. Sentence
// counts per article are one facet query over the sentence documents; the order within equal counts is a
// sorted search over just the tied articles, so a pair sharing hundreds of articles reads few of them.
import type { Window } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';

export interface EvidenceOptions {
  window: Window;
  from?: number;
  to?: number;
  evidence: number;
}

/** Ids of the evidence articles relating `a` and `b`, at most `options.evidence`. */
export async function indexEvidence(
  graph: GraphIndex,
  a: string,
  b: string,
  options: EvidenceOptions,
): Promise<string[]> {
  const { window, from, to, evidence } = options;
  const dates = { from, to };
  const [shared] = await graph.facets([
    { where: { kind: 'sentence', related: [a, b], ...dates }, facet: 'article' },
  ]);
  const groups = new Map<number, string[]>();
  for (const [article, count] of Object.entries(shared?.counts ?? {})) {
    const group = groups.get(count);
    if (group) group.push(article);
    else groups.set(count, [article]);
  }
  const picked: string[] = [];
  for (const count of [...groups.keys()].sort((x, y) => y - x)) {
    const need = evidence - picked.length;
    if (need <= 0) break;
    picked.push(...(await graph.newest({ kind: 'article', articles: groups.get(count) }, need)));
  }
  if (window === 'article' && picked.length < evidence) {
    // Articles that relate both without a shared sentence come last, in the same order.
    const withSentences = [...groups.values()].flat();
    picked.push(
      ...(await graph.newest(
        { kind: 'article', related: [a, b], notArticles: withSentences, ...dates },
        evidence - picked.length,
      )),
    );
  }
  return picked;
}
