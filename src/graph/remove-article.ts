// Takes an article's contribution back out of the graph; entities and edges left with no article go.
import { articleContribution } from './article-contribution.js';
import { addToEdge, unlinkEdge } from './edge-lists.js';
import { removePostings } from './postings.js';
import type { CooccurrenceGraph } from './types.js';

/** Removes an article; returns false when the graph did not hold it. */
export function removeArticle(store: CooccurrenceGraph, id: string): boolean {
  const article = store.articles.get(id);
  if (!article) return false;
  const { graph } = store;
  const { mentions, related, pairs } = articleContribution(article);
  for (const [a, b, shared] of pairs) {
    const key = graph.edge(a, b);
    if (key === undefined) continue;
    const edge = graph.getEdgeAttributes(key);
    addToEdge(store, edge, -1, -shared);
    if (edge.articles <= 0) {
      graph.dropEdge(key);
      unlinkEdge(store, edge);
    }
  }
  removePostings(store, id, related);
  for (const [entityId, count] of mentions) {
    if (!graph.hasNode(entityId)) continue;
    const node = graph.getNodeAttributes(entityId);
    if (node.articles <= 1) {
      graph.dropNode(entityId);
      for (const edge of [...(store.edgeLists.get(entityId)?.edges ?? [])]) unlinkEdge(store, edge);
    } else {
      node.mentions -= count;
      node.articles -= 1;
    }
  }
  store.articles.delete(id);
  return true;
}
