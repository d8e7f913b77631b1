// One keyword search over articles, as both the single index and the sharded one ask for it and read its
// answer: the same filters, facets, crop and highlight, and the same mapping to the API's hits and facets.
import type { SearchParams, SearchResponse } from 'meilisearch';
import { buildFilter } from './build-filter.js';
import { renderSnippet, SNIPPET_TAGS } from './render-snippet.js';
import type { ArticleDocument, ArticleQuery, ArticleResults } from './types.js';

export const DEFAULTS = { cropLength: 40 };

export const ARTICLE_FACETS = ['entities', 'lang', 'source'];

/** Search parameters of an article query, without pagination and facets (federation sets those itself). */
export function articleSearchParams(query: ArticleQuery): SearchParams {
  return {
    q: query.q,
    filter: buildFilter(query),
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
