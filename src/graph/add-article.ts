// Adds an article's entities and co-occurrences to the graph. An article already in the graph is removed
// first, so re-indexing replaces its contribution instead of doubling it. The article is kept as a run of
// integers (article-table.ts): each mention's entity number, and its sentence with the furniture bit.
import { articleContribution } from './article-contribution.js';
import { appendArticle, hasArticle } from './article-table.js';
import { addToPair } from './edge-lists.js';
import { countEntity } from './entity-table.js';
import { addPostings } from './postings.js';
import { removeArticle } from './remove-article.js';
import type { CooccurrenceGraph, GraphArticle } from './types.js';

/** Adds (or replaces) one article; a copy of another's story is kept with no entities. */
export function addArticle(store: CooccurrenceGraph, article: GraphArticle): void {
  if (hasArticle(store, article.id)) removeArticle(store, article.id);
  const counts = new Map<string, number>();
  if (!article.duplicateOf) {
    for (const info of article.entityInfo) counts.set(info.id, 0);
    for (const { entityId } of article.mentions) {
      const count = counts.get(entityId);
      if (count !== undefined) counts.set(entityId, count + 1);
    }
  }
  // Numbers are given in the order of `entityInfo`, as the entities first appear.
  const numbers = new Map<string, number>();
  for (const info of article.entityInfo) {
    const count = counts.get(info.id);
    if (count && !numbers.has(info.id)) numbers.set(info.id, countEntity(store, info, count));
  }
  const run: number[] = [];
  for (const mention of article.mentions) {
    const number = numbers.get(mention.entityId);
    if (number !== undefined) run.push(number, 2 * mention.sentence + (mention.furniture ? 1 : 0));
  }
  const { related, pairs } = articleContribution(run);
  for (let p = 0; p < pairs.length; p += 3) {
    addToPair(store, pairs[p] as number, pairs[p + 1] as number, 1, pairs[p + 2] as number);
  }
  addPostings(store, appendArticle(store, article, run), related);
}
