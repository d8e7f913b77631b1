// Adds an article's entities and co-occurrences to the graph. An article already in the graph is removed
// first, so re-indexing replaces its contribution instead of doubling it.
import { articleContribution } from './article-contribution.js';
import { addToEdge, linkEdge } from './edge-lists.js';
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
  const mentions: StoredArticle['mentions'] = [];
  for (const mention of article.mentions) {
    const at = index.get(mention.entityId);
    if (at !== undefined) mentions.push([at, mention.sentence, mention.furniture ? 1 : 0]);
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
  const { graph } = store;
  const { mentions, related, pairs } = articleContribution(article);
  for (const info of article.entityInfo) {
    const count = mentions.get(info.id);
    if (count === undefined) continue;
    if (graph.hasNode(info.id)) {
      const node = graph.getNodeAttributes(info.id);
      node.name = info.name;
      node.type = info.type;
      node.mentions += count;
      node.articles += 1;
    } else {
      graph.addNode(info.id, { name: info.name, type: info.type, mentions: count, articles: 1 });
    }
  }
  for (const [a, b, shared] of pairs) {
    const key = graph.edge(a, b);
    if (key === undefined) {
      const edge = { a, b, articles: 1, sentences: shared, slotA: 0, slotB: 0 };
      graph.addEdge(a, b, edge);
      linkEdge(store, edge);
      continue;
    }
    addToEdge(store, graph.getEdgeAttributes(key), 1, shared);
  }
  addPostings(store, id, related, article.publishedTs);
  store.articles.set(id, article);
}

/** Adds (or replaces) one article. */
export function addArticle(store: CooccurrenceGraph, article: GraphArticle): void {
  addStoredArticle(store, article.id, toStoredArticle(article));
}
