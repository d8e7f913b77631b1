// Every route the app registers, with what it takes and what it answers: the one place an endpoint is
// described. createOpenApiDocument turns this list into the OpenAPI 3.1 document served at /openapi.json,
// and test/http/openapi.test.ts fails when the app registers a route this list lacks, or the reverse.
//
// Adding a route: add one entry below with its method, its path as Express registers it ("/entities/:id"),
// a summary, the zod schemas the route validates its query or body with (parse-query.ts, api-schemas.ts),
// and its answers (api-schemas.ts). 400 (with a query or body), 429 and 500 are added to every route.
import { z } from 'zod';
import {
  analyzeBody,
  analyzeInput,
  createEntityInput,
  curationBody,
  curationListBody,
  mergedEntityBody,
  similarBody,
  mergeInput,
  splitInput,
  updateEntityInput,
  articleBody,
  articlesInput,
  deletedBody,
  entityDetailBody,
  entityHitsBody,
  graphBody,
  healthBody,
  indexSummaryBody,
  neighborsBody,
  searchBody,
  timelineBody,
  trendingBody,
} from './api-schemas.js';
import { curationsQuery, similarQuery } from './curation-router.js';
import {
  entitiesQuery,
  graphQuery,
  neighborsQuery,
  searchQuery,
  timelineQuery,
  trendingQuery,
} from './parse-query.js';
import { feedBody, feedInput, feedsBody, refreshBody } from './feed-schemas.js';

export interface RouteResponse {
  description: string;
  /** The JSON answer; other media types go in `content`. */
  json?: z.ZodType;
  content?: Record<string, z.ZodType>;
}

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As Express registers it: "/entities/:id". */
  path: string;
  summary: string;
  description?: string;
  tag: 'search' | 'entities' | 'graph' | 'articles' | 'feeds' | 'service';
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Needs `Authorization: Bearer <ADMIN_API_KEY>`: 401 and 403 are added. */
  admin?: boolean;
  responses: Record<number, RouteResponse>;
}

const text = z.string();
/** What index mode (GRAPH_MODE=index) answers when Meilisearch, which then holds the graph, cannot. */
const indexModeUnavailable = {
  description:
    'in index mode: Meilisearch unreachable or past MEILI_TIMEOUT_MS (search_unavailable), or a facet answer ' +
    'past its limit (graph_facet_limit); docs/index-mode.md',
};

const notFound = (what: string): RouteResponse => ({ description: `no such ${what}` });

