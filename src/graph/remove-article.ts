// Takes an article's contribution back out of the graph; entities and edges left with no article go.
import { articleContribution } from './article-contribution.js';
import { addToPair, dropEdges } from './edge-lists.js';
import { uncountEntity } from './entity-table.js';
import { removePostings } from './postings.js';
import type { CooccurrenceGraph } from './types.js';

/** Removes an article; returns false when the graph did not hold it. */
export function removeArticle(store: CooccurrenceGraph, id: string): boolean {
  const article = store.articles.get(id);
  if (!article) return false;
  const { numbers } = store.entities;
  const { mentions, related, pairs } = articleContribution(article);
  for (const [a, b, shared] of pairs) {
    const [x, y] = [numbers.get(a), numbers.get(b)];
    if (x !== undefined && y !== undefined) addToPair(store, x, y, -1, -shared);
  }
  removePostings(store, id, related);
  for (const [entityId, count] of mentions) {
    const number = numbers.get(entityId);
    if (number === undefined) continue;
    if (uncountEntity(store, number, count)) dropEdges(store, number);
  }
  store.articles.delete(id);
  return true;
}
