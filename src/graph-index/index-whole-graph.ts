// GET /graph without center in index mode: the whole graph's strongest edges, read from the graph index
// without reading all of it. An edge's count (shared articles or sentences, over all time or in a date range)
// is at most the mentions of either end, and its G² at most 2N·H(articles / N) of either end (G² is 2N times
// the pair's mutual information, which is at most either end's entropy). So entities are read in order of
// mentions (the totals the index keeps), each with its whole neighbour list, until no pair of two entities
// not yet read can reach the weakest edge kept; the edges kept then go through memory mode's own export.
// Counts in a date range go by the range's own counts of each entity instead (one facet), a far tighter
// bound. PMI has no such bound (the rarest pairs score highest): it reads the list of every entity that can
// hold an edge the options allow (mentions at least the fewest shared articles or sentences asked for). With
// the disparity backbone, an edge not significant at the end read waits for its other end's strength.
import type { SerializedGraph } from 'graphology-types';
import type { EntityInfo } from '../entities/types.js';
import { UnsupportedInIndexModeError } from '../errors.js';
import type { EdgeCounts } from '../graph/dated-counts.js';
import { createCooccurrenceGraph } from '../graph/create-cooccurrence-graph.js';
import { edgeDisparity } from '../graph/edge-disparity.js';
import { addToPair } from '../graph/edge-lists.js';
import { placeEntity } from '../graph/entity-table.js';
import {
  byEnds,
  exportGraphOnce,
  measuresOf,
  resolveExportOptions,
  type ExportContext,
  type ExportedEdge,
  type ExportedNode,
  type ExportOptions,
  type Measure,
} from '../graph/export-graph.js';
import { strongest } from '../graph/strongest.js';
import type { CooccurrenceGraph, EdgeAttributes, Window } from '../graph/types.js';
import { GraphFacetLimitError, type FacetAnswer, type GraphIndex } from '../search/create-graph-index.js';
import type { AdjacencyList } from '../search/sum-adjacency.js';
import {
  createIndexStrengths,
  DEFAULTS as STRENGTHS,
  listPieces,
  type IndexStrengths,
} from './create-index-strengths.js';
import { describeEntities } from './describe-entities.js';
import { rangeCountQueries } from './range-count-queries.js';

type Exported = SerializedGraph<ExportedNode, ExportedEdge>;

export const DEFAULTS = {
  /**
   * Whole lists read at once (one request of `adjacency`, and two facet questions each with a date range).
   * The first are the hubs' (tens of thousands of pairs each): 100 at once took a process to 414–452 MB of
   * RSS at 100,000 articles, 20 to 238–270 MB, in about the same time (docs/index-mode.md).
   */
  listsAtOnce: 20,
  /** Most articles of the entities whose lists one request reads (create-index-strengths.ts). */
  articlesAtOnce: STRENGTHS.articlesAtOnce,
  /** Entities of the first read of the ranking by mentions; each further read goes `deeper` times deeper. */
  firstDepth: 500,
  deeper: 4,
  /** Most lists one export reads; past it the answer is refused (PMI over a large graph needs them all). */
  maxLists: 50_000,
};

/** The largest value an edge can have under `measure` when one of its ends has `mentions` mentions. */
export function edgeBound(measure: Measure, articleCount: number): (mentions: number) => number {
  if (measure === 'pmi') return () => Infinity;
  if (measure === 'count') return (mentions) => mentions;
  return (mentions) => {
    const p = Math.min(mentions / articleCount, 0.5);
    if (p <= 0) return 0;
    const entropy = -(p * Math.log(p)) - (p < 1 ? (1 - p) * Math.log(1 - p) : 0);
    // Above the exact bound by a hair, so that rounding in G² never stops the walk too early.
    return 2 * articleCount * entropy * (1 + 1e-9) + 1e-9;
  };
}