/** The routes; `maxArticleChars` is MAX_ARTICLE_CHARS, which POST /analyze enforces. */
export function apiRoutes({ maxArticleChars }: { maxArticleChars: number }): RouteDoc[] {
  return [
    {
      method: 'get',
      path: '/health',
      tag: 'service',
      summary: 'Is Meilisearch there, and how big is the graph',
      responses: {
        200: { description: 'everything answers', json: healthBody },
        503: { description: 'Meilisearch is unreachable; graph queries still answer', json: healthBody },
      },
    },
    {
      method: 'get',
      path: '/search',
      tag: 'search',
      summary: 'Keyword search over articles, with filters, snippets and facets',
      description:
        'Repeated `entity` means AND; `lang`, `source` and `url` may repeat too (OR). `url` finds the article of a ' +
        'page by its URL: the whole URL exactly, letter case too (not a prefix, not the URL in other letter case).',
      query: searchQuery,
      responses: {
        200: { description: 'the hits and facets', json: searchBody },
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'get',
      path: '/entities',
      tag: 'entities',
      summary: 'Find entities by name or alias (typo-tolerant); without q, the most mentioned',
      query: entitiesQuery,
      responses: {
        200: { description: 'matching entities that occur in the graph', json: entityHitsBody },
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'get',
      path: '/entities/:id',
      tag: 'entities',
      summary: "An entity's card: names, counts, strongest neighbours, recent articles",
      responses: {
        200: {
          description: 'the card; for an entity merged into another, {id, mergedInto}',
          json: z.union([entityDetailBody, mergedEntityBody]),
        },
        404: notFound('entity in the graph'),
        503: indexModeUnavailable,
      },
    },
    {
      method: 'get',
      path: '/entities/:id/neighbors',
      tag: 'entities',
      summary: 'Who is mentioned with this entity, with the sentences that prove each link',
      query: neighborsQuery,
      responses: {
        200: { description: 'neighbours, strongest first, with evidence', json: neighborsBody },
        404: notFound('entity in the graph'),
        503: indexModeUnavailable,
      },
    },
    {
      method: 'get',
      path: '/entities/:id/timeline',
      tag: 'entities',
      summary: "An entity's articles and mentions per day, week or month, or a pair's with `with`",
      query: timelineQuery,
      responses: {
        200: { description: 'the buckets, empty ones included, and the undated counts', json: timelineBody },
        404: notFound('entity in the graph'),
      },
    },
    {
      method: 'get',
      path: '/trending',
      tag: 'entities',
      summary: 'Entities, or pairs, whose share of articles grew in a window against a baseline',
      query: trendingQuery,
      responses: {
        200: { description: 'strongest rise first', json: trendingBody },
      },
    },
    {
      method: 'get',
      path: '/graph',
      tag: 'graph',
      summary: 'The graph or a neighbourhood, as graphology JSON, GEXF, GraphML or CSV',
      description:
        'format=graphology (sigma.js, graphology), gexf (GEXF 1.2: Gephi, networkx), graphml (networkx, igraph, ' +
        'Cytoscape, yEd), csv with table=nodes or table=edges (pandas, R). Every format is the same selection. ' +
        'weight=count|pmi|llr ranks links; minArticles and backbone=disparity&alpha= cut weak ones; a depth-2 ' +
        'view does not walk through hubs (expandHubs, hubShare) and lists them in attributes.notExpanded. ' +
        'Nodes carry pagerank and betweenness. Measures and defaults: docs/neighborhoods.md. In index mode the ' +
        'same answer is read from Meilisearch; the whole graph (no center) reads the lists of the most ' +
        'mentioned entities until no other pair can rank among the kept edges, and may then count only a ' +
        'lower bound of edgesBeforeCut (attributes.edgesBeforeCutExact false).',
      query: graphQuery,
      responses: {
        501: {
          description:
            'in index mode, a whole graph that needs the lists of more than 50,000 entities (weight=pmi, or ' +
            'minWeight 1 with backbone=disparity on a large graph; unsupported_in_index_mode, docs/index-mode.md)',
        },
        503: indexModeUnavailable,
        200: {
          description: 'the export',
          json: graphBody,
          content: {
            'application/gexf+xml': text,
            'application/graphml+xml': text,
            'text/csv': text,
          },
        },
        404: notFound('center entity in the graph'),
      },
    },
    {
      method: 'get',
      path: '/articles/:id',
      tag: 'articles',
      summary: 'One article as stored, with its mentions and their character offsets',
      responses: {
        200: { description: 'the article', json: articleBody },
        404: notFound('article'),
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'post',
      path: '/articles',
      tag: 'articles',
      admin: true,
      summary:
        'Add or replace articles (one, an array, or {articles: [...]}), through the same pipeline as files',
      description:
        'Each record is validated as a file record is; bad ones are listed in `rejections` and the rest indexed. ' +
        'At most MAX_ARTICLES_PER_REQUEST records and MAX_REQUEST_BYTES bytes.',
      body: articlesInput,
      responses: {
        200: { description: 'what was read, indexed and rejected', json: indexSummaryBody },
        413: { description: 'too many articles or too large a body (payload_too_large)' },
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'delete',
      path: '/articles/:id',
      tag: 'articles',
      admin: true,
      summary: 'Remove an article from the index and the graph',
      responses: {
        200: { description: 'removed', json: deletedBody },
        404: notFound('article'),
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'post',
      path: '/feeds',
      tag: 'feeds',
      admin: true,
      summary: 'Subscribe to a feed: polled at once, then every intervalMinutes; new items are indexed',
      description:
        'Fetched within the fetch limits and address rules (FETCH_ALLOW_HOSTS), with conditional requests, ' +
        "after the site's robots.txt; failed polls back off. Subscribing again changes the interval.",
      body: feedInput,
      responses: {
        201: {
          description: 'the subscription after its first poll (lastError says if that failed)',
          json: feedBody,
        },
        403: { description: 'a private or local address (url_not_allowed)' },
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'get',
      path: '/feeds',
      tag: 'feeds',
      summary: 'The subscribed feeds, with when each was last fetched, its items and its last error',
      responses: {
        200: { description: 'the subscriptions', json: feedsBody },
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'delete',
      path: '/feeds/:id',
      tag: 'feeds',
      admin: true,
      summary: 'Unsubscribe (the articles already indexed stay)',
      responses: {
        200: { description: 'unsubscribed', json: deletedBody },
        404: notFound('feed'),
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'post',
      path: '/feeds/:id/refresh',
      tag: 'feeds',
      admin: true,
      summary: 'Poll a feed now',
      responses: {
        200: {
          description: 'the subscription after the poll, and how many new articles it indexed',
          json: refreshBody,
        },
        404: notFound('feed'),
        503: { description: 'Meilisearch is unreachable (search_unavailable)' },
      },
    },
    {
      method: 'post',
      path: '/analyze',
      tag: 'articles',
      summary: 'What extraction finds in a text, writing nothing',
      body: analyzeInput(maxArticleChars),
      responses: { 200: { description: 'the mentions found', json: analyzeBody } },
    },
    ...curationRoutes(),
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'service',
      summary: 'This document',
      responses: {
        200: { description: 'the OpenAPI 3.1 document', json: z.record(z.string(), z.unknown()) },
      },
    },
    {
      method: 'get',
      path: '/docs',
      tag: 'service',
      summary: 'A readable reference of this document (Swagger UI, served locally)',
      responses: { 200: { description: 'an HTML page', content: { 'text/html': text } } },
    },
    {
      method: 'get',
      path: '/docs/swagger-initializer.js',
      tag: 'service',
      summary: "The reference page's script, pointing Swagger UI at /openapi.json",
      responses: { 200: { description: 'JavaScript', content: { 'text/javascript': text } } },
    },
    {
      method: 'get',
      path: '/',
      tag: 'service',
      summary: 'The explorer page',
      responses: {
        200: { description: 'the page (built by npm ci)', content: { 'text/html': text } },
        404: { description: 'the page is not built: run npm run build:web' },
      },
    },
  ];
}

/** Entity corrections (src/curation/): each answers the curation record, once its articles are rewritten. */
function curationRoutes(): RouteDoc[] {
  const done = (what: string): RouteResponse => ({
    description: `${what}: the curation, done`,
    json: curationBody,
  });
  const refused = {
    400: { description: 'bad input (invalid_parameter): unknown type, empty name, into itself, a cycle, …' },
    404: notFound('entity'),
    503: { description: 'Meilisearch is unreachable (search_unavailable)' },
  };
  const entityRoute = (
    method: RouteDoc['method'],
    path: string,
    summary: string,
    body?: z.ZodType,
  ): RouteDoc => ({
    method,
    path,
    tag: 'entities',
    admin: true,
    summary,
    ...(body ? { body } : {}),
    responses: { 200: done(summary), ...refused },
  });
  return [
    {
      method: 'post',
      path: '/entities',
      tag: 'entities',
      admin: true,
      summary: 'Create a knowledge-base entity; articles already indexed that name it are extracted again',
      body: createEntityInput,
      responses: { 201: done('created'), ...refused },
    },
    entityRoute(
      'post',
      '/entities/:id/merge',
      'Merge an entity into another: its mentions and names go to `into`',
      mergeInput,
    ),
    entityRoute(
      'patch',
      '/entities/:id',
      'Rename, retype, set the Wikidata id, add or remove aliases',
      updateEntityInput,
    ),
    entityRoute('post', '/entities/:id/block', 'Block an entity: its mentions go, and extraction skips it'),
    entityRoute('delete', '/entities/:id/block', 'Unblock an entity (reverts its block)'),
    entityRoute(
      'post',
      '/entities/:id/split',
      "Move an entity's mentions in the given articles to a new entity",
      splitInput,
    ),
    {
      method: 'get',
      path: '/admin/check',
      tag: 'service',
      admin: true,
      summary: 'Whether the key in the Authorization header opens the write endpoints; nothing is changed',
      responses: {
        200: { description: 'the key is the admin key', json: z.object({ admin: z.literal(true) }) },
      },
    },
    {
      method: 'get',
      path: '/entities/:id/similar',
      tag: 'entities',
      summary:
        'Likely duplicates of an entity, each with a score and the reasons (names, surname, neighbours)',
      query: similarQuery,
      responses: {
        200: { description: 'the suggestions, best first', json: similarBody },
        404: notFound('entity in the graph'),
      },
    },
    {
      method: 'get',
      path: '/curations',
      tag: 'entities',
      summary: 'The curation log, newest first',
      query: curationsQuery,
      responses: { 200: { description: 'curations', json: curationListBody } },
    },
    {
      method: 'get',
      path: '/curations/:id',
      tag: 'entities',
      summary: 'One curation with its status and counts (progress while it runs)',
      responses: { 200: { description: 'the curation', json: curationBody }, 404: notFound('curation') },
    },
    {
      method: 'post',
      path: '/curations/:id/revert',
      tag: 'entities',
      admin: true,
      summary: 'Undo a curation; refused (409 curation_conflict) while later operations build on it',
      responses: {
        200: { description: 'the curation, reverted', json: curationBody },
        404: notFound('curation'),
        409: { description: 'later operations depend on it, or it is not in force (curation_conflict)' },
      },
    },
  ];
}
