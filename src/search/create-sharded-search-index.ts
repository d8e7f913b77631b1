// The SearchIndex over several Meilisearch instances (MEILI_REMOTES), each holding the articles and entities
// whose id hashes to it (shard-of.ts). Writes and reads by id go to the owning instance; searches are one
// federated /multi-search on the first instance, which queries every instance (itself included) as a remote
// and merges hits by ranking score or sort, and facet counts. The answers equal one instance's over the same
// articles: totals are capped as one instance caps them, and a remote that fails fails the search.
import type {
  FederatedMultiSearchParams,
  Meilisearch,
  MultiSearchFederation,
  SearchParams,
} from 'meilisearch';
import { SearchUnavailableError } from '../errors.js';
import {
  ARTICLE_FACETS,
  articleSearchParams,
  exactUrlIds,
  noArticles,
  toArticleResults,
  type FindUrls,
} from './article-search.js';
import { buildFilter, quote } from './build-filter.js';
import { createSearchIndex, guard, type SearchIndex, type WriteResult } from './create-search-index.js';
import { cacheGraphFacets, cacheLimits } from './cache-graph-facets.js';
import { createShardedGraphIndex } from './create-sharded-graph-index.js';
import { ARTICLE_SETTINGS } from './index-settings.js';
import { shardOf } from './shard-of.js';
import type { ArticleDocument, EntityDocument } from './types.js';

export interface Shard {
  /** Its name in the network (`federationOptions.remote`). */
  name: string;
  /** A client with the scoped key of that instance. */
  client: Meilisearch;
}

export const DEFAULTS = {
  /** Facet values one answer lists, as one instance lists them. */
  facetValues: ARTICLE_SETTINGS.faceting?.maxValuesPerFacet ?? 100,
  /**
   * Facet values each shard reports before merging. A value missing from a shard's list counts 0 there, so
   * merged counts are exact while each shard has at most this many distinct values in the matching articles.
   */
  shardFacetValues: 10_000,
  /** One instance counts and pages at most this many hits; federation caps nothing, so we cap. */
  maxTotalHits: ARTICLE_SETTINGS.pagination?.maxTotalHits ?? 1_000,
};

/** The article settings of a shard: those of one instance, with more facet values kept for the merge. */
export const SHARD_ARTICLE_SETTINGS = {
  ...ARTICLE_SETTINGS,
  faceting: { ...ARTICLE_SETTINGS.faceting, maxValuesPerFacet: DEFAULTS.shardFacetValues },
};

type RemoteErrors = Record<string, { code?: string } | undefined>;

/** Items grouped by the shard that owns their id. */
function byShard<T>(items: readonly T[], id: (item: T) => string, count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) groups[shardOf(id(item), count)]?.push(item);
  return groups;
}

