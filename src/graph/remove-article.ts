// Takes an article's contribution back out of the graph; entities and edges left with no article go.
import { articleContribution } from './article-contribution.js';
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
    edge.articles -= 1;
    edge.sentences -= shared;
    if (edge.articles <= 0) graph.dropEdge(key);
  }
  for (const entityId of related) {
    const ids = store.postings.get(entityId);
    ids?.delete(id);
    if (ids?.size === 0) store.postings.delete(entityId);
  }
  for (const [entityId, count] of mentions) {
    if (!graph.hasNode(entityId)) continue;
    const node = graph.getNodeAttributes(entityId);
    if (node.articles <= 1) graph.dropNode(entityId);
    else
      graph.mergeNodeAttributes(entityId, { mentions: node.mentions - count, articles: node.articles - 1 });
  }
  store.articles.delete(id);
  return true;
}
