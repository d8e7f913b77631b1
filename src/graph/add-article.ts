// Adds an article's entities and co-occurrences to the graph. An article already in the graph is removed
// first, so re-indexing replaces its contribution instead of doubling it.
import { articleContribution } from './article-contribution.js';
import { addToPair } from './edge-lists.js';
import { countEntity, internInfo } from './entity-table.js';
import { addPostings } from './postings.js';
import { removeArticle } from './remove-article.js';
import type { CooccurrenceGraph, GraphArticle, StoredArticle } from './types.js';

/** Compacts an article into what the graph stores of it; a copy of another's story keeps no entities. */
export function toStoredArticle(article: GraphArticle): StoredArticle {
  if (article.duplicateOf) {
    return {
      seq: article.seq,
      title: article.title,
      publishedTs: article.publishedTs,
      entityInfo: [],
      mentions: [],
    };
  }
  const index = new Map(article.entityInfo.map((info, i) => [info.id, i]));
  const mentions: number[] = [];
  for (const mention of article.mentions) {
    const entity = index.get(mention.entityId);
    if (entity !== undefined) mentions.push(entity, mention.sentence, mention.furniture ? 1 : 0);
  }
  return {
    seq: article.seq,
    title: article.title,
    publishedTs: article.publishedTs,
    entityInfo: article.entityInfo,
    mentions,
  };
}

/** Adds (or replaces) one article given in stored form. */
export function addStoredArticle(store: CooccurrenceGraph, id: string, article: StoredArticle): void {
  if (store.articles.has(id)) removeArticle(store, id);
  const { mentions, related, pairs } = articleContribution(article);
  const numbers = new Map<string, number>();
  for (const info of article.entityInfo) {
    const count = mentions.get(info.id);
    if (count !== undefined) numbers.set(info.id, countEntity(store, info, count));
  }
  for (const [a, b, shared] of pairs) {
    addToPair(store, numbers.get(a) as number, numbers.get(b) as number, 1, shared);
  }
  addPostings(store, id, related, article.publishedTs);
  store.articles.set(id, {
    ...article,
    entityInfo: article.entityInfo.map((info) => internInfo(store, info)),
  });
}

/** Adds (or replaces) one article. */
export function addArticle(store: CooccurrenceGraph, article: GraphArticle): void {
  addStoredArticle(store, article.id, toStoredArticle(article));
}
