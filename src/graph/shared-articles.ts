// The evidence of an edge: the articles in which both entities occur outside page furniture, each with the
// number of sentences they share there. Found from the two entities' postings (postings.ts) and the stored
// articles, so the graph keeps no per-edge list.
import { sharedArticleIds } from './postings.js';
import { MENTION_STRIDE, type CooccurrenceGraph, type StoredArticle } from './types.js';

function sharedSentences(article: StoredArticle, a: string, b: string): number {
  const ia = article.entityInfo.findIndex((info) => info.id === a);
  const ib = article.entityInfo.findIndex((info) => info.id === b);
  const inA = new Set<number>();
  const inB = new Set<number>();
  const { mentions } = article;
  for (let m = 0; m < mentions.length; m += MENTION_STRIDE) {
    if (mentions[m + 2] !== 0) continue;
    const [index, sentence] = [mentions[m], mentions[m + 1] as number];
    if (index === ia) inA.add(sentence);
    else if (index === ib) inB.add(sentence);
  }
  let shared = 0;
  for (const sentence of inA) if (inB.has(sentence)) shared += 1;
  return shared;
}

/** [article id, shared sentences] for every article relating `a` and `b`, in no particular order. */
export function sharedArticles(store: CooccurrenceGraph, a: string, b: string): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  for (const id of sharedArticleIds(store, a, b)) {
    const article = store.articles.get(id);
    if (article) found.push([id, sharedSentences(article, a, b)]);
  }
  return found;
}
