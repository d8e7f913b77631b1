// The shapes of the API's answers and request bodies as zod schemas: the OpenAPI document is generated
// from them (openapi-routes.ts), and the contract tests check every answer the HTTP tests receive against
// them. Answers are strict objects, so a field a route adds without documenting it fails a test.
import { z } from 'zod';
import { ENTITY_TYPES } from '../entities/types.js';
import { ID_PATTERN } from '../ingest/validate-article.js';

const count = z.number().int().min(0);
const nullableText = z.string().nullable();
export const entityType = z.enum(ENTITY_TYPES as [string, ...string[]]);

export const errorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'stable: invalid_parameter, not_found, unauthorized, …' }),
      message: z.string().meta({ description: 'starts with the parameter or resource it is about' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const entityInfo = z.strictObject({ id: z.string(), name: z.string(), type: entityType }).meta({
  id: 'EntityInfo',
});

export const healthBody = z
  .strictObject({
    status: z.enum(['ok', 'degraded']),
    meilisearch: z.enum(['available', 'unavailable']),
    articles: count
      .nullable()
      .meta({ description: "in index mode the index's count; null when unreachable" }),
    entities: count.nullable().meta({ description: 'null in index mode (no graph is held)' }),
    edges: count.nullable().meta({ description: 'null in index mode (no graph is held)' }),
    graphMode: z
      .enum(['memory', 'index'])
      .meta({ description: 'where graph answers come from (GRAPH_MODE)' }),
  })
  .meta({ id: 'Health' });

export const articleHit = z
  .strictObject({
    id: z.string(),
    title: nullableText,
    snippet: z.string().meta({ description: 'HTML: escaped text with <mark>ed matches' }),
    lang: z.string(),
    source: nullableText,
    published: nullableText,
    url: nullableText,
    entities: z.array(entityInfo),
  })
  .meta({ id: 'ArticleHit' });

export const searchBody = z
  .strictObject({
    query: z.string(),
    total: count,
    limit: count,
    offset: count,
    hits: z.array(articleHit),
    facets: z.strictObject({
      entity: z.array(z.strictObject({ id: z.string(), name: z.string(), type: entityType, count })),
      lang: z.record(z.string(), count),
      source: z.record(z.string(), count),
    }),
  })
  .meta({ id: 'SearchResults' });

export const entityCard = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    type: entityType,
    aliases: z.array(z.string()),
    wikidata: z.string().optional(),
    articles: count,
    mentions: count,
  })
  .meta({ id: 'Entity' });

const neighborFields = {
  id: z.string(),
  name: z.string(),
  type: entityType,
  weight: z.number().meta({
    description: "the window's count (shared articles or sentences), or with weight=pmi or llr that measure",
  }),
  articles: count,
  sentences: count,
};

export const entityHitsBody = z.strictObject({ hits: z.array(entityCard) }).meta({ id: 'EntityHits' });

export const entityDetailBody = z
  .strictObject({
    ...entityCard.shape,
    neighbors: z.array(z.strictObject(neighborFields)),
    recentArticles: z
      .array(
        z.strictObject({
          id: z.string(),
          title: nullableText,
          published: nullableText,
          source: nullableText,
          url: nullableText,
          lang: z.string(),
        }),
      )
      .nullable()
      .meta({ description: 'null when Meilisearch is unreachable' }),
  })
  .meta({ id: 'EntityDetail' });

