// The one interface through which newsgraph talks to Meilisearch: index set-up, writes that isolate a bad
// document instead of losing its batch, keyword search with safe filters and escaped snippets, entity
// look-up, and the reads the graph is rebuilt from. Unreachable Meilisearch becomes SearchUnavailableError.
import {
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTask,
  type Meilisearch,
  type Settings,
} from 'meilisearch';
import { NewsgraphError, SearchUnavailableError } from '../errors.js';
import {
  ARTICLE_FACETS,
  articleSearchParams,
  exactUrlIds,
  noArticles,
  toArticleResults,
  type FindUrls,
} from './article-search.js';
import { buildFilter, quote } from './build-filter.js';
import { cacheGraphFacets, cacheLimits } from './cache-graph-facets.js';
import { createGraphIndex, type GraphIndex } from './create-graph-index.js';
import { writerOf } from './create-meili-client.js';
import { ensureIndex, taskError } from './ensure-index.js';
import { ARTICLE_SETTINGS, ENTITY_SETTINGS } from './index-settings.js';
import type {
  ArticleDocument,
  ArticleQuery,
  ArticleResults,
  DuplicateCandidate,
  EntityDocument,
  GraphFields,
} from './types.js';
import { GRAPH_FIELDS } from './types.js';
import { waitForTask } from './wait-for-task.js';

export interface WriteResult {
  failed: Array<{ id: string; reason: string }>;
}

export interface SearchIndex {
  setup(): Promise<void>;
  healthy(): Promise<boolean>;
  countArticles(): Promise<number>;
  addArticles(docs: readonly ArticleDocument[]): Promise<WriteResult>;
  deleteArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<ArticleDocument | undefined>;
  getArticles<K extends keyof ArticleDocument>(
    ids: readonly string[],
    fields: readonly K[],
  ): Promise<Array<Pick<ArticleDocument, K>>>;
  searchArticles(query: ArticleQuery): Promise<ArticleResults>;
  recentArticles(
    entityId: string,
    limit: number,
  ): Promise<Array<Pick<ArticleDocument, 'id' | 'title' | 'published' | 'source' | 'url' | 'lang'>>>;
  /** Ids and write sequences of the articles written after `seq`, oldest first, a page at a time. */
  changedSince(seq: number, limit: number): Promise<Array<Pick<ArticleDocument, 'id' | 'seq'>>>;
  /** Every article's graph fields, page by page. */
  allArticles(pageSize?: number): AsyncGenerator<GraphFields[]>;
  /** Ids of the articles that mention an entity, or that a curation changed, page by page. */
  articleIdsWhere(where: ArticleWhere, pageSize?: number): AsyncGenerator<string[]>;

  /**
   * Articles first indexed before `firstSeqBelow` that share any of these band keys: the `limit` most
   * recently first indexed, so that the answer depends only on what was indexed before.
   */
  similarArticles(
    bands: readonly string[],
    firstSeqBelow: number,
    limit: number,
  ): Promise<DuplicateCandidate[]>;
  /** Ids of the copies of an article, first written first, at most `limit`. */
  duplicatesOf(id: string, limit: number): Promise<Array<Pick<ArticleDocument, 'id' | 'seq'>>>;
  upsertEntities(docs: readonly EntityDocument[]): Promise<void>;
  searchEntities(q: string, options: { type?: string; limit: number }): Promise<EntityDocument[]>;
  /** The graph index, written beside the articles, that index mode reads (docs/index-mode.md). */
  graph: GraphIndex;
}

export type ArticleWhere = { entity: string } | { curatedBy: string };

/** The filter of an ArticleWhere, its value quoted. */
export function whereFilter(where: ArticleWhere): string {
  return 'entity' in where ? `entities = ${quote(where.entity)}` : `curatedBy = ${quote(where.curatedBy)}`;
}

export const DEFAULTS = { taskTimeoutMs: 10 * 60_000 };

