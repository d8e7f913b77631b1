// A graph's content as sorted lines, for comparing two graphs (incremental vs rebuilt, crashed vs clean):
// every entity with its mention and article counts, every edge with its article and sentence counts, and
// the articles each entity occurs in (from which evidence is found).
import type { CooccurrenceGraph } from '../../src/graph/types.js';

export function graphShape({ graph, postings }: CooccurrenceGraph): {
  nodes: string[];
  edges: string[];
  postings: string[];
} {
  const nodes = graph.mapNodes((key, node) => `${key}:${node.mentions}:${node.articles}`).sort();
  const edges = graph
    .mapEdges((_key, edge, source, target) => {
      const [a, b] = source < target ? [source, target] : [target, source];
      return `${a}--${b}:${edge.articles}:${edge.sentences}`;
    })
    .sort();
  const occurrences = [...postings].map(([id, articles]) => `${id}:${[...articles].sort().join(',')}`).sort();
  return { nodes, edges, postings: occurrences };
}