export const neighborsBody = z
  .strictObject({
    entity: entityCard,
    window: z.enum(['article', 'sentence']),
    neighbors: z.array(
      z.strictObject({
        ...neighborFields,
        evidence: z.array(
          z.strictObject({
            articleId: z.string(),
            title: nullableText,
            published: nullableText,
            snippet: nullableText.meta({
              description: 'HTML: the sentence linking the two, both <mark>ed; null without Meilisearch',
            }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Neighbors' });

export const graphBody = z
  .strictObject({
    attributes: z
      .strictObject({
        window: z.enum(['article', 'sentence']),
        measure: z.enum(['count', 'pmi', 'llr']),
        center: z.string().optional(),
        depth: z.number().int().optional(),
        minWeight: z.number().int(),
        minArticles: z.number().int(),
        backbone: z.literal('disparity').optional(),
        alpha: z.number().optional(),
        expandHubs: z.boolean().optional(),
        hubShare: z.number().optional(),
        notExpanded: z
          .array(z.strictObject({ id: z.string(), name: z.string(), links: count }))
          .optional()
          .meta({ description: 'depth 2: hubs not walked through, with their links to entities outside' }),
        from: z.number().nullable().optional(),
        to: z.number().nullable().optional(),
        edgesBeforeCut: count,
        edgesBeforeCutExact: z
          .literal(false)
          .optional()
          .meta({
            description:
              'index mode, whole graph: the walk stopped once no edge left unread could rank among those kept, ' +
              'so edgesBeforeCut counts only the edges it read (docs/index-mode.md)',
          }),
        cut: nullableText.meta({ description: 'what a size cut left out, or null' }),
      })
      .meta({ description: 'the selection the export was made with' }),
    options: z.strictObject({
      type: z.literal('undirected'),
      multi: z.literal(false),
      allowSelfLoops: z.literal(false),
    }),
    nodes: z.array(
      z.strictObject({
        key: z.string(),
        attributes: z.strictObject({
          label: z.string(),
          x: z.number(),
          y: z.number(),
          type: entityType,
          size: z.number(),
          color: z.string(),
          mentions: count,
          articles: count,
          community: z.number().int(),
          weightedDegree: count,
          pagerank: z.number().meta({ description: 'PageRank within the export, weighted by count' }),
          betweenness: z.number().meta({ description: 'normalised betweenness within the export' }),
        }),
      }),
    ),
    edges: z.array(
      z.strictObject({
        key: z.string(),
        source: z.string(),
        target: z.string(),
        undirected: z.literal(true).optional(),
        attributes: z.strictObject({
          weight: z.number(),
          count,
          pmi: z.number(),
          llr: z.number().meta({ description: 'signed log-likelihood ratio G² over articles' }),
          disparity: z.number().optional().meta({ description: 'with backbone=disparity: its p-value' }),
          size: z.number(),
          articles: count,
          sentences: count,
        }),
      }),
    ),
  })
  .meta({ id: 'Graph', description: "graphology's serialised format, which Graph.from and sigma.js load" });

const derived = z.literal(true).optional().meta({
  description: 'an adjective or a part of a longer word ("russische", "Ukraine-Krise"), not a name',
});

export const mention = z
  .strictObject({
    entityId: z.string(),
    text: z.string(),
    start: count.meta({ description: 'character offset into body' }),
    end: count,
    sentence: count,
    furniture: z.literal(true).optional().meta({ description: 'in page furniture: relates to nobody' }),
    derived,
  })
  .meta({ id: 'Mention' });

export const articleBody = z
  .strictObject({
    id: z.string(),
    title: nullableText,
    body: z.string(),
    lang: z.string(),
    source: nullableText,
    category: nullableText,
    author: nullableText,
    published: nullableText,
    url: nullableText,
    entities: z.array(entityInfo),
    mentions: z.array(mention),
    duplicateOf: nullableText.meta({
      description:
        'id of the first article of the same story when this one is a copy; a copy adds nothing to the graph',
    }),
    duplicates: z
      .array(z.string())
      .meta({ description: 'ids of the copies of this article, first written first' }),
  })
  .meta({ id: 'Article' });

/** An article as POST /articles takes it; ingest/validate-article.ts checks it (as for files). */
export const articleInput = z
  .object({
    id: z.string().regex(ID_PATTERN).optional(),
    body: z
      .string()
      .optional()
      .meta({ description: 'required unless url is given: then the page is fetched' }),
    title: z.string().optional(),
    lang: z.string().optional(),
    source: z.string().optional(),
    published: z.string().optional().meta({ description: 'YYYY-MM-DD or ISO 8601' }),
    url: z.string().optional(),
    category: z.string().optional(),
  })
  .meta({
    id: 'ArticleInput',
    description:
      'only body is required, or a url without body, which is fetched; without id, the id is sha-<hash of body>',
  });

export const articlesInput = z.union([
  articleInput,
  z.array(articleInput),
  z.object({ articles: z.array(articleInput) }),
]);

export const indexSummaryBody = z
  .strictObject({
    read: count,
    indexed: count,
    rejected: count,
    rejections: z.array(
      z.strictObject({
        index: count,
        id: z.string().optional(),
        reason: z.string(),
        code: z
          .string()
          .optional()
          .meta({ description: 'a fetched url: why it was refused (url_not_allowed, ...)' }),
      }),
    ),
  })
  .meta({ id: 'IndexSummary' });

export const deletedBody = z.strictObject({ deleted: z.string() });

/** POST /analyze's body; `maxChars` is MAX_ARTICLE_CHARS. */
export const analyzeInput = (maxChars: number) =>
  z.object({
    text: z
      .string({ error: 'must be a non-empty string' })
      .min(1, 'must be a non-empty string')
      .max(maxChars, `is longer than ${maxChars} characters`)
      .refine((text) => text.trim() !== '', 'must be a non-empty string'),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be a language code such as de or en')
      .optional(),
  });

export const analyzeBody = z
  .strictObject({
    lang: z.string(),
    mentions: z.array(
      z.strictObject({
        text: z.string(),
        start: count,
        end: count,
        type: entityType,
        entityId: z.string(),
        name: z.string(),
        sentence: count,
        derived,
      }),
    ),
  })
  .meta({ id: 'Analysis' });

const timelineCounts = { articles: count, mentions: count };

export const timelineBody = z
  .strictObject({
    entity: entityInfo,
    with: entityInfo.optional(),
    interval: z.enum(['day', 'week', 'month']),
    undated: z.strictObject(timelineCounts),
    buckets: z.array(
      z.strictObject({
        start: z.string().meta({ description: 'the bucket start, YYYY-MM-DD (UTC; weeks start on Monday)' }),
        ...timelineCounts,
      }),
    ),
  })
  .meta({
    id: 'Timeline',
    description: 'with `with`: articles that mention both, and in `mentions` the sentences that do',
  });

const trendingCounts = { articles: count, baselineArticles: count, score: z.number() };

export const trendingBody = z
  .strictObject({
    from: z.string(),
    to: z.string(),
    baselineFrom: z.string(),
    baselineTo: z.string(),
    anchoredToNewest: z.boolean(),
    articles: count,
    baselineArticles: count,
    entities: z.array(z.strictObject({ ...entityInfo.shape, ...trendingCounts })).optional(),
    pairs: z.array(z.strictObject({ a: entityInfo, b: entityInfo, ...trendingCounts })).optional(),
  })
  .meta({
    id: 'Trending',
    description: '`entities`, or with pairs=true `pairs`, whose share of articles grew, by signed G²',
  });

// Entity corrections (src/curation/): the operations' bodies and the curation log's records.
const entityId = z.string().min(1);
const names = z.array(z.string());

export const mergeInput = z.object({ into: entityId });
export const updateEntityInput = z.object({
  name: z.string().optional(),
  type: z.string().optional().meta({ description: 'person, organization, location or other' }),
  wikidata: z.string().optional(),
  aliases: z.object({ add: names.optional(), remove: names.optional() }).optional(),
});
export const createEntityInput = z.object({
  id: z.string().optional(),
  name: z.string(),
  type: z.string(),
  aliases: names.optional(),
  wikidata: z.string().optional(),
});
export const splitInput = z.object({
  articles: z.array(z.string()),
  as: z.object({ id: z.string().optional(), name: z.string(), type: z.string() }),
});

const operationArgs = z.discriminatedUnion('operation', [
  z.strictObject({
    operation: z.literal('merge'),
    id: entityId,
    into: entityId,
    names,
    intoInfo: entityInfo,
  }),
  z.strictObject({
    operation: z.literal('update'),
    id: entityId,
    name: z.string().optional(),
    type: entityType.optional(),
    wikidata: z.string().optional(),
    aliases: z.strictObject({ add: names, remove: names }).optional(),
    before: z.strictObject({ name: z.string(), type: entityType, aliases: names, inKb: z.boolean() }),
  }),
  z.strictObject({ operation: z.literal('block'), id: entityId, names }),
  z.strictObject({
    operation: z.literal('create'),
    id: entityId,
    name: z.string(),
    type: entityType,
    aliases: names,
    wikidata: z.string().optional(),
  }),
  z.strictObject({ operation: z.literal('split'), id: entityId, articles: names, as: entityInfo }),
]);

export const curationBody = z
  .strictObject({
    id: z.string(),
    seq: z.number(),
    time: z.string(),
    status: z.enum(['running', 'done', 'reverting', 'reverted']),
    args: operationArgs,
    counts: z.strictObject({ candidates: count, processed: count, changed: count, failed: count }),
    entities: z.array(z.string()),
    revertedAt: z.string().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'Curation' });

export const curationListBody = z
  .strictObject({ total: count, limit: count, offset: count, curations: z.array(curationBody) })
  .meta({ id: 'Curations' });

export const mergedEntityBody = z
  .strictObject({ id: z.string(), mergedInto: z.string() })
  .meta({ id: 'MergedEntity' });

export const similarBody = z
  .strictObject({
    id: z.string(),
    similar: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        type: entityType,
        articles: count,
        score: z.number().min(0).max(1),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'SimilarEntities' });
