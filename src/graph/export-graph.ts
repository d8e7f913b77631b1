// Exports the whole graph or an entity's neighbourhood in graphology's serialised format, which
// graphology's Graph.from and sigma.js load as is. Node size grows with the log of mentions; edges carry
// the weight of the chosen measure (count, PMI or G²). A size cut keeps the strongest edges and says so in
// the attributes; the disparity backbone and a minimum of shared articles cut weak links; at depth 2 hubs
// are not walked through unless asked (docs/neighborhoods.md has the measures, the defaults and why).
// Node `type` is the entity type; sigma.js users map it to a program with a nodeReducer (README).
import type { SerializedGraph } from 'graphology-types';
import { datedCounts, type EdgeCounts } from './dated-counts.js';
import { createStrengths, edgeDisparity, type Strength } from './edge-disparity.js';
import { edgeLogLikelihood } from './edge-log-likelihood.js';
import { edgePmi } from './edge-pmi.js';
import { edgeAttributes, edgeList, forEachEdge } from './edge-lists.js';
import { edgesWithin, strongestEdgesWithin } from './edges-within.js';
import { strongest } from './strongest.js';
import { selectNeighborhood, type Neighborhood } from './select-neighborhood.js';
import { TYPE_COLORS } from './type-colors.js';
import type { CooccurrenceGraph, EdgeAttributes, Window } from './types.js';

export interface ExportOptions {
  center?: string;
  depth: 1 | 2;
  window: Window;
  minWeight: number;
  /** Most edges exported; the strongest are kept. */
  limit: number;
  /** Most entities in a neighbourhood export (center and depth); the most strongly linked are kept. */
  maxNodes: number;
  /**
   * Edge weight: the window's count, the pair's pointwise mutual information (edge-pmi.ts) or its signed
   * log-likelihood ratio G² (edge-log-likelihood.ts); under `llr` only pairs seen more often than chance
   * are links.
   */
  measure: Measure;
  /** Fewest shared articles of an exported or followed link, whatever the window and measure. */
  minArticles: number;
  /** `disparity`: only links significant at level `alpha` for at least one end (edge-disparity.ts). */
  backbone: Backbone;
  alpha: number;
  /** Whether depth 2 walks through hubs: entities in at least `hubShare` of all articles. */
  expandHubs: boolean;
  hubShare: number;
  /** Count only articles published in this range (epoch ms); entity totals stay overall. */
  from?: number;
  to?: number;
}

export type Measure = 'count' | 'pmi' | 'llr';
export type Backbone = 'none' | 'disparity';

export const DEFAULTS: ExportOptions = {
  depth: 1,
  window: 'article',
  minWeight: 1,
  limit: 500,
  maxNodes: 1_000,
  measure: 'count',
  minArticles: 1,
  backbone: 'none',
  alpha: 0.05,
  expandHubs: true,
  hubShare: 0.03,
};

/**
 * What a depth-2 neighbourhood uses for the options not given, chosen by measuring views of well-known
 * entities (docs/neighborhoods.md). The depth-1 and whole-graph defaults are DEFAULTS, unchanged.
 */
export const DEPTH_2_DEFAULTS: Partial<ExportOptions> = {
  measure: 'llr',
  minArticles: 2,
  expandHubs: false,
  maxNodes: 150,
};

/** A hub not walked through at depth 2, and how many of its links to entities outside the view that left. */
export interface NotExpanded {
  id: string;
  name: string;
  links: number;
}

export interface ExportedNode {
  label: string;
  /** A circle layout, so that sigma.js, which needs positions, draws the export as is. */
  x: number;
  y: number;
  type: string;
  size: number;
  color: string;
  mentions: number;
  articles: number;
}

export interface ExportedEdge {
  /** The chosen measure: the window's count, PMI or G². */
  weight: number;
  /** The window's count (shared articles or shared sentences). */
  count: number;
  pmi: number;
  /** Signed G² over articles (edge-log-likelihood.ts). */
  llr: number;
  /** With backbone=disparity: the smaller of the two ends' disparity p-values. */
  disparity?: number;
  size: number;
  articles: number;
  sentences: number;
}

/**
 * What an export reads besides the store's edges, for a store that holds only part of the graph: index
 * mode builds one from Meilisearch for each neighbourhood (src/graph-index/index-export-graph.ts).
 */
