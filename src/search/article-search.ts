// One keyword search over articles, as both the single index and the sharded one ask for it and read its
// answer: the same filters, facets, crop and highlight, and the same mapping to the API's hits and facets.
// A search by URL is exact to the letter: Meilisearch compares filter strings without regard to letter case,
// so the articles of the URLs are looked up first, their URLs compared here, and the search then asks for
// those articles by id, which keeps its total and pages exact.
import type { SearchParams, SearchResponse } from 'meilisearch';
import { buildFilter } from './build-filter.js';
import { renderSnippet, SNIPPET_TAGS } from './render-snippet.js';
import type { ArticleDocument, ArticleQuery, ArticleResults } from './types.js';

export const DEFAULTS = {
  cropLength: 40,
  /** Articles whose URL is one of a search's URLs but for letter case, looked at: maxTotalHits. */
  urlCandidates: 10_000,
};

export const ARTICLE_FACETS = ['entities', 'lang', 'source'];

/** Finds the id and URL of the articles a filter matches, at most `limit` of them. */
export type FindUrls = (
  filter: string[],
  limit: number,
) => Promise<Array<Pick<ArticleDocument, 'id' | 'url'>>>;

/**
 * The ids of the articles whose URL is one of `urls` exactly (letter case too); Meilisearch's `url` filter
 * gives the candidates, as it also matches a URL that differs in case only.
 */
export async function exactUrlIds(urls: readonly string[], find: FindUrls): Promise<string[]> {
  const wanted = new Set(urls);
  const candidates = await find(buildFilter({ url: urls }), DEFAULTS.urlCandidates);
  return candidates.filter((hit) => hit.url !== null && wanted.has(hit.url)).map((hit) => hit.id);
}

/** The answer of a search that no article matches. */
export function noArticles(): ArticleResults {
  return { total: 0, hits: [], facets: { entity: {}, lang: {}, source: {} } };
}

/**
 * Search parameters of an article query, without pagination and facets (federation sets those itself).
 * `urlIds`, from `exactUrlIds`, stands for the query's `url`: never an empty list (no article matches).
 */
export function articleSearchParams(query: ArticleQuery, urlIds?: readonly string[]): SearchParams {
  return {
    q: query.q,
    filter: buildFilter(urlIds ? { ...query, url: undefined, ids: urlIds } : query),
    attributesToRetrieve: ['id', 'title', 'lang', 'source', 'published', 'url', 'entityInfo'],
    attributesToCrop: ['body'],
    attributesToHighlight: ['body'],
    cropLength: DEFAULTS.cropLength,
    highlightPreTag: SNIPPET_TAGS.pre,
    highlightPostTag: SNIPPET_TAGS.post,
  };
}

/** The API's results from a Meilisearch answer and the total it counts. */
export function toArticleResults(response: SearchResponse<ArticleDocument>, total: number): ArticleResults {
  const facets = response.facetDistribution ?? {};
  return {
    total,
    hits: response.hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      snippet: renderSnippet(String(hit._formatted?.body ?? '')),
      lang: hit.lang,
      source: hit.source,
      published: hit.published,
      url: hit.url,
      entities: hit.entityInfo,
    })),
    facets: { entity: facets.entities ?? {}, lang: facets.lang ?? {}, source: facets.source ?? {} },
  };
}
