// Takes an article's contribution back out of the graph, read from its stored run of mentions; entities and
// edges left with no article go.
import { articleContribution } from './article-contribution.js';
import { articleNumberOf, deleteArticle, mentionRun } from './article-table.js';
import { addToPair, dropEdges } from './edge-lists.js';
import { uncountEntity } from './entity-table.js';
import { removePostings } from './postings.js';
import type { CooccurrenceGraph } from './types.js';

/** Removes an article; returns false when the graph did not hold it. */
export function removeArticle(store: CooccurrenceGraph, id: string): boolean {
  const number = articleNumberOf(store, id);
  if (number === undefined) return false;
  const { entities, mentions, related, pairs } = articleContribution(mentionRun(store, number));
  for (let p = 0; p < pairs.length; p += 3) {
    addToPair(store, pairs[p] as number, pairs[p + 1] as number, -1, -(pairs[p + 2] as number));
  }
  removePostings(store, number, related);
  entities.forEach((entity, i) => {
    if (uncountEntity(store, entity, mentions[i] as number)) dropEdges(store, entity);
  });
  deleteArticle(store, number);
  return true;
}