/** Binds the search stage to shards (the first receives the federated searches) and an index prefix. */
export function createShardedSearchIndex(
  shards: readonly Shard[],
  prefix: string,
  options: { neighbourLists?: boolean; cacheMb?: number } = {},
): SearchIndex {
  const [self] = shards;
  if (!self || shards.length < 2) throw new Error('createShardedSearchIndex: needs at least two shards');
  const parts = shards.map((shard) =>
    createSearchIndex(shard.client, prefix, {
      articleSettings: SHARD_ARTICLE_SETTINGS,
      neighbourLists: options.neighbourLists,
      cacheMb: options.cacheMb,
    }),
  );
  const articlesUid = `${prefix}articles`;
  const entitiesUid = `${prefix}entities`;
  const owner = (id: string): SearchIndex => parts[shardOf(id, parts.length)] as SearchIndex;

  /** One query per shard, merged by Meilisearch; `_federation` is dropped so hits look as one instance's. */
  const federated = async <T extends Record<string, unknown>>(
    indexUid: string,
    params: SearchParams,
    federation: MultiSearchFederation,
  ) => {
    const response = await self.client.multiSearch<FederatedMultiSearchParams, T>({
      federation,
      queries: shards.map((shard) => ({
        indexUid,
        ...params,
        federationOptions: { remote: shard.name, weight: 1 },
      })),
    });
    // A remote that is down, refuses the key or lacks the feature is only reported here, with status 200:
    // its articles would silently be missing from hits, totals and facets.
    const failed = Object.entries((response as { remoteErrors?: RemoteErrors }).remoteErrors ?? {});
    if (failed.length > 0) {
      const which = failed.map(([name, error]) => `${name} (${error?.code ?? 'error'})`).join(', ');
      throw new SearchUnavailableError(`search: shard ${which} did not answer`);
    }
    for (const hit of response.hits) delete hit._federation;
    return response;
  };

  const findUrls: FindUrls = async (filter, limit) =>
    (
      await federated<ArticleDocument & Record<string, unknown>>(
        articlesUid,
        { q: '', filter, attributesToRetrieve: ['id', 'url'] },
        { limit },
      )
    ).hits;

  return {
    setup: async () => {
      await Promise.all(parts.map((part) => part.setup()));
    },

    healthy: async () => (await Promise.all(parts.map((part) => part.healthy()))).every(Boolean),

    countArticles: async () =>
      (await Promise.all(parts.map((part) => part.countArticles()))).reduce((sum, count) => sum + count, 0),

    addArticles: async (docs) => {
      const groups = byShard(docs, (doc) => doc.id, parts.length);
      const results = await Promise.all(
        groups.map((group, index): Promise<WriteResult> | WriteResult =>
          group.length > 0 ? (parts[index] as SearchIndex).addArticles(group) : { failed: [] },
        ),
      );
      return { failed: results.flatMap((result) => result.failed) };
    },

    deleteArticle: (id) => owner(id).deleteArticle(id),

    getArticle: (id) => owner(id).getArticle(id),

    getArticles: async (ids, fields) => {
      const groups = byShard(ids, (id) => id, parts.length);
      const found = await Promise.all(
        groups.map((group, index) =>
          group.length > 0 ? (parts[index] as SearchIndex).getArticles(group, fields) : [],
        ),
      );
      return found.flat();
    },

    searchArticles: (query) =>
      guard(async () => {
        // One instance pages no further than maxTotalHits and counts no higher: do the same.
        const limit = Math.max(0, Math.min(query.limit, DEFAULTS.maxTotalHits - query.offset));
        const urlIds = query.url?.length ? await exactUrlIds(query.url, findUrls) : undefined;
        if (urlIds?.length === 0) return noArticles();
        const response = await federated<ArticleDocument & Record<string, unknown>>(
          articlesUid,
          articleSearchParams(query, urlIds),
          {
            offset: query.offset,
            limit,
            facetsByIndex: { [articlesUid]: ARTICLE_FACETS },
            mergeFacets: { maxValuesPerFacet: DEFAULTS.facetValues },
          },
        );
        const total = Math.min(response.estimatedTotalHits ?? response.hits.length, DEFAULTS.maxTotalHits);
        return toArticleResults(response, total);
      }),

    recentArticles: (entityId, limit) =>
      guard(async () => {
        const response = await federated<ArticleDocument & Record<string, unknown>>(
          articlesUid,
          {
            q: '',
            filter: [`entities = ${quote(entityId)}`],
            sort: ['publishedTs:desc', 'seq:desc'],
            attributesToRetrieve: ['id', 'title', 'published', 'source', 'url', 'lang'],
          },
          { limit },
        );
        return response.hits;
      }),

    changedSince: (seq, limit) =>
      guard(async () => {
        const response = await federated<ArticleDocument & Record<string, unknown>>(
          articlesUid,
          {
            q: '',
            filter: buildFilter({ seqAbove: seq }),
            sort: ['seq:asc'],
            attributesToRetrieve: ['id', 'seq'],
          },
          { limit },
        );
        return response.hits;
      }),

    async *allArticles(pageSize) {
      for (const part of parts) yield* part.allArticles(pageSize);
    },

    async *articleIdsWhere(where, pageSize) {
      for (const part of parts) yield* part.articleIdsWhere(where, pageSize);
    },

    similarArticles: async (bands, firstSeqBelow, limit) =>
      (await Promise.all(parts.map((part) => part.similarArticles(bands, firstSeqBelow, limit))))
        .flat()
        .sort((a, b) => (b.firstSeq ?? 0) - (a.firstSeq ?? 0))
        .slice(0, limit),

    duplicatesOf: async (id, limit) =>
      (await Promise.all(parts.map((part) => part.duplicatesOf(id, limit))))
        .flat()
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit),

    upsertEntities: async (docs) => {
      const groups = byShard(docs, (doc) => doc.id, parts.length);
      await Promise.all(groups.map((group, index) => (parts[index] as SearchIndex).upsertEntities(group)));
    },

    searchEntities: (q, options) =>
      guard(async () => {
        const response = await federated<EntityDocument & Record<string, unknown>>(
          entitiesUid,
          { q, filter: options.type ? [`type = ${quote(options.type)}`] : [] },
          { limit: options.limit },
        );
        // Each entity is written to one shard; an id found twice (a shard count changed) is shown once.
        const seen = new Set<string>();
        return response.hits.filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
      }),

    graph: cacheGraphFacets(
      createShardedGraphIndex(
        shards,
        parts.map((part) => part.graph),
        prefix,
      ),
      cacheLimits(options.cacheMb),
    ),
  };
}