/** As exportGraph of the whole graph (no center), from the graph index. */
export async function indexWholeGraph(
  graph: GraphIndex,
  options: Partial<ExportOptions>,
  limits = DEFAULTS,
): Promise<Exported> {
  const resolved = resolveExportOptions({ ...options, center: undefined });
  const { window, measure, minWeight, minArticles, limit, from, to, backbone, alpha } = resolved;
  const [articleCount = 0] = (await graph.facets([{ where: { kind: 'article' } }])).map((a) => a.total);
  const dated = from !== undefined || to !== undefined;
  const weighed = measure !== 'count';
  const seen: CooccurrenceGraph = createCooccurrenceGraph();
  const datedCounts = new Map<string, EdgeCounts>();
  const strengths = backbone === 'disparity' ? createIndexStrengths(graph, window, limits) : undefined;
  const context: ExportContext = {
    articleCount,
    datedCounts: (edge) => datedCounts.get(pairKey(edge)) ?? { articles: 0, sentences: 0 },
    strengths: strengths?.of,
  };
  // Everything but the backbone, which waits for the strengths of the ends not read yet.
  const measures = measuresOf(seen, { ...resolved, backbone: 'none' }, context);
  const bound = edgeBound(measure, articleCount);
  // Below this many mentions an entity has no edge the options allow.
  const floor = Math.max(1, minWeight, minArticles);
  // Ties by shared articles, as exportGraph breaks them (for a count over articles that is the rank itself).
  const rankedAlone = measure === 'count' && window === 'article' && !dated;
  const before = (x: EdgeAttributes, y: EdgeAttributes): boolean => {
    const [vx, vy] = [measures.valueOf(x), measures.valueOf(y)];
    if (vx !== vy) return vx > vy;
    if (!rankedAlone && x.articles !== y.articles) return x.articles > y.articles;
    return byEnds(x, y) < 0;
  };
  const significantAt = (edge: EdgeAttributes, id: string): boolean => {
    const { strength, degree } = (strengths as IndexStrengths).of(id);
    return edgeDisparity(window === 'article' ? edge.articles : edge.sentences, strength, degree) < alpha;
  };

  // PMI and G² weigh an edge by both ends' articles: with them, every entity met is placed with its own.
  const place = (id: string, articles: number): number =>
    seen.entities.numbers.get(id) ??
    placeEntity(seen, { id, name: id, type: 'other' } as EntityInfo, { articles, mentions: 0 });

  const read = new Set<string>();
  // The strongest edges the options allow, found so far; edges that pass but for the backbone, whose
  // unread end decides; how many edges were found to pass, and whether some were never decided.
  let pool: EdgeAttributes[] = [];
  let pending: EdgeAttributes[] = [];
  let candidates = 0;
  let undecided = false;
  // Counts over all time without the backbone: an edge's value is its count, judged before it is built.
  const countsOnly = measure === 'count' && !dated && !strengths;
  const weakest = (): EdgeAttributes | undefined => (pool.length < limit ? undefined : pool.at(-1));
  // The value of the weakest edge kept once `limit` are (below it nothing enters), else -Infinity.
  let weakestValue = -Infinity;
  const prune = (): void => {
    pool = strongest(
      pool,
      Float64Array.from(pool, measures.valueOf),
      limit,
      rankedAlone ? undefined : Float64Array.from(pool, (edge) => edge.articles),
      (x, y) => byEnds(pool[x] as EdgeAttributes, pool[y] as EdgeAttributes),
    );
    const last = weakest();
    weakestValue = last ? measures.valueOf(last) : -Infinity;
  };

  /** Decides the pending edges that would rank among those kept, strongest first, reading their ends. */
  const decide = async (): Promise<void> => {
    pending.sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
    while (pending.length > 0) {
      const last = weakest();
      const chunk = pending.slice(0, limits.listsAtOnce).filter((edge) => !last || before(edge, last));
      if (chunk.length === 0) break;
      pending = pending.slice(chunk.length);
      await strengths?.read(chunk.flatMap((edge) => [edge.a, edge.b]));
      for (const edge of chunk) {
        if (significantAt(edge, edge.a) || significantAt(edge, edge.b)) {
          candidates += 1;
          pool.push(edge);
        }
      }
      prune();
    }
    if (weakest()) {
      // What ranks below the weakest kept never enters; whether it passes is left undecided.
      undecided ||= pending.length > 0;
      pending = [];
    }
  };

  /** Adds the edges of these entities' lists to entities not read before, those the options allow. */
  const readLists = async (batch: readonly Ranked[]): Promise<void> => {
    const ids = batch.map((entry) => entry.id);
    const queries = dated ? ids.flatMap((id) => rangeCountQueries(id, { from, to })) : [];
    const [lists, answers] = await Promise.all([graph.adjacency(ids), graph.facets(queries)]);
    if (weighed) {
      for (const entry of batch) place(entry.id, entry.articles);
      const others = new Set(lists.flatMap((list) => [...(list as AdjacencyList).articles.keys()]));
      const missing = [...others].filter((id) => !seen.entities.numbers.has(id));
      const totals = await graph.entityTotals(missing);
      missing.forEach((id, i) => place(id, totals[i]?.articles ?? 0));
    }
    batch.forEach((entry, i) => {
      const list = lists[i] as AdjacencyList;
      strengths?.add(entry.id, list);
      read.add(entry.id);
      const [inArticles, inSentences] = answers.slice(i * 2, i * 2 + 2) as [FacetAnswer?, FacetAnswer?];
      for (const [other, shared] of list.articles) {
        if (read.has(other)) continue;
        if (countsOnly) {
          // A hub's list is tens of thousands of pairs, nearly all too weak to be kept: counted, not held.
          const weight = window === 'article' ? shared : (list.sentences.get(other) ?? 0);
          if (weight < Math.max(1, minWeight) || shared < minArticles) continue;
          candidates += 1;
          if (weight < weakestValue) continue;
        }
        const [a, b] = entry.id < other ? [entry.id, other] : [other, entry.id];
        const edge: EdgeAttributes = { a, b, articles: shared, sentences: list.sentences.get(other) ?? 0 };
        if (inArticles && inSentences) {
          datedCounts.set(pairKey(edge), {
            articles: inArticles.counts[other] ?? 0,
            sentences: inSentences.counts[other] ?? 0,
          });
        }
        if (countsOnly) {
          pool.push(edge);
          if (pool.length >= 4 * limit + 10_000) prune();
        } else if (!measures.strong(edge)) {
          datedCounts.delete(pairKey(edge));
        } else if (
          !strengths ||
          significantAt(edge, entry.id) ||
          (strengths.has(other) && significantAt(edge, other))
        ) {
          candidates += 1;
          pool.push(edge);
        } else if (!strengths.has(other)) {
          // Not significant at the end read: the other end's strength, not read yet, decides.
          pending.push(edge);
        }
      }
    });
    prune();
    await decide();
  };

  // The ranking, read ever deeper; each step reads the lists of the next entities in it.
  const inRange = measure === 'count' && dated ? await countsInRange(graph, window, from, to) : undefined;
  const ranking = inRange ?? byMentions(graph);
  // With counts in the range, the count is the bound itself; below the floor no edge can pass.
  const boundOf = inRange ? (count: number) => count : bound;
  const floorOf = inRange && window === 'sentence' ? Math.max(1, minWeight) : floor;
  let depth = limits.firstDepth;
  let ranked = await ranking(depth);
  let at = 0;
  let stop: 'end' | 'bound' | undefined;
  while (!stop) {
    if (at >= ranked.length && ranked.length === depth) {
      depth *= limits.deeper;
      ranked = await ranking(depth);
    }
    if (at >= ranked.length) {
      stop = 'end';
      break;
    }
    const batch: Ranked[] = [];
    while (at < ranked.length && batch.length < limits.listsAtOnce) {
      const next = ranked[at] as Ranked;
      if (next.count < floorOf) stop = 'end';
      else if (boundOf(next.count) < weakestValue) stop = 'bound';
      if (stop) break;
      batch.push(next);
      at += 1;
    }
    if ((strengths?.lists ?? read.size) + batch.length > limits.maxLists) {
      throw new UnsupportedInIndexModeError(
        `GET /graph without center (weight=${measure}${strengths ? ', backbone=disparity' : ''}): it needs ` +
          `the lists of more than ${limits.maxLists} entities; ask for more shared articles ` +
          '(minArticles, minWeight) or give a center',
      );
    }
    // Hubs' lists in smaller pieces: what one request holds is bounded by its entities' articles.
    const pieces = await listPieces(
      graph,
      batch.map((entry) => entry.id),
      limits,
    );
    for (const piece of pieces) await readLists(batch.filter((entry) => piece.includes(entry.id)));
  }
  const exact = stop === 'end' && !undecided && pending.length === 0;

  // The export weighs each kept edge against both its ends again, and gives its p-value.
  await strengths?.read(pool.flatMap((edge) => [edge.a, edge.b]));
  const exported = exportGraphOnce(await describe(graph, pool), resolved, context) as Exported;
  const cut = candidates > pool.length || !exact;
  return {
    ...exported,
    attributes: {
      ...exported.attributes,
      edgesBeforeCut: candidates,
      ...(exact ? {} : { edgesBeforeCutExact: false }),
      cut: cut ? `the strongest ${limit} of ${exact ? '' : 'at least '}${candidates} edges` : null,
    },
  };
}

