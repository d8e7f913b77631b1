// A URL given to the indexer or the API: fetched within the fetch limits, then read as a feed (each item
// an article) or as a page (one article, id "url-" and a hash of the URL as given, and that URL as its url,
// so GET /search?url= finds it by the address the user knows). A refused or failed
// fetch is one rejection that names the URL and the reason.
import { decodeHtml } from './decode-html.js';
import { feedToArticles, parseNewsFeed } from './feed-to-articles.js';
import { FEED_TYPES, fetchUrl, type Conditional, type Fetched, type FetchLimits } from './fetch-url.js';
import { pageToArticle } from './page-to-article.js';
import type { IngestItem, ReadPage } from './types.js';
import { urlId } from './url-id.js';

export interface ReadUrlDeps {
  limits: FetchLimits;
  readPage: ReadPage;
  maxChars: number;
}

/** Whether a fetched document is a feed: by its type, or by how an HTML-less body starts. */
export function isFeed(fetched: Fetched): boolean {
  if (FEED_TYPES.test(fetched.contentType)) return true;
  const head = fetched.body.toString('utf8', 0, 512).trimStart();
  return /^<\?xml|^<(rss|feed|rdf:RDF)\b/i.test(head);
}

/** The articles of a fetched document. */
export async function fetchedToArticles(
  fetched: Fetched,
  given: string,
  deps: Omit<ReadUrlDeps, 'limits'>,
  id?: string,
): Promise<IngestItem[]> {
  const where = { file: given, line: 1 };
  if (isFeed(fetched)) {
    try {
      return feedToArticles(
        parseNewsFeed(decodeHtml(fetched.body, fetched.contentType)),
        given,
        deps.maxChars,
      );
    } catch (cause) {
      return [{ ok: false, where, reason: `not a feed: ${(cause as Error).message}` }];
    }
  }
  const page = await deps.readPage(decodeHtml(fetched.body, fetched.contentType), fetched.url);
  return [pageToArticle({ ...page, url: given }, { id: id ?? urlId(given), where, maxChars: deps.maxChars })];
}

/** Fetches and reads one URL; `conditional` makes it a conditional request (feed polling). */
export async function* readUrl(
  url: string,
  deps: ReadUrlDeps,
  options: { id?: string; conditional?: Conditional } = {},
): AsyncGenerator<IngestItem> {
  let fetched: Fetched;
  try {
    fetched = await fetchUrl(url, deps.limits, options.conditional);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    yield {
      ok: false,
      where: { file: url, line: 0 },
      id: options.id,
      reason: (cause as Error).message,
      code,
    };
    return;
  }
  if (fetched.status === 304) return;
  yield* await fetchedToArticles(fetched, url, deps, options.id);
}
