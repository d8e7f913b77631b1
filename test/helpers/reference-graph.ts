// The co-occurrence graph as a plain graphology graph, built straight from a store's articles with no code
// of src/graph: what the compact store (flat integer arrays, edited in place through additions, re-indexing
// and removals) must equal. Each edge keeps its evidence: the ids of the articles relating both ends.
import { UndirectedGraph } from 'graphology';
import type { EntityType } from '../../src/entities/types.js';
import type { StoredArticle } from '../../src/graph/types.js';

export interface ReferenceNode {
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
}

export interface ReferenceEdge {
  articles: number;
  sentences: number;
  /** [article id, shared sentences], in the order the articles were added. */
  evidence: Array<[string, number]>;
}

export function referenceGraph(
  articles: Iterable<[string, StoredArticle]>,
): UndirectedGraph<ReferenceNode, ReferenceEdge> {
  const graph = new UndirectedGraph<ReferenceNode, ReferenceEdge>();
  for (const [articleId, article] of articles) {
    const mentions = new Map<string, number>();
    const sentences = new Map<string, Set<number>>();
    // Three integers per mention: entity index, sentence, furniture (StoredArticle).
    for (let m = 0; m < article.mentions.length; m += 3) {
      const [index, sentence, furniture] = article.mentions.slice(m, m + 3) as [number, number, number];
      const id = article.entityInfo[index]?.id as string;
      mentions.set(id, (mentions.get(id) ?? 0) + 1);
      if (furniture) continue;
      if (!sentences.has(id)) sentences.set(id, new Set());
      sentences.get(id)?.add(sentence);
    }
    for (const info of article.entityInfo) {
      const count = mentions.get(info.id);
      if (count === undefined) continue;
      graph.mergeNode(info.id, { name: info.name, type: info.type });
      graph.updateNodeAttributes(info.id, (node) => ({
        ...node,
        mentions: (node.mentions ?? 0) + count,
        articles: (node.articles ?? 0) + 1,
      }));
    }
    const related = [...sentences.keys()];
    for (let i = 0; i < related.length; i++) {
      for (let j = i + 1; j < related.length; j++) {
        const [a, b] = [related[i] as string, related[j] as string];
        const inA = sentences.get(a) as Set<number>;
        const shared = [...(sentences.get(b) as Set<number>)].filter((s) => inA.has(s)).length;
        if (!graph.hasEdge(a, b)) graph.addEdge(a, b, { articles: 0, sentences: 0, evidence: [] });
        graph.updateEdgeAttributes(a, b, (edge) => ({
          articles: edge.articles + 1,
          sentences: edge.sentences + shared,
          evidence: [...edge.evidence, [articleId, shared]],
        }));
      }
    }
  }
  return graph;
}
