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
  const passing: Array<{ id: string; count: number; articles: number; sentences: number }> = [];
  const source = window === 'article' ? shared : sentences;
  for (const [other, windowCount] of source) {
    if (other === id) continue;
    const counts = { articles: shared.get(other) ?? 0, sentences: sentences.get(other) ?? 0 };
    const count = window === 'article' ? counts.articles : counts.sentences;
    if (count !== windowCount) throw new Error('findIndexNeighbors: inconsistent counts');
    if (count < Math.max(1, minWeight) || counts.articles < minArticles) continue;
    passing.push({ id: other, count, ...counts });
  }
  // The candidates' own articles, for PMI and G² (cached by the graph index until an article changes).
  const totals = significance ? await graph.entityTotals(passing.map((candidate) => candidate.id)) : [];

  const candidates: Array<Omit<Ranked, 'name' | 'type'>> = [];
  passing.forEach(({ id: other, count, ...counts }, i) => {
    // A closure per candidate only where the measure reads the other's total (a hub has tens of thousands).
    const weight = significance
      ? neighborWeight(
          measure,
          count,
          counts.articles,
          own.total,
          () => totals[i]?.articles ?? 0,
          articles.total,
        )
      : count;
    if (measure === 'llr' && weight <= 0) return;
    candidates.push({ id: other, weight, ...counts });
  });
  candidates.sort(byCounts);

  // Names (and types) are read only for the strongest, a whole tie group at a time, until `limit` are kept:
  // whatever comes after ranks below every one of them.
  const kept: Ranked[] = [];
  for (let at = 0; at < candidates.length && kept.length < limit;) {
    let end = Math.min(candidates.length, at + Math.max(limit - kept.length, 1) * (type ? 4 : 1));
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