/** An entity in the order the walk reads them, with the count that bounds its edges, and its articles. */
interface Ranked {
  id: string;
  count: number;
  articles: number;
}

/** The `depth` first entities of an order. */
type Ranking = (depth: number) => Promise<Ranked[]>;

/** Most mentions first (ties by id), from the entity totals the index keeps. */
function byMentions(graph: GraphIndex): Ranking {
  return async (depth) =>
    (await graph.mostMentioned(depth)).map(({ id, mentions, articles }) => ({
      id,
      count: mentions,
      articles,
    }));
}

/**
 * Most articles (or sentences) in the date range first, ties by id: one facet over the range's documents.
 * A range's count of an edge is at most either end's, a far lower bound than all-time mentions. Undefined
 * when the range relates more entities than a facet answers; the walk then goes by mentions.
 */
async function countsInRange(
  graph: GraphIndex,
  window: Window,
  from: number | undefined,
  to: number | undefined,
): Promise<Ranking | undefined> {
  let answer: FacetAnswer | undefined;
  try {
    [answer] = await graph.facets([{ where: { kind: window, from, to }, facet: 'related' }]);
  } catch (error) {
    if (error instanceof GraphFacetLimitError) return undefined;
    throw error;
  }
  const all = Object.entries(answer?.counts ?? {})
    .map(([id, count]) => ({ id, count, articles: 0 }))
    .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
  return async (depth) => all.slice(0, depth);
}

const pairKey = (edge: { a: string; b: string }): string => `${edge.a}\u0000${edge.b}`;

/** A store of just these edges, their ends with their names, types and totals. */
async function describe(graph: GraphIndex, edges: readonly EdgeAttributes[]): Promise<CooccurrenceGraph> {
  const store = createCooccurrenceGraph();
  await describeEntities(graph, store, [...new Set(edges.flatMap((edge) => [edge.a, edge.b]))]);
  const numbers = store.entities.numbers;
  for (const edge of edges) {
    addToPair(
      store,
      numbers.get(edge.a) as number,
      numbers.get(edge.b) as number,
      edge.articles,
      edge.sentences,
    );
  }
  return store;
}
