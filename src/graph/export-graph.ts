// Exports the whole graph or an entity's neighbourhood in graphology's serialised format, which
// graphology's Graph.from and sigma.js load as is. Node size grows with the log of mentions; edges carry
// the weight of the chosen window. A size cut keeps the strongest edges and says so in the attributes.
// Node `type` is the entity type; sigma.js users map it to a program with a nodeReducer (README).
import type { SerializedGraph } from 'graphology-types';
import { datedCounts, type EdgeCounts } from './dated-counts.js';
import { edgePmi } from './edge-pmi.js';
import { edgesWithin, strongestEdgesWithin } from './edges-within.js';
import { strongest } from './strongest.js';
import { selectNeighborhood } from './select-neighborhood.js';
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
  /** Edge weight: the window's count, or its pointwise mutual information (see edge-pmi.ts). */
  measure: 'count' | 'pmi';
  /** Count only articles published in this range (epoch ms); entity totals stay overall. */
  from?: number;
  to?: number;
}

export const DEFAULTS: ExportOptions = {
  depth: 1,
  window: 'article',
  minWeight: 1,
  limit: 500,
  maxNodes: 1_000,
  measure: 'count',
};

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
  /** The chosen measure: the window's count, or PMI. */
  weight: number;
  /** The window's count (shared articles or shared sentences). */
  count: number;
  pmi: number;
  size: number;
  articles: number;
  sentences: number;
}

/** The graph (or the neighbourhood of `center`) as graphology JSON; undefined when `center` is unknown. */
export function exportGraph(
  store: CooccurrenceGraph,
  options: Partial<ExportOptions> = {},
): SerializedGraph<ExportedNode, ExportedEdge> | undefined {
  const { center, depth, window, minWeight, limit, maxNodes, measure, from, to } = {
    ...DEFAULTS,
    ...options,
  };
  const { graph } = store;
  const dated = from !== undefined || to !== undefined;
  // Shared articles over all time: the order edge lists are kept in (edge-lists.ts).
  const ranked = window === 'article' && !dated;
  // Counts over the date range, computed once per edge of this export; without a range, the edge's own.
  const counted = new Map<EdgeAttributes, EdgeCounts>();
  const countsOf = (edge: EdgeAttributes): EdgeCounts => {
    if (!dated) return edge;
    let counts = counted.get(edge);
    if (!counts) counted.set(edge, (counts = datedCounts(store, edge, from, to)));
    return counts;
  };
  const weightOf = (edge: EdgeAttributes): number =>
    window === 'article' ? countsOf(edge).articles : countsOf(edge).sentences;
  const pmiOf = (edge: EdgeAttributes): number =>
    edgePmi(
      countsOf(edge).articles,
      graph.getNodeAttribute(edge.a, 'articles'),
      graph.getNodeAttribute(edge.b, 'articles'),
      store.articles.size,
    );

  let members: Set<string> | undefined;
  let nodeCut: string | null = null;
  if (center !== undefined) {
    if (!graph.hasNode(center)) return undefined;
    // Never more than `limit` edges can join (limit + 1 entities): a hub's neighbourhood stays drawable
    // and costs what it shows.
    const budget = Math.min(maxNodes, limit + 1);
    const selected = selectNeighborhood(store, center, {
      depth,
      budget,
      window,
      minWeight,
      datedCounts: dated ? countsOf : undefined,
    });
    members = selected.members;
    if (selected.cut) nodeCut = `the ${budget} entities most strongly linked within depth ${depth}`;
  }

  const strong = (edge: EdgeAttributes): boolean => weightOf(edge) >= Math.max(1, minWeight);
  let kept: EdgeAttributes[];
  let total: number;
  if (members && ranked && measure === 'count') {
    ({ edges: kept, total } = strongestEdgesWithin(store, members, limit, Math.max(1, minWeight)));
  } else {
    const candidates: EdgeAttributes[] = [];
    if (members) {
      for (const edge of edgesWithin(store, members)) if (strong(edge)) candidates.push(edge);
    } else {
      graph.forEachEdge((_key, edge) => {
        if (strong(edge)) candidates.push(edge);
      });
    }
    // Ties go to more shared articles (which for a count over articles is the rank itself).
    kept = strongest(
      candidates,
      Float64Array.from(candidates, (edge) => (measure === 'pmi' ? pmiOf(edge) : weightOf(edge))),
      limit,
      measure === 'count' && ranked ? undefined : Float64Array.from(candidates, (edge) => edge.articles),
    );
    total = candidates.length;
  }

  const nodeIds = new Set<string>(center !== undefined ? [center] : []);
  for (const { a, b } of kept) nodeIds.add(a).add(b);
  return {
    attributes: {
      window,
      measure,
      ...(center !== undefined ? { center, depth } : {}),
      minWeight,
      ...(from !== undefined || to !== undefined ? { from: from ?? null, to: to ?? null } : {}),
      edgesBeforeCut: total,
      cut:
        [nodeCut, total > kept.length ? `the strongest ${limit} of ${total} edges` : null]
          .filter(Boolean)
          .join('; ') || null,
    },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [...nodeIds].map((key, i) => {
      const node = graph.getNodeAttributes(key);
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
      const weight = measure === 'pmi' ? pmi : count;
      return {
        key: `${source}--${target}`,
        source,
        target,
        undirected: true,
        attributes: {
          weight,
          size: Math.round((1 + Math.log2(Math.max(1, measure === 'pmi' ? 1 + pmi : count))) * 10) / 10,
          count,
          pmi,
          articles: countsOf(edge).articles,
          sentences: countsOf(edge).sentences,
        },
      };
    }),
  };
}
