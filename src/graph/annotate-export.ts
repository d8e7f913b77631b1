// Adds what a visualiser sizes and colours by to an export: `community` (Louvain, seeded so the same graph
// gets the same communities), `weightedDegree` (the sum of the exported edges' counts), centrality within
// the export (`pagerank` weighted by the edges' counts, `betweenness` normalised, on unweighted shortest
// paths, graphology-metrics), and, when asked, ForceAtlas2 positions in `x` and `y` (from the circle
// layout, so the result is deterministic too).
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { SerializedGraph } from 'graphology-types';
import type { ExportedEdge, ExportedNode } from './export-graph.js';

export interface AnnotatedNode extends ExportedNode {
  community: number;
  weightedDegree: number;
  pagerank: number;
  betweenness: number;
}

export const DEFAULTS = { layout: false, iterations: 200, seed: 42, pagerankIterations: 1_000 };

const rounded = (value: number | undefined): number => Number((value ?? 0).toPrecision(6));

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** Returns a copy of `exported` with communities, weighted degrees and, if `layout`, positions. */
export function annotateExport(
  exported: SerializedGraph<ExportedNode, ExportedEdge>,
  options: Partial<typeof DEFAULTS> = {},
): SerializedGraph<AnnotatedNode, ExportedEdge> {
  const { layout, iterations, seed, pagerankIterations } = { ...DEFAULTS, ...options };
  const graph = new UndirectedGraph<ExportedNode & Partial<AnnotatedNode>, ExportedEdge>({
    allowSelfLoops: false,
  });
  // graphology keeps the attribute objects it imports: work on a copy, never on the caller's export.
  graph.import(structuredClone(exported));
  if (graph.size > 0) {
    louvain.assign(graph, { getEdgeWeight: 'count', rng: seededRandom(seed) });
  }
  // Weighted betweenness would read counts as distances (a strong link as a long one): paths are unweighted.
  const ranks =
    graph.size > 0 ? pagerank(graph, { getEdgeWeight: 'count', maxIterations: pagerankIterations }) : {};
  const between = graph.order > 2 ? betweenness(graph, { getEdgeWeight: null, normalized: true }) : {};
  graph.forEachNode((node) => {
    let sum = 0;
    graph.forEachEdge(node, (_key, edge) => (sum += edge.count));
    graph.mergeNodeAttributes(node, {
      weightedDegree: sum,
      community: graph.getNodeAttribute(node, 'community') ?? 0,
      pagerank: rounded(ranks[node] ?? 1 / graph.order),
      betweenness: rounded(between[node]),
    });
  });
  if (layout && graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: 'count',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
    });
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      x: Math.round(attributes.x * 100) / 100,
      y: Math.round(attributes.y * 100) / 100,
    }));
  }
  return graph.export() as SerializedGraph<AnnotatedNode, ExportedEdge>;
}