export interface ExportContext {
  /** Articles in the whole graph (PMI, G², hubs); the store's own count when not given. */
  articleCount?: number;
  /** An endpoint's strength and degree over all its links (the backbone); from the store's lists when not given. */
  strengths?: (id: string) => Strength;
  /** An edge's counts over the date range; from the store's postings when not given. */
  datedCounts?: (edge: EdgeAttributes) => EdgeCounts;
  /**
   * The neighbourhood `exportMembers` selected over this store with the same options and context, when
   * nothing added since can change the walk; selected again when not given.
   */
  selected?: Selection;
}

/** A neighbourhood as an export selects it, with the budget it was selected under. */
export type Selection = Neighborhood & { budget: number };

/**
 * The graph (or the neighbourhood of `center`) as graphology JSON; undefined when `center` is unknown. A
 * depth-2 view whose defaults (G², 2 shared articles) leave the centre alone, as in a small collection such
 * as the one-article sample, is drawn by counts of 1 or more shared articles instead; its attributes say so.
 */
export function exportGraph(
  store: CooccurrenceGraph,
  options: Partial<ExportOptions> = {},
  context: ExportContext = {},
): SerializedGraph<ExportedNode, ExportedEdge> | undefined {
  const exported = exportGraphOnce(store, options, context);
  const relaxed = relaxedOptions(options);
  if (!relaxed || !exported || exported.nodes.length > 1) return exported;
  return exportGraphOnce(store, { ...options, ...relaxed }, context);
}

/** The options a depth-2 view that left its centre alone is drawn again with; undefined when none. */
export function relaxedOptions(options: Partial<ExportOptions>): Partial<ExportOptions> | undefined {
  if (options.center === undefined || options.depth !== 2) return undefined;
  const relaxed = {
    ...(options.minArticles === undefined && { minArticles: 1 }),
    ...(options.measure === undefined && { measure: 'count' as const }),
  };
  return Object.keys(relaxed).length > 0 ? relaxed : undefined;
}

/** The options an export runs with: the given ones over the defaults (depth 2's own where it applies). */
export function resolveExportOptions(options: Partial<ExportOptions>): ExportOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const deep = given.center !== undefined && given.depth === 2;
  return { ...DEFAULTS, ...(deep ? DEPTH_2_DEFAULTS : {}), ...given };
}

/** Edges in order of their ends' ids (each edge's `a` before its `b`): the whole graph's last tie-break. */
export function byEnds(x: { a: string; b: string }, y: { a: string; b: string }): number {
  if (x.a !== y.a) return x.a < y.a ? -1 : 1;
  return x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}

/**
 * How one export weighs and filters edges, over the whole graph or a part with its context; index mode's
 * walk over the whole graph weighs the pairs it reads with it (src/graph-index/index-whole-graph.ts).
 */
export function measuresOf(store: CooccurrenceGraph, resolved: ExportOptions, context: ExportContext) {
  const { window, measure, from, to, backbone, alpha, minWeight, minArticles } = resolved;
  const { numbers, articles } = store.entities;
  const articleCount = context.articleCount ?? store.articles.live;
  const articlesOf = (id: string): number => articles[numbers.get(id) as number] as number;
  const dated = from !== undefined || to !== undefined;
  // Counts over the date range, computed once per edge of this export; without a range, the edge's own.
  const counted = new Map<string, EdgeCounts>();
  const countsOf = (edge: EdgeAttributes): EdgeCounts => {
    if (!dated) return edge;
    const key = `${edge.a}\u0000${edge.b}`;
    let counts = counted.get(key);
    if (!counts) {
      counts = context.datedCounts ? context.datedCounts(edge) : datedCounts(store, edge, from, to);
      counted.set(key, counts);
    }
    return counts;
  };
  const weightOf = (edge: EdgeAttributes): number =>
    window === 'article' ? countsOf(edge).articles : countsOf(edge).sentences;
  // PMI and G² both read the pair's 2×2 table of articles: shared, each end's, all.
  const tableOf = (edge: EdgeAttributes): [number, number, number, number] => [
    countsOf(edge).articles,
    articlesOf(edge.a),
    articlesOf(edge.b),
    articleCount,
  ];
  const pmiOf = (edge: EdgeAttributes): number => edgePmi(...tableOf(edge));
  const llrOf = (edge: EdgeAttributes): number => edgeLogLikelihood(...tableOf(edge));
  const valueOf = (edge: EdgeAttributes): number =>
    measure === 'pmi' ? pmiOf(edge) : measure === 'llr' ? llrOf(edge) : weightOf(edge);
  // The backbone is of the whole graph over all time: each end's strength is the sum of all its links.
  const strengths = context.strengths ?? createStrengths(store, window);
  const disparityOf = (edge: EdgeAttributes): number => {
    const weight = window === 'article' ? edge.articles : edge.sentences;
    const [a, b] = [strengths(edge.a), strengths(edge.b)];
    return Math.min(edgeDisparity(weight, a.strength, a.degree), edgeDisparity(weight, b.strength, b.degree));
  };
  const significant = (edge: EdgeAttributes): boolean =>
    (measure !== 'llr' || llrOf(edge) > 0) && (backbone !== 'disparity' || disparityOf(edge) < alpha);
  const filtered = measure === 'llr' || backbone !== 'none';
  const strong = (edge: EdgeAttributes): boolean =>
    weightOf(edge) >= Math.max(1, minWeight) &&
    countsOf(edge).articles >= minArticles &&
    (!filtered || significant(edge));
  return {
    articleCount,
    articlesOf,
    dated,
    countsOf,
    weightOf,
    pmiOf,
    llrOf,
    valueOf,
    disparityOf,
    significant,
    filtered,
    strong,
  };
}