export function unavailable(cause: unknown): unknown {
  const timedOut =
    cause instanceof MeilisearchRequestTimeOutError ||
    (cause instanceof MeilisearchRequestError && cause.cause instanceof MeilisearchRequestTimeOutError);
  if (timedOut) {
    return new SearchUnavailableError('search: Meilisearch did not answer within MEILI_TIMEOUT_MS', {
      cause,
    });
  }
  if (
    cause instanceof MeilisearchRequestError ||
    (cause instanceof TypeError && /fetch/i.test(cause.message))
  ) {
    return new SearchUnavailableError('search: Meilisearch is unreachable', { cause });
  }
  return cause;
}

export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    throw unavailable(cause);
  }
}

/**
 * Binds the search stage to a client and an index-name prefix. `articleSettings` replaces the article
 * index's settings (a shard keeps more facet values than it answers with, see create-sharded-search-index);
 * `neighbourLists` keeps neighbour lists in the graph index (create-graph-index.ts); `cacheMb` bounds what
 * its answers kept until the next write may take (cache-graph-facets.ts).
 */
export function createSearchIndex(
  client: Meilisearch,
  prefix: string,
  options: { articleSettings?: Settings; neighbourLists?: boolean; cacheMb?: number } = {},
): SearchIndex {
  const articles = client.index<ArticleDocument>(`${prefix}articles`);
  const entities = client.index<EntityDocument>(`${prefix}entities`);
  const graph = createGraphIndex(client, prefix, { neighbourLists: options.neighbourLists });
  // Writes and settings go through a client with the longer time-out of writes (create-meili-client.ts).
  const writer = writerOf(client);
  const articleWrites = writer.index<ArticleDocument>(articles.uid);
  const entityWrites = writer.index<EntityDocument>(entities.uid);
  const settled = (enqueued: Promise<EnqueuedTask>) => waitForTask(writer, enqueued, DEFAULTS.taskTimeoutMs);

  const add = async (docs: readonly ArticleDocument[]): Promise<WriteResult> => {
    const task = await settled(articleWrites.addDocuments([...docs], { primaryKey: 'id' }));
    if (task.status === 'succeeded') return { failed: [] };
    if (docs.length === 1) return { failed: [{ id: docs[0]?.id ?? '', reason: taskError(task) }] };
    // One bad document fails its whole task: retry one by one so only that document is lost.
    const results = await Promise.all(docs.map((doc) => add([doc])));
    return { failed: results.flatMap((result) => result.failed) };
  };

  const findUrls: FindUrls = async (filter, limit) =>
    (await articles.search('', { filter, limit, attributesToRetrieve: ['id', 'url'] })).hits;

  return {
    setup: () =>
      guard(async () => {
        const settings = options.articleSettings ?? ARTICLE_SETTINGS;
        await ensureIndex(writer, articles.uid, settings, 'search', DEFAULTS.taskTimeoutMs);
        await ensureIndex(writer, entities.uid, ENTITY_SETTINGS, 'search', DEFAULTS.taskTimeoutMs);
        await graph.setup();
      }),

    healthy: async () => {
      try {
        return (await client.health()).status === 'available';
      } catch {
        return false;
      }
    },

    countArticles: () => guard(async () => (await articles.getStats()).numberOfDocuments),

    addArticles: (docs) =>
      guard(async () => {
        if (docs.length === 0) return { failed: [] };
        const result = await add(docs);
        const failed = new Set(result.failed.map((failure) => failure.id));
        await graph.write(docs.filter((doc) => !failed.has(doc.id)));
        return result;
      }),

    deleteArticle: (id) =>
      guard(async () => {
        const existing = await articles.getDocuments({ filter: buildFilter({ ids: [id] }), fields: ['id'] });
        if (existing.results.length === 0) return false;
        const task = await settled(articleWrites.deleteDocument(id));
        if (task.status !== 'succeeded') {
          throw new NewsgraphError('search_error', `search: deleting ${id}: ${taskError(task)}`);
        }
        await graph.remove([id]);
        return true;
      }),

    getArticle: (id) =>
      guard(async () => {
        const found = await articles.getDocuments({ filter: buildFilter({ ids: [id] }), limit: 1 });
        return found.results[0];
      }),

    getArticles: (ids, fields) =>
      guard(async () => {
        if (ids.length === 0) return [];
        // "*" asks for every field: Meilisearch gives them all when no field list is sent.
        const found = await articles.getDocuments({
          filter: buildFilter({ ids }),
          ...(fields.includes('*' as never) ? {} : { fields: [...fields] }),
          limit: ids.length,
        });
        return found.results;
      }),

    searchArticles: (query) =>
      guard(async () => {
        const urlIds = query.url?.length ? await exactUrlIds(query.url, findUrls) : undefined;
        if (urlIds?.length === 0) return noArticles();
        const response = await articles.search(query.q, {
          ...articleSearchParams(query, urlIds),
          limit: query.limit,
          offset: query.offset,
          facets: ARTICLE_FACETS,
        });
        return toArticleResults(response, response.estimatedTotalHits ?? response.hits.length);
      }),

    recentArticles: (entityId, limit) =>
      guard(async () => {
        const response = await articles.search('', {
          filter: [`entities = ${quote(entityId)}`],
          sort: ['publishedTs:desc', 'seq:desc'],
          limit,
          attributesToRetrieve: ['id', 'title', 'published', 'source', 'url', 'lang'],
        });
        return response.hits;
      }),

    changedSince: (seq, limit) =>
      guard(async () => {
        const response = await articles.search('', {
          filter: buildFilter({ seqAbove: seq }),
          sort: ['seq:asc'],
          limit,
          attributesToRetrieve: ['id', 'seq'],
        });
        return response.hits;
      }),

    async *allArticles(pageSize = 1_000) {
      for (let offset = 0; ; offset += pageSize) {
        const page = await guard(() =>
          articles.getDocuments({ fields: [...GRAPH_FIELDS], limit: pageSize, offset }),
        );
        if (page.results.length > 0) yield page.results as GraphFields[];
        if (page.results.length < pageSize) return;
      }
    },

    async *articleIdsWhere(where, pageSize = 1_000) {
      const filter = whereFilter(where);
      for (let offset = 0; ; offset += pageSize) {
        const page = await guard(() =>
          articles.getDocuments({ filter, fields: ['id'], limit: pageSize, offset }),
        );
        if (page.results.length > 0) yield page.results.map((doc) => doc.id);
        if (page.results.length < pageSize) return;
      }
    },

    similarArticles: (bands, firstSeqBelow, limit) =>
      guard(async () => {
        if (bands.length === 0) return [];
        const response = await articles.search('', {
          filter: buildFilter({ bands, firstSeqBelow }),
          sort: ['firstSeq:desc'],
          limit,
          attributesToRetrieve: ['id', 'fingerprint', 'duplicateOf', 'firstSeq'],
        });
        return response.hits;
      }),

    duplicatesOf: (id, limit) =>
      guard(async () => {
        const response = await articles.search('', {
          filter: buildFilter({ duplicateOf: id }),
          sort: ['seq:asc'],
          limit,
          attributesToRetrieve: ['id', 'seq'],
        });
        return response.hits;
      }),

    upsertEntities: (docs) =>
      guard(async () => {
        if (docs.length === 0) return;
        const task = await settled(entityWrites.addDocuments([...docs], { primaryKey: 'id' }));
        if (task.status !== 'succeeded') {
          throw new NewsgraphError('search_error', `search: writing entities: ${taskError(task)}`);
        }
      }),

    searchEntities: (q, options) =>
      guard(async () => {
        const response = await entities.search(q, {
          filter: options.type ? [`type = ${quote(options.type)}`] : [],
          limit: options.limit,
        });
        return response.hits;
      }),

    graph: cacheGraphFacets(graph, cacheLimits(options.cacheMb)),
  };
}
