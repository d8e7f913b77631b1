// A graph's content as sorted lines, for comparing two graphs (incremental vs rebuilt, crashed vs clean):
// every entity with its mention and article counts, every edge with its article and sentence counts, and
// the articles each entity occurs in (from which evidence is found), and each entity's edge list.
import type { CooccurrenceGraph } from '../../src/graph/types.js';

export function graphShape({ graph, postings, articleIds, edgeLists, entityIds }: CooccurrenceGraph): {
  nodes: string[];
  edges: string[];
  postings: string[];
  lists: string[];
} {
  const nodes = graph.mapNodes((key, node) => `${key}:${node.mentions}:${node.articles}`).sort();
  const edges = graph
    .mapEdges((_key, edge, source, target) => {
      const [a, b] = source < target ? [source, target] : [target, source];
      return `${a}--${b}:${edge.articles}:${edge.sentences}`;
    })
    .sort();
  const occurrences = [...postings]
    .map(([id, numbers]) => {
      const articles = numbers.map((number) => articleIds[number] ?? `removed ${number}`);
      return `${id}:${articles.sort().join(',')}`;
    })
    .sort();
  // The fast-walk copy of each entity's edges (edge-lists.ts), which must say what graphology says.
  const lists = [...edgeLists].flatMap(([id, list]) =>
    Array.from(
      { length: list.edges.length },
      (_, slot) =>
        `${id}->${entityIds[list.others[slot] ?? -1]}:${list.articles[slot]}:${list.sentences[slot]}`,
    ),
  );
  return { nodes, edges, postings: occurrences, lists: lists.sort() };
}
