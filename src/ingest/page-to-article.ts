// A read page (its main text and metadata) as an Article, validated like any other record. Dates that are
// not ISO 8601 but that Date can read ("Jun 12, 2025") are converted; others are left out, not rejected.
import type { PageContent } from './extract-page.js';
import type { IngestItem, RecordLocation } from './types.js';
import { looseDate } from './loose-date.js';
import { validateArticle } from './validate-article.js';

/** The page as an ingest item; an empty body is a rejection naming the page. */
export function pageToArticle(
  page: PageContent,
  options: { id?: string; where: RecordLocation; maxChars: number },
): IngestItem {
  const { where, maxChars } = options;
  const record = {
    id: options.id,
    title: page.title,
    body: page.body,
    lang: page.lang,
    source: page.source,
    author: page.author,
    url: page.url,
    published: looseDate(page.published),
  };
  const result = validateArticle(record, { maxChars });
  if ('article' in result) return { ok: true, article: result.article, where };
  const reason = result.reason === 'body is empty' ? 'no article text found in the page' : result.reason;
  return { ok: false, where, id: result.id ?? options.id, reason };
}
