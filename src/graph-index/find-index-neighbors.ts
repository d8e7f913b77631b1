// "Who is mentioned with whom", answered from the graph index instead of the in-memory graph: the entity's
// neighbour list kept in the index (or, for a date range, the facet counts of related entities over the
// articles and sentences in it) gives its edges' counts, the totals of the candidates for PMI and G² are read
// from the totals the index keeps (only theirs), and the list is ranked exactly as find-neighbors.ts ranks it, ties included, from complete counts
// (docs/index-mode.md).
import type { EntityInfo } from '../entities/types.js';
import {
  compareNeighbors,
  DEFAULTS,
  neighborWeight,
  type Neighbor,
  type NeighborOptions,
} from '../graph/find-neighbors.js';
import type { FacetAnswer, GraphIndex } from '../search/create-graph-index.js';
import { indexEvidence } from './index-evidence.js';
import { rangeCountQueries } from './range-count-queries.js';

type Ranked = Omit<Neighbor, 'evidence'>;

const byCounts = (a: Omit<Ranked, 'name' | 'type'>, b: Omit<Ranked, 'name' | 'type'>): number =>
  b.weight - a.weight || b.articles - a.articles || b.sentences - a.sentences;

/** The neighbours of `id`, or undefined when no article mentions it. */
export async function findIndexNeighbors(
  graph: GraphIndex,
  id: string,
  options: Partial<NeighborOptions> = {},
): Promise<Neighbor[] | undefined> {
  const {
    window,
    limit,
    minWeight,
    minArticles,
    weight: measure,
    type,
    from,
    to,
    evidence,
  } = {
    ...DEFAULTS,
    ...options,
  };
  const significance = measure === 'pmi' || measure === 'llr';
  const dates = { from, to };
  // Without a date range the counts are the entity's neighbour list, kept in the index by the writer; a time
  // slice counts facets over the articles and sentences in the range.
  const ranged = from !== undefined || to !== undefined;
  const [[own, articles, ...counted], [list]] = await Promise.all([
    graph.facets([
      { where: { kind: 'article', mentioned: id } },
      { where: { kind: 'article' } },
      ...(ranged ? rangeCountQueries(id, dates) : []),
    ]),
    ranged ? [] : graph.adjacency([id]),
  ]);
  const asMap = (answer: FacetAnswer | undefined) => answer && new Map(Object.entries(answer.counts));
  const shared = ranged ? asMap(counted[0]) : list?.articles;
  const sentences = ranged ? asMap(counted[1]) : list?.sentences;
  if (!own || !shared || !sentences || !articles || own.total === 0) return undefined;
  // The candidates in arrays, one entry each (a hub has tens of thousands at 100,000 articles: an object and a
  // Map entry array each, and a sort of them all, cost more than reading its list; docs/index-mode.md).
  const others: string[] = [];
  const counts: number[] = [];
  const sharedArticles: number[] = [];
  const floor = Math.max(1, minWeight);
  (window === 'article' ? shared : sentences).forEach((count, other) => {
    const together = window === 'article' ? count : (shared.get(other) ?? 0);
    if (other === id || count < floor || together < minArticles) return;
    others.push(other);
    counts.push(count);
    sharedArticles.push(together);
  });
  // The candidates' own articles, for PMI and G² (cached by the graph index until an article changes).
  const totals = significance ? await graph.entityTotals(others) : [];
  const weights = new Float64Array(others.length);
  const live: number[] = [];
  for (let i = 0; i < others.length; i++) {
    const count = counts[i] as number;
    // A closure only where the measure reads the other's total, and left unnamed: tsx (esbuild's keepNames)
    // names a function at run time each time it is made, which made a hub's question about 1.7 times as slow.
    weights[i] = significance
      ? neighborWeight(
          measure,
          count,
          sharedArticles[i] as number,
          own.total,
          () => totals[i]?.articles ?? 0,
          articles.total,
        )
      : count;
    if (measure !== 'llr' || (weights[i] as number) > 0) live.push(i);
  }
  const candidate = (i: number): Omit<Ranked, 'name' | 'type'> => ({
    id: others[i] as string,
    weight: weights[i] as number,
    articles: sharedArticles[i] as number,
    sentences: window === 'sentence' ? (counts[i] as number) : (sentences.get(others[i] as string) ?? 0),
  });
  // Ranked a slice at a time: the strongest `need` with the whole group tied at the last weight first, the
  // rest only if a type filter passes over all of those. Every one of the rest is weaker than the slice.
  // With a type filter, four candidates are named for each one still to keep.
  const perKept = type ? 4 : 1;
  const need = Math.max(limit, 1) * perKept;
  const cutoff =
    live.length > need
      ? (Float64Array.from(live, (i) => weights[i] as number).sort()[live.length - need] as number)
      : -Infinity;
  const rest = live.filter((i) => (weights[i] as number) < cutoff);
  const candidates = live
    .filter((i) => (weights[i] as number) >= cutoff)
    .map(candidate)
    .sort(byCounts);

  // Names (and types) are read only for the strongest, a whole tie group at a time, until `limit` are kept:
  // whatever comes after ranks below every one of them.
  const kept: Ranked[] = [];
  for (let at = 0; kept.length < limit;) {
    if (at === candidates.length && rest.length > 0) {
      for (const next of rest.splice(0).map(candidate).sort(byCounts)) candidates.push(next);
    }
    if (at >= candidates.length) break;
    let end = Math.min(candidates.length, at + Math.max(limit - kept.length, 1) * perKept);
    while (end < candidates.length && byCounts(candidates[end - 1]!, candidates[end]!) === 0) end++;
    const block = candidates.slice(at, end);
    const infos = await graph.latestInfo(block.map((candidate) => candidate.id));
    for (const candidate of block) {
      const info: EntityInfo | undefined = infos.get(candidate.id);
      if (!info || (type !== undefined && info.type !== type)) continue;
      // Keys in memory mode's order, so that both modes' JSON is the same text.
      const { id: other, weight, articles, sentences } = candidate;
      kept.push({ id: other, name: info.name, type: info.type, weight, articles, sentences });
    }
    at = end;
  }
  const best = kept.sort(compareNeighbors).slice(0, limit);
  const evidenceIds = await indexEvidence(graph, id, best, { window, from, to, evidence });
  return best.map((neighbor, i) => ({ ...neighbor, evidence: evidenceIds[i] ?? [] }));
}