export type Measures = ReturnType<typeof measuresOf>;

function selectMembers(
  store: CooccurrenceGraph,
  center: string,
  resolved: ExportOptions,
  measures: Measures,
): Selection {
  const { depth, window, minWeight, limit, maxNodes, measure, minArticles, expandHubs, hubShare } = resolved;
  const { articleCount, articlesOf, dated, countsOf, valueOf, significant, filtered } = measures;
  // Never more than `limit` edges can join (limit + 1 entities): a hub's neighbourhood stays drawable
  // and costs what it shows.
  const budget = Math.min(maxNodes, limit + 1);
  const selected = selectNeighborhood(store, center, {
    depth,
    budget,
    window,
    minWeight,
    minArticles,
    datedCounts: dated ? countsOf : undefined,
    rank: measure === 'count' ? undefined : valueOf,
    keep: filtered ? significant : undefined,
    expand: expandHubs ? undefined : (id) => articlesOf(id) < hubShare * articleCount,
  });
  return { ...selected, budget };
}

/**
 * The entities an export of `center`'s neighbourhood would hold (before its edge cut), with those left
 * unexpanded at depth 2; undefined when `center` is not in the store. Index mode reads what it needs for
 * each level with this.
 */
export function exportMembers(
  store: CooccurrenceGraph,
  options: Partial<ExportOptions> & { center: string },
  context: ExportContext = {},
): Selection | undefined {
  if (!store.entities.numbers.has(options.center)) return undefined;
  const resolved = resolveExportOptions(options);
  return selectMembers(store, options.center, resolved, measuresOf(store, resolved, context));
}

