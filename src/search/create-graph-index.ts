// The graph index of one Meilisearch instance (`<prefix>graph`): written beside every article write and
// delete (create-search-index.ts), and read by index mode (src/graph-index/) through facet counts. A facet
// answer is complete or refused: a neighbour list ranked from cut counts would be silently wrong.
import { randomBytes } from 'node:crypto';
import type { EnqueuedTask, Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { EntityInfo } from '../entities/types.js';
import { NewsgraphError } from '../errors.js';
import { writerOf } from './create-meili-client.js';
import { ensureIndex } from './ensure-index.js';
import { guard } from './create-search-index.js';
import { graphFilter, type GraphWhere } from './graph-filter.js';
import { createAdjacencyStore, readAdjacency, type GraphIndexDocument } from './create-adjacency-store.js';
import { adjacencyFacetQueries, toCountedAdjacency } from './count-adjacency.js';
import {
  ALL_TOTALS_QUERIES,
  rankCountedTotals,
  toCountedTotals,
  totalsFacetQueries,
} from './count-totals.js';
import { createTotalsStore, type RankedTotal } from './create-totals-store.js';
import { entityInfoIn, takeKnown, type LatestSeen } from './latest-seen.js';
import { GRAPH_FACET_VALUES, GRAPH_SETTINGS } from './index-settings.js';
import type { AdjacencyList } from './sum-adjacency.js';
import { toAdjacencyDeltas, type RelatedDocument } from './to-adjacency-deltas.js';
import { toGraphDocuments } from './to-graph-documents.js';
import {
  toTotalDeltas,
  type CountedDocument,
  type EntityTotal,
  type TotalDocument,
} from './to-total-deltas.js';
import type { GraphFields } from './types.js';
import { waitForTask } from './wait-for-task.js';

export type GraphFacet = 'related' | 'mentioned' | 'tiers' | 'article' | 'pairs' | 'publishedTs';

export interface GraphFacetQuery {
  where: GraphWhere;
  facet?: GraphFacet;
}

export interface FacetAnswer {
  /** Documents matching. */
  total: number;
  /** The facet's value -> documents, every value (empty without a facet). */
  counts: Record<string, number>;
}

export interface ArticleDate {
  article: string;
  publishedTs: number | null;
  seq: number;
  /** The entities the document relates, when its query asked `withRelated`. */
  related?: string[];
}

/** A read of matching documents' articles, dates and write sequences (and with `withRelated`, entities). */
export interface ArticleDatesQuery {
  where: GraphWhere;
  limit: number;
  withRelated?: boolean;
}

export interface GraphIndex {
  /** One answer per query, in order. */
  facets(queries: readonly GraphFacetQuery[]): Promise<FacetAnswer[]>;
  /**
   * Per query, the matching documents' articles, dates and write sequences (a sentence document's are its
   * article's), at most `limit`, unsorted.
   */
  articleDates(queries: readonly ArticleDatesQuery[]): Promise<ArticleDate[][]>;
  /**
   * Each entity's neighbours with their article and sentence counts, from its list documents. With `among`,
   * only the neighbours in it are needed: the lists may leave out the others (or hold them all).
   */
  adjacency(ids: readonly string[], among?: ReadonlySet<string>): Promise<AdjacencyList[]>;
  /** The `related` entities of every matching document, one list per document, in no particular order. */
  relatedLists(where: GraphWhere): Promise<string[][]>;
  /** The newest publication date (epoch ms) of any article, or undefined when none is dated. */
  newestPublished(): Promise<number | undefined>;
  /**
   * Whether the graph index holds neighbour lists (an index written before them does not: it must be
   * rebuilt), and the highest write sequence of its articles.
   */
  status(): Promise<{ lists: boolean; newestSeq: number | undefined }>;
  /** Name and type of each entity as the last written article that mentions it gives them. */
  latestInfo(ids: readonly string[]): Promise<Map<string, EntityInfo>>;
  /**
   * What the entity totals tell of each one's last written article (latest-seen.ts), in order; undefined
   * when the index does not mark them current.
   */
  latestSeen(ids: readonly string[]): Promise<LatestSeen[] | undefined>;
  /** The articles and mentions of each entity, in order (zero for one no article mentions). */
  entityTotals(ids: readonly string[]): Promise<EntityTotal[]>;
  /** The `depth` most mentioned entities with their totals: most mentions first, ties by id. */
  mostMentioned(depth: number): Promise<RankedTotal[]>;
  /**
   * Changes whenever a document of the graph index changes (an article written or removed, a list written
   * or compacted, the format mark written or deleted): the time Meilisearch stamps the index with.
   */
  version(): Promise<string>;
  /** Replaces the graph documents of these articles (article writes do it; this is for a rebuild). */
  write(docs: readonly GraphFields[]): Promise<void>;
  /** Removes every graph document, before a rebuild. */
  reset(): Promise<void>;
}

export interface GraphIndexWriter extends GraphIndex {
  uid: string;
  setup(): Promise<void>;
  /** Removes the graph documents of these articles. */
  remove(articleIds: readonly string[]): Promise<void>;
}

/** A facet answer reached maxValuesPerFacet: its counts may be cut, so nothing is ranked from them. */
export class GraphFacetLimitError extends NewsgraphError {
  constructor(facet: string, limit: number) {
    super(
      'graph_facet_limit',
      `graph index: the facet "${facet}" has ${limit} values or more in one answer, so its counts may be cut`,
    );
  }
}

/**
 * Marks a graph index whose neighbour lists are current: written when a process that keeps lists creates or
 * resets it, deleted by every write and removal of a process that does not (they leave the lists behind).
 * `lists` is the version of the documents' layout: 2 since article documents carry `relatedTiers`, 3 since
 * list documents hold their pairs as text (adjacency-codec.ts), 4 since the index keeps entity totals
 * (to-total-deltas.ts). A mark of
 * another version is no mark, so index mode rebuilds an index written before (ensure-graph-index.ts).
 */
export interface FormatDocument {
  id: 'format';
  kind: 'format';
  lists: number;
}
export const FORMAT_DOCUMENT: FormatDocument = { id: 'format', kind: 'format', lists: 4 };
export const FORMAT_PARAMS = {
  q: '',
  filter: ['kind = "format"', `lists = ${FORMAT_DOCUMENT.lists}`],
  limit: 1,
  attributesToRetrieve: ['lists'],
};

export const DEFAULTS = {
  taskTimeoutMs: 10 * 60_000,
  /** Documents per page when every matching document is read (`relatedLists`). */
  readPage: 10_000,
  infoBatch: 200,
  queriesPerRequest: 100,
  /** Keep neighbour lists (GRAPH_MODE index or auto, which read them): every write costs about twice as much. */
  neighbourLists: false,
  /** A facet answer with this many values or more is refused (Meilisearch cuts at GRAPH_FACET_VALUES). */
  facetValues: GRAPH_FACET_VALUES,
};

/** A search's answer as the graph index reads it. */
export type RawResult = {
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  hits: Array<Record<string, unknown>>;
};

/** The request of a facet query: no hits, an exhaustive total. */
export function facetParams(query: GraphFacetQuery) {
  return {
    q: '',
    filter: graphFilter(query.where),
    facets: query.facet ? [query.facet] : [],
    page: 1,
    hitsPerPage: 0,
  };
}

/** Reads one facet answer, refusing a cut one. */
export function toFacetAnswer(result: RawResult, facet: GraphFacet | undefined): FacetAnswer {
  const counts = (facet && result.facetDistribution?.[facet]) || {};
  if (Object.keys(counts).length >= DEFAULTS.facetValues) {
    throw new GraphFacetLimitError(facet ?? '', DEFAULTS.facetValues);
  }
  return { total: result.totalHits ?? result.estimatedTotalHits ?? 0, counts };
}

/** The search of one `articleDates` query: no sort (a sort cost a scan of the dates per query). */
export function articleDatesParams(query: ArticleDatesQuery) {
  return {
    q: '',
    filter: graphFilter(query.where),
    limit: query.limit,
    attributesToRetrieve: ['article', 'publishedTs', 'seq', ...(query.withRelated ? ['related'] : [])],
  };
}

/** The search that finds the last written article document mentioning an entity. */
export function latestParams(id: string) {
  return {
    q: '',
    filter: graphFilter({ kind: 'article', mentioned: id }),
    sort: ['seq:desc'],
    limit: 1,
    attributesToRetrieve: ['seq', 'info'],
  };
}

/** The entity's own info in a latest-article hit, with that article's write sequence. */
export function infoOf(hit: Record<string, unknown> | undefined, id: string) {
  const info = entityInfoIn(hit?.info as EntityInfo[] | undefined, id);
  return info ? { info, seq: hit?.seq as number } : undefined;
}

/** A page of the documents `relatedLists` reads. */
export function relatedPageParams(where: GraphWhere, offset: number) {
  return {
    q: '',
    filter: graphFilter(where),
    offset,
    limit: DEFAULTS.readPage,
    attributesToRetrieve: ['related'],
  };
}

/** The newest dated article document. */
export const NEWEST_PARAMS = {
  q: '',
  filter: ['kind = "article"', 'publishedTs IS NOT NULL'],
  sort: ['publishedTs:desc'],
  limit: 1,
  attributesToRetrieve: ['publishedTs'],
};

/** The last written article document: its write sequence, for `status` (the start-up check). */
export const VERSION_PARAMS = {
  q: '',
  filter: ['kind = "article"'],
  sort: ['seq:desc'],
  limit: 1,
  attributesToRetrieve: ['seq'],
};

export function createGraphIndex(
  client: Meilisearch,
  prefix: string,
  options: { neighbourLists?: boolean } = {},
): GraphIndexWriter {
  const uid = `${prefix}graph`;
  const keepLists = options.neighbourLists ?? DEFAULTS.neighbourLists;
  // Writes go through a client with the longer time-out of writes (create-meili-client.ts).
  const writer = writerOf(client);
  const writes = writer.index<GraphIndexDocument>(uid);
  const reads = client.index<GraphIndexDocument>(uid);
  const settled = (enqueued: EnqueuedTask | Promise<EnqueuedTask>) =>
    waitForTask(writer, enqueued, DEFAULTS.taskTimeoutMs);
  const succeeded = (task: { status: string; error?: { message: string } | null }, what: string) => {
    if (task.status !== 'succeeded') {
      throw new NewsgraphError('search_error', `graph index: ${what}: ${task.error?.message ?? task.status}`);
    }
  };
  // A neighbourhood export asks a facet per member (up to a thousand questions): sent in requests of
  // `queriesPerRequest`, one after the other, so that no request runs into MEILI_TIMEOUT_MS on its own.
  const sendAll = async (queries: Array<Record<string, unknown>>): Promise<RawResult[]> => {
    const results: RawResult[] = [];
    for (let at = 0; at < queries.length; at += DEFAULTS.queriesPerRequest) {
      const response = await client.multiSearch({
        queries: queries
          .slice(at, at + DEFAULTS.queriesPerRequest)
          .map((query) => ({ indexUid: uid, ...query }) as MultiSearchQuery),
      });
      results.push(...(response.results as unknown as RawResult[]));
    }
    return results;
  };
  // Unreachable or too slow, Meilisearch answers 503 search_unavailable, not an internal error.
  const multi = (queries: Array<Record<string, unknown>>): Promise<RawResult[]> =>
    guard(() => sendAll(queries));

  // Meilisearch stamps an index with the time of every change to its documents (an add, a replacement, a
  // delete, the format mark's too), in the transaction of the change. Reading it is one small request; the
  // sorted search for the newest write sequence it replaces cost 2-35 ms at 100,000 articles, and index mode
  // asks for the version before every cached answer (docs/index-mode.md, "Latency at 100,000 articles").
  const version = async (): Promise<string> => String((await guard(() => client.getRawIndex(uid))).updatedAt);
  const facets = async (queries: readonly GraphFacetQuery[]): Promise<FacetAnswer[]> =>
    (await multi(queries.map(facetParams))).map((result, i) => toFacetAnswer(result, queries[i]?.facet));
  const wait = async (task: Promise<EnqueuedTask>, what: string) => succeeded(await settled(task), what);
  const lists = createAdjacencyStore(writes, multi, wait);
  const totals = createTotalsStore(
    { reads: client.index<TotalDocument>(uid), writes: writer.index<TotalDocument>(uid) },
    multi,
    wait,
  );
  /**
   * The list and total deltas of one batch, from what the articles' old graph documents related and counted
   * (`removed`) to what their new ones do (`added`), under one new batch id.
   */
  const batchDeltas = (
    removed: ReadonlyArray<RelatedDocument & CountedDocument>,
    added: ReadonlyArray<RelatedDocument & CountedDocument>,
  ) => {
    const batch = `${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
    return [...toAdjacencyDeltas(removed, added, batch), ...toTotalDeltas(removed, added, batch)];
  };
  /** Whether the format mark is there: read after lists or totals, it was there when they were read. */
  const isMarked = async () => ((await multi([FORMAT_PARAMS]))[0]?.hits.length ?? 0) > 0;
  /** Sums the lists and totals a batch's deltas touched, lists first (as before totals were kept). */
  const compact = async (deltas: ReadonlyArray<{ kind: string; entity: string }>) => {
    await lists.compact(deltas.flatMap((delta) => (delta.kind === 'list' ? [delta.entity] : [])));
    await totals.sum(deltas.flatMap((delta) => (delta.kind === 'totalDelta' ? [delta.entity] : [])));
  };
  const writeFormat = async () =>
    succeeded(await settled(writes.addDocuments([FORMAT_DOCUMENT])), 'marking the format');
  // Without lists, the delete of a write's old documents takes the format mark with it, in the same task: a
  // process that keeps lists may have rebuilt them (and marked them) since this one's set-up.
  const withoutMark = (filter: string) => (keepLists ? filter : `(${filter}) OR kind = "format"`);
  const latestSeenOf = async (ids: readonly string[]): Promise<LatestSeen[] | undefined> => {
    if (ids.length === 0) return [];
    // As for totals: without the mark they may be stale.
    const latest = await guard(() => totals.latest(ids));
    return (await isMarked()) ? latest : undefined;
  };

  return {
    uid,
    setup: async () => {
      const exists = await ensureIndex(writer, uid, GRAPH_SETTINGS, 'graph index', DEFAULTS.taskTimeoutMs);
      if (keepLists && !exists) await writeFormat();
      // A process without lists leaves the mark until it writes (each write and removal deletes it): an API
      // started in memory mode over an index-mode index does not make the next index-mode start rebuild.
    },

    write: async (docs) => {
      if (docs.length === 0) return;
      if (!keepLists) {
        // The delete clears sentences an earlier version had and this one lacks. Tasks run in the order they
        // are enqueued, so the add is sent only once the delete is enqueued (sent together, they raced, and a
        // delete enqueued second removed what the add wrote).
        const deleted = await writes.deleteDocuments({
          filter: withoutMark(graphFilterOfArticles(docs.map((doc) => doc.id))),
        });
        const added = await writes.addDocuments(docs.flatMap(toGraphDocuments), { primaryKey: 'id' });
        succeeded(await settled(deleted), 'deleting old documents');
        succeeded(await settled(added), 'writing documents');
        return;
      }
      // An id twice in a batch: Meilisearch keeps the last, and so must the lists.
      const latest = [...new Map(docs.map((doc) => [doc.id, doc])).values()];
      const ids = latest.map((doc) => doc.id);
      const deltas = await lists.exclusive(ids, async () => {
        // The delete clears sentences an earlier version had and this one lacks. Tasks run in the order
        // they are enqueued, so the add is sent only once the delete is enqueued (sent together, they raced,
        // and a delete enqueued second removed what the add wrote). The neighbour lists change by what the
        // old version related and the new one relates: the deltas travel in the add's task, so a crash
        // applies both or neither (docs/index-mode.md, "Crashes").
        const graphDocs = latest.flatMap(toGraphDocuments);
        const old = await lists.current(ids);
        const changes = batchDeltas(old, graphDocs);
        const deleted = await writes.deleteDocuments({ filter: graphFilterOfArticles(ids) });
        const added = await writes.addDocuments([...graphDocs, ...changes], { primaryKey: 'id' });
        succeeded(await settled(deleted), 'deleting old documents');
        succeeded(await settled(added), 'writing documents');
        return changes;
      });
      await compact(deltas);
    },

    reset: async () => {
      succeeded(await settled(writes.deleteAllDocuments()), 'deleting every document');
      if (keepLists) await writeFormat();
    },

    remove: async (articleIds) => {
      if (articleIds.length === 0) return;
      if (!keepLists) {
        const filter = withoutMark(graphFilterOfArticles(articleIds));
        succeeded(await settled(writes.deleteDocuments({ filter })), 'deleting documents');
        return;
      }
      const deltas = await lists.exclusive(articleIds, async () => {
        // Deltas first: a crash before the delete leaves graph documents of articles that are gone, which
        // the article count shows at the next start (ensure-graph-index.ts rebuilds).
        const old = await lists.current(articleIds);
        const changes = batchDeltas(old, []);
        if (changes.length > 0) {
          succeeded(await settled(writes.addDocuments(changes, { primaryKey: 'id' })), 'writing list deltas');
        }
        succeeded(
          await settled(writes.deleteDocuments({ filter: graphFilterOfArticles(articleIds) })),
          'deleting documents',
        );
        return changes;
      });
      await compact(deltas);
    },

    adjacency: async (ids, among) => {
      // The mark is read after the lists: present then, it was present when they were read. Absent, the
      // lists are stale or missing and the facets count them.
      const lists = await guard(() => readAdjacency(reads, ids, undefined, among));
      if (!(await isMarked())) {
        return toCountedAdjacency(ids, await facets(adjacencyFacetQueries(ids)));
      }
      return lists.map(({ articles, sentences }) => ({ articles, sentences }));
    },

    status: async () => {
      const [format, newest] = await multi([FORMAT_PARAMS, VERSION_PARAMS]);
      return { lists: (format?.hits.length ?? 0) > 0, newestSeq: newest?.hits[0]?.seq as number | undefined };
    },

    facets,

    articleDates: async (queries) =>
      (await multi(queries.map(articleDatesParams))).map((result) => result.hits as unknown as ArticleDate[]),

    relatedLists: async (where) => {
      const lists: string[][] = [];
      for (let offset = 0; ; offset += DEFAULTS.readPage) {
        const [page] = await multi([relatedPageParams(where, offset)]);
        const hits = page?.hits ?? [];
        for (const hit of hits) lists.push((hit.related as string[] | undefined) ?? []);
        if (hits.length < DEFAULTS.readPage) return lists;
      }
    },

    newestPublished: async () => {
      const [newest] = await multi([NEWEST_PARAMS]);
      return (newest?.hits[0]?.publishedTs as number | undefined) ?? undefined;
    },

    latestInfo: async (ids) => {
      const found = new Map<string, EntityInfo>();
      // The totals tell the last written article of most entities, all in one read (latest-seen.ts).
      const latest = await latestSeenOf(ids);
      const searched = latest ? ids.filter((id, i) => !takeKnown(found, id, latest[i] as LatestSeen)) : ids;
      // The rest: one search per entity, a batch per request (a page of the articles mentioning any of them,
      // newest first, carried every article's whole entity list and cost seconds for entities last seen long ago).
      for (let at = 0; at < searched.length; at += DEFAULTS.infoBatch) {
        const batch = searched.slice(at, at + DEFAULTS.infoBatch);
        const results = await multi(batch.map(latestParams));
        batch.forEach((id, i) => {
          const latest = infoOf(results[i]?.hits[0], id);
          if (latest) found.set(id, latest.info);
        });
      }
      return found;
    },

    latestSeen: latestSeenOf,

    version,

    entityTotals: async (ids) => {
      // As for lists: without the mark the totals may be stale, and facets count them.
      const read = await guard(() => totals.read(ids));
      if (await isMarked()) return read;
      return toCountedTotals(ids, await facets(totalsFacetQueries(ids)));
    },

    mostMentioned: async (depth) => {
      const ranked = await guard(() => totals.top(depth));
      if (await isMarked()) return ranked;
      return rankCountedTotals(await facets(ALL_TOTALS_QUERIES), depth);
    },
  };
}

/** Both kinds of graph documents of these articles. */
function graphFilterOfArticles(articleIds: readonly string[]): string {
  return graphFilter({ kind: 'article', articles: articleIds }).slice(1).join(' AND ');
}
