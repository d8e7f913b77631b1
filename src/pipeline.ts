// The story of the product: records -> validated articles -> entity mentions -> Meilisearch documents ->
// co-occurrence graph. Batches are extracted on worker threads while Meilisearch indexes the ones before;
// they are written in reading order, and the graph only gets what Meilisearch accepted.
import { createDuplicateFinder, type DuplicateFinder } from './dedup/find-duplicates.js';
import type { ExtractionOutcome, ExtractMany } from './entities/extraction-pool.js';
import type { EntityInfo } from './entities/types.js';
import { addArticle } from './graph/add-article.js';
import type { CooccurrenceGraph } from './graph/types.js';
import type { Article, IngestItem, RecordLocation } from './ingest/types.js';
import type { SearchIndex } from './search/create-search-index.js';
import { toArticleDocument } from './search/to-article-document.js';
import type { ArticleDocument } from './search/types.js';

export interface Rejection {
  where: RecordLocation;
  id?: string;
  reason: string;
  /** A stable code where the reason has one (a refused fetch: url_not_allowed, fetch_timeout, …). */
  code?: string;
}

export interface IndexSummary {
  read: number;
  indexed: number;
  rejected: number;
}

export interface PipelineDeps {
  extractMany: ExtractMany;
  search: SearchIndex;
  nextSeq: () => number;
  /** The API's graph; the CLI has none (the API picks its writes up from the index). */
  graph?: CooccurrenceGraph;
  /** Applies the curation log's corrections to a freshly extracted article (src/curation/). */
  correct?: (doc: ArticleDocument) => ArticleDocument;
  /** Provisional entities already written to the entity index by this process. */
  knownEntities?: Set<string>;
  /** Marks copies of a story (duplicateOf); one per process, so concurrent runs see each other's writes. */
  duplicates?: DuplicateFinder;
  batchSize?: number;
  onReject?: (rejection: Rejection) => void;
  onProgress?: (summary: IndexSummary) => void;
}

/**
 * Batches of 500 with up to 6 writes queued let Meilisearch merge several batches into one indexing run
 * (its per-run cost is high) while memory stays bounded by 6 x 500 prepared documents; up to 3 batches
 * are being extracted at once, so a worker never waits for the reader.
 */
export const DEFAULTS = { batchSize: 500, writesInFlight: 6, extractionsInFlight: 3, entityBatch: 5_000 };

type Pending = Array<{ article: Article; where: RecordLocation }>;

/** Indexes every record; bad ones are reported through onReject and counted, the rest are indexed. */
export async function indexArticles(
  deps: PipelineDeps,
  items: AsyncIterable<IngestItem>,
): Promise<IndexSummary> {
  const { extractMany, search, graph, nextSeq, onReject, onProgress } = deps;
  const knownEntities = deps.knownEntities ?? new Set<string>();
  const duplicates = deps.duplicates ?? createDuplicateFinder(search);
  const summary: IndexSummary = { read: 0, indexed: 0, rejected: 0 };
  const reject = (rejection: Rejection): void => {
    summary.rejected += 1;
    onReject?.(rejection);
  };
  let pending: Pending = [];
  let previous: Promise<void> = Promise.resolve();
  const inFlight: Array<Promise<void>> = [];
  const extracting: Array<Promise<{ records: Pending; outcomes: ExtractionOutcome[] }>> = [];

  // Provisional entities are written to the entity index in bulk, not per batch: a task on another index
  // between article batches would keep Meilisearch from merging those batches.
  const freshEntities = new Map<string, EntityInfo>();
  const writeEntities = async (): Promise<void> => {
    const docs = [...freshEntities.values()].map((info) => ({ ...info, aliases: [], wikidata: null }));
    freshEntities.clear();
    await search.upsertEntities(docs);
    docs.forEach((doc) => knownEntities.add(doc.id));
  };

  const flush = (entries: Array<{ doc: ArticleDocument; where: RecordLocation }>): Promise<void> => {
    const before = previous;
    for (const { doc } of entries) {
      for (const info of doc.entityInfo) {
        if (info.id.startsWith('prov-') && !knownEntities.has(info.id)) freshEntities.set(info.id, info);
      }
    }
    const docs = entries.map((entry) => entry.doc);
    const done = (async () => {
      const { failed } = await search.addArticles(docs).finally(() => duplicates.settle(docs));
      // The graph takes batches in reading order, and takes this one whether or not an earlier write failed:
      // what Meilisearch accepted is in the graph (that failure is thrown where the earlier write is awaited).
      await before.catch(() => undefined);
      const failedIds = new Map(failed.map((failure) => [failure.id, failure.reason]));
      for (const { doc, where } of entries) {
        const reason = failedIds.get(doc.id);
        if (reason !== undefined) {
          reject({ where, id: doc.id, reason: `Meilisearch refused it: ${reason}` });
          continue;
        }
        summary.indexed += 1;
        if (graph) addArticle(graph, doc);
      }
      onProgress?.(summary);
    })();
    previous = done;
    // Up to six writes are under way and only the oldest is awaited: a later one failing first must not be
    // an unhandled rejection (it ended a 10,000-page run with a crash); it is thrown where it is awaited.
    done.catch(() => undefined);
    return done;
  };

  const extract = (records: Pending): void => {
    const outcomes = extractMany(records.map(({ article }) => ({ text: article.body, lang: article.lang })));
    const extracted = outcomes.then((done) => ({ records, outcomes: done }));
    extracted.catch(() => undefined); // thrown where it is awaited, as a write's failure is
    extracting.push(extracted);
  };
  // Sequence numbers are given here, in reading order, so that they grow in the order of the writes.
  const writeNext = async (): Promise<void> => {
    const { records, outcomes } = await (extracting.shift() as (typeof extracting)[number]);
    const entries = records.flatMap(({ article, where }, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        const doc = toArticleDocument(article, outcome.extraction, nextSeq());
        return [{ doc: deps.correct ? deps.correct(doc) : doc, where }];
      }
      reject({ where, id: article.id, reason: `extraction failed: ${outcome?.reason ?? 'no result'}` });
      return [];
    });
    await duplicates.mark(entries.map((entry) => entry.doc));
    if (entries.length > 0) inFlight.push(flush(entries));
    if (inFlight.length >= DEFAULTS.writesInFlight) await inFlight.shift();
    if (freshEntities.size >= DEFAULTS.entityBatch) await writeEntities();
  };

  try {
    for await (const item of items) {
      summary.read += 1;
      if (!item.ok) {
        reject({ where: item.where, id: item.id, reason: item.reason, code: item.code });
        continue;
      }
      pending.push({ article: item.article, where: item.where });
      if (pending.length >= (deps.batchSize ?? DEFAULTS.batchSize)) {
        extract(pending);
        pending = [];
        if (extracting.length >= DEFAULTS.extractionsInFlight) await writeNext();
      }
    }
    if (pending.length > 0) extract(pending);
    while (extracting.length > 0) await writeNext();
    await Promise.all(inFlight);
    await writeEntities();
  } catch (cause) {
    // Meilisearch failed: let the writes under way settle, so the graph holds exactly what was indexed.
    await Promise.allSettled([...extracting, ...inFlight]);
    throw cause;
  }
  return summary;
}
