// An article and what was extracted from it, as the document Meilisearch stores. Fields other stages add
// (the duplicate mark and fingerprint, src/dedup/) are not set here: a curation's rewrite spreads this over
// the stored document, and must keep them.
import type { Extraction } from '../entities/types.js';
import type { Article } from '../ingest/types.js';
import type { ArticleDocument } from './types.js';

export function toArticleDocument(article: Article, extraction: Extraction, seq: number): ArticleDocument {
  const published = article.published;
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    lang: extraction.lang,
    source: article.source,
    category: article.category,
    author: article.author,
    published,
    publishedTs:
      published === null ? null : Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published),
    url: article.url,
    entities: extraction.entities.map((entity) => entity.id),
    entityNames: extraction.entities.map((entity) => entity.name),
    entityInfo: extraction.entities,
    mentions: extraction.mentions,
    sentences: extraction.sentences,
    seq,
  };
}

/** Write sequence numbers: microsecond-like, increasing within a process and across restarts. */
export function createSequence(): () => number {
  let last = 0;
  return () => {
    last = Math.max(last + 1, Date.now() * 1000);
    return last;
  };
}
