// Exports the whole graph or an entity's neighbourhood in graphology's serialised format, which
// graphology's Graph.from and sigma.js load as is. Node size grows with the log of mentions; edges carry
// the weight of the chosen window. A size cut keeps the strongest edges and says so in the attributes.
// Node `type` is the entity type; sigma.js users map it to a program with a nodeReducer (README).
import type { SerializedGraph } from 'graphology-types';
import { datedCounts, type EdgeCounts } from './dated-counts.js';
import { edgePmi } from './edge-pmi.js';
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
  // Counts over the date range, computed once per edge of this export; without a range, the edge's own.
  const counted = new Map<EdgeAttributes, EdgeCounts>();
  const countsOf: (source: string, target: string, edge: EdgeAttributes) => EdgeCounts =
    from === undefined && to === undefined
      ? (_source, _target, edge) => edge
      : (source, target, edge) => {
          let counts = counted.get(edge);
          if (!counts) counted.set(edge, (counts = datedCounts(store, source, target, edge, from, to)));
          return counts;
        };
  const weightOf = (source: string, target: string, edge: EdgeAttributes): number =>
    window === 'article' ? countsOf(source, target, edge).articles : countsOf(source, target, edge).sentences;
  const strong = (source: string, target: string, edge: EdgeAttributes): boolean =>
    weightOf(source, target, edge) >= Math.max(1, minWeight);
  const pmiOf = (source: string, target: string, edge: EdgeAttributes): number =>
    edgePmi(
      countsOf(source, target, edge).articles,
      graph.getNodeAttribute(source, 'articles'),
      graph.getNodeAttribute(target, 'articles'),
      store.articles.size,
    );

  let members: Set<string> | undefined;
  let nodeCut: string | null = null;
  if (center !== undefined) {
    if (!graph.hasNode(center)) return undefined;
    // Breadth first, strongest links first, up to maxNodes, and never more than `limit` edges can join
    // (limit + 1): a hub's neighbourhood stays drawable and costs what it shows.
    const budget = Math.min(maxNodes, limit + 1);
    members = new Set([center]);
    let frontier = [center];
    for (let level = 0; level < depth; level++) {
      if (members.size >= budget) {
        // Full already: say so if anything strong lies beyond, without walking every edge of the frontier.
        const beyond = frontier.some((node) =>
          graph.someEdge(
            node,
            (_key, edge, source, target) =>
              strong(source, target, edge) && !members?.has(source === node ? target : source),
          ),
        );
        if (beyond) nodeCut = `the ${budget} entities most strongly linked within depth ${depth}`;
        break;
      }
      // Each entity reached once, with its strongest link into what is already kept.
      const reached = new Map<string, number>();
      for (const node of frontier) {
        graph.forEachEdge(node, (_key, edge, source, target) => {
          const other = source === node ? target : source;
          if (!strong(source, target, edge) || members?.has(other)) return;
          reached.set(other, Math.max(reached.get(other) ?? 0, weightOf(source, target, edge)));
        });
      }
      const next: string[] = [];
      for (const [node] of [...reached].sort((a, b) => b[1] - a[1])) {
        if (members.size >= budget) {
          nodeCut = `the ${budget} entities most strongly linked within depth ${depth}`;
          break;
        }
        members.add(node);
        next.push(node);
      }
      frontier = next;
    }
  }

  const candidates: Array<{ source: string; target: string; edge: EdgeAttributes }> = [];
  const consider = (_key: string, edge: EdgeAttributes, source: string, target: string): void => {
    if (!strong(source, target, edge)) return;
    if (members && !(members.has(source) && members.has(target))) return;
    candidates.push({ source, target, edge });
  };
  if (members) {
    // Only edges between members, each once (from its lesser end). A member with more edges than there
    // are members (a hub) looks its fellow members up instead of walking all its edges.
    const list = [...members];
    for (const node of list) {
      if (graph.degree(node) <= list.length) {
        graph.forEachEdge(node, (key, edge, source, target) => {
          const other = source === node ? target : source;
          if (node < other && members?.has(other)) consider(key, edge, source, target);
        });
      } else {
        for (const other of list) {
          if (!(node < other)) continue;
          const key = graph.edge(node, other);
          if (key !== undefined) {
            consider(key, graph.getEdgeAttributes(key), ...graph.extremities(key));
          }
        }
      }
    }
  } else {
    graph.forEachEdge(consider);
  }
  const rank = (c: { source: string; target: string; edge: EdgeAttributes }): number =>
    measure === 'pmi' ? pmiOf(c.source, c.target, c.edge) : weightOf(c.source, c.target, c.edge);
  candidates.sort((a, b) => rank(b) - rank(a) || b.edge.articles - a.edge.articles);
  const kept = candidates.slice(0, limit);

  const nodeIds = new Set<string>(center !== undefined ? [center] : []);
  for (const { source, target } of kept) nodeIds.add(source).add(target);
  return {
    attributes: {
      window,
      measure,
      ...(center !== undefined ? { center, depth } : {}),
      minWeight,
      ...(from !== undefined || to !== undefined ? { from: from ?? null, to: to ?? null } : {}),
      edgesBeforeCut: candidates.length,
      cut:
        [
          nodeCut,
          candidates.length > kept.length ? `the strongest ${limit} of ${candidates.length} edges` : null,
        ]
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
    edges: kept.map(({ source, target, edge }) => {
      const count = weightOf(source, target, edge);
      const pmi = Math.round(pmiOf(source, target, edge) * 1000) / 1000;
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
          articles: countsOf(source, target, edge).articles,
          sentences: countsOf(source, target, edge).sentences,
        },
      };
    }),
  };
}