/** One export with these options, without exportGraph's second try at depth 2. */
export function exportGraphOnce(
  store: CooccurrenceGraph,
  options: Partial<ExportOptions>,
  context: ExportContext = {},
): SerializedGraph<ExportedNode, ExportedEdge> | undefined {
  const resolved = resolveExportOptions(options);
  const { center, depth, window, minWeight, limit, measure, from, to } = resolved;
  const { minArticles, backbone, alpha, expandHubs, hubShare } = resolved;
  const { numbers, ids, names, types, mentions, articles } = store.entities;
  const measures = measuresOf(store, resolved, context);
  const { countsOf, weightOf, pmiOf, llrOf, valueOf, disparityOf, filtered, strong } = measures;
  // Shared articles over all time: the order edge lists are kept in (edge-lists.ts).
  const ranked = window === 'article' && !measures.dated;

  let members: Set<string> | undefined;
  let nodeCut: string | null = null;
  let notExpanded: string[] = [];
  if (center !== undefined) {
    if (!numbers.has(center)) return undefined;
    const selected = context.selected ?? selectMembers(store, center, resolved, measures);
    members = selected.members;
    notExpanded = selected.notExpanded;
    if (selected.cut) nodeCut = `the ${selected.budget} entities most strongly linked within depth ${depth}`;
  }

  let kept: EdgeAttributes[];
  let total: number;
  if (members && ranked && measure === 'count' && !filtered) {
    ({ edges: kept, total } = strongestEdgesWithin(
      store,
      members,
      limit,
      Math.max(1, minWeight, minArticles),
    ));
  } else {
    const candidates: EdgeAttributes[] = [];
    if (members) {
      for (const edge of edgesWithin(store, members)) if (strong(edge)) candidates.push(edge);
    } else {
      forEachEdge(store, (x, y, shared, sentences) => {
        const edge = edgeAttributes(store, x, y, shared, sentences);
        if (strong(edge)) candidates.push(edge);
      });
    }
    // Ties go to more shared articles (which for a count over articles is the rank itself); in the whole
    // graph then to the ends' ids, so that index mode, which reads the pairs in another order, keeps the same.
    kept = strongest(
      candidates,
      Float64Array.from(candidates, valueOf),
      limit,
      measure === 'count' && ranked ? undefined : Float64Array.from(candidates, (edge) => edge.articles),
      members
        ? undefined
        : (x, y) => byEnds(candidates[x] as EdgeAttributes, candidates[y] as EdgeAttributes),
    );
    total = candidates.length;
  }

  const nodeIds = new Set<string>(center !== undefined ? [center] : []);
  for (const { a, b } of kept) nodeIds.add(a).add(b);
  const further = (id: string): NotExpanded => {
    const list = edgeList(store, id);
    let links = 0;
    for (let slot = 0; list && slot < list.others.length; slot++) {
      const other = list.others[slot] as number;
      const [shared, sentences] = [list.articles[slot] as number, list.sentences[slot] as number];
      if (
        !members?.has(ids[other] as string) &&
        strong(edgeAttributes(store, list.self, other, shared, sentences))
      )
        links += 1;
    }
    return { id, name: names[numbers.get(id) as number] as string, links };
  };
  return {
    attributes: {
      window,
      measure,
      ...(center !== undefined ? { center, depth } : {}),
      minWeight,
      minArticles,
      ...(backbone !== 'none' ? { backbone, alpha } : {}),
      ...(center !== undefined && depth === 2
        ? { expandHubs, hubShare, notExpanded: notExpanded.map(further) }
        : {}),
      ...(from !== undefined || to !== undefined ? { from: from ?? null, to: to ?? null } : {}),
      edgesBeforeCut: total,
      cut:
        [nodeCut, total > kept.length ? `the strongest ${limit} of ${total} edges` : null]
          .filter(Boolean)
          .join('; ') || null,
    },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [...nodeIds].map((key, i) => {
      const number = numbers.get(key) as number;
      const node = {
        name: names[number] as string,
        type: types[number] as string,
        mentions: mentions[number] as number,
        articles: articles[number] as number,
      };
      const angle = (2 * Math.PI * i) / nodeIds.size;
      return {
        key,
        attributes: {
          label: node.name,
          x: Math.round(Math.cos(angle) * 1000) / 10,
          y: Math.round(Math.sin(angle) * 1000) / 10,
          type: node.type,
          size: Math.round((3 + 4 * Math.log2(1 + node.mentions)) * 10) / 10,
          color: TYPE_COLORS[node.type] ?? '#a0a0a0',
          mentions: node.mentions,
          articles: node.articles,
        },
      };
    }),
    edges: kept.map((edge) => {
      const { a: source, b: target } = edge;
      const count = weightOf(edge);
      const pmi = Math.round(pmiOf(edge) * 1000) / 1000;
      const llr = Math.round(llrOf(edge) * 1000) / 1000;
      const weight = measure === 'pmi' ? pmi : measure === 'llr' ? llr : count;
      const scale = measure === 'pmi' ? 1 + pmi : measure === 'llr' ? 1 + llr / 10 : count;
      return {
        key: `${source}--${target}`,
        source,
        target,
        undirected: true,
        attributes: {
          weight,
          size: Math.round((1 + Math.log2(Math.max(1, scale))) * 10) / 10,
          count,
          pmi,
          llr,
          ...(backbone === 'disparity' ? { disparity: Number(disparityOf(edge).toPrecision(4)) } : {}),
          articles: countsOf(edge).articles,
          sentences: countsOf(edge).sentences,
        },
      };
    }),
  };
}
