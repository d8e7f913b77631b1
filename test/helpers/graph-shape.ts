// A graph's content as sorted lines, for comparing two graphs (incremental vs rebuilt, crashed vs clean):
// every entity with its mention and article counts, every edge with its article and sentence counts.
import type { CooccurrenceGraph } from '../../src/graph/types.js';

export function graphShape({ graph }: CooccurrenceGraph): { nodes: string[]; edges: string[] } {
  const nodes = graph.mapNodes((key, node) => `${key}:${node.mentions}:${node.articles}`).sort();
  const edges = graph
    .mapEdges((_key, edge, source, target) => {
      const [a, b] = source < target ? [source, target] : [target, source];
      return `${a}--${b}:${edge.articles}:${edge.sentences}`;
    })
    .sort();
  return { nodes, edges };
}
