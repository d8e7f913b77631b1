// The list documents of the graph index (to-adjacency-deltas.ts): what a write replaces, the delta
// documents of a batch, compaction of a list whose deltas pile up, and reading lists back. The writer calls
// `current` before it deletes an article's old graph documents and sends the deltas in the same task as the
// new ones, so a crash never applies one without the other (docs/index-mode.md, "Crashes").
import type { EnqueuedTask, Index } from 'meilisearch';
import { NewsgraphError } from '../errors.js';
import { oneAtATime } from '../one-at-a-time.js';
import { quote } from './build-filter.js';
import type { FormatDocument } from './create-graph-index.js';
import { graphFilter } from './graph-filter.js';
import type { GraphDocument } from './to-graph-documents.js';
import type { CountedDocument, TotalDocument } from './to-total-deltas.js';
import { encodeAdjacency } from './adjacency-codec.js';
import { readEntityDocuments } from './read-entity-documents.js';
import { membersOf, sumAdjacency, type SummedAdjacency } from './sum-adjacency.js';
import { adjacencyKey, type AdjacencyDocument, type RelatedDocument } from './to-adjacency-deltas.js';

export const DEFAULTS = {
  /** A list with more deltas than this is summed into one document after the batch that passed it. */
  compactAfter: 16,
  /** Documents read per list; compaction keeps a list far below it, so more is an error, never a cut. */
  documentsPerList: 1_000,
  /** Old graph documents read per request. */
  readPage: 10_000,
  /** Entities whose lists one request of `readAdjacency` reads. */
  entitiesPerRead: 100,
  /** Entities per facet query when counting deltas, and lists per compaction task. */
  entitiesPerQuery: 500,
  listsPerCompaction: 50,
};

export type Search = (queries: Array<Record<string, unknown>>) => Promise<
  Array<{
    totalHits?: number;
    facetDistribution?: Record<string, Record<string, number>>;
    hits: Array<Record<string, unknown>>;
  }>
>;

type Wait = (task: Promise<EnqueuedTask>, what: string) => Promise<void>;

/** Every kind of document the graph index holds. */
export type GraphIndexDocument = GraphDocument | AdjacencyDocument | TotalDocument | FormatDocument;

/** The search that reads one entity's list documents (on one instance). */
export function adjacencyParams(entity: string, limits = DEFAULTS) {
  return {
    q: '',
    filter: ['kind = "list"', `entity = ${quote(entity)}`],
    page: 1,
    hitsPerPage: limits.documentsPerList,
    attributesToRetrieve: ['id', 'neighbors', 'counts', 'covered'],
  };
}

/** Sums the hits of `adjacencyParams`, refusing a list read in part. */
export function toAdjacency(
  result: { totalHits?: number; hits: Array<Record<string, unknown>> },
  entity: string,
): SummedAdjacency {
  if ((result.totalHits ?? 0) > result.hits.length) {
    throw new NewsgraphError(
      'graph_adjacency_limit',
      `graph index: the list of "${entity}" has ${result.totalHits} documents, more than are read at once`,
    );
  }
  return sumAdjacency(result.hits as unknown as AdjacencyDocument[]);
}

/**
 * The lists of `ids` on one instance, summed, read through the documents route (`entity IN [...]`, a batch
 * of `entitiesPerRead` entities a request): at 100,000 articles it returned 100 hubs' list documents (7.6 MB)
 * in about half the time of a multi-search of one query per entity, which passes every hit through search's
 * formatting. More than `documentsPerList` documents an entity on average is refused, never read in part.
 * With `among`, each list keeps only the neighbours in it (sumAdjacency).
 */
export async function readAdjacency(
  index: Index<GraphIndexDocument>,
  ids: readonly string[],
  limits = DEFAULTS,
  among?: ReadonlySet<string>,
): Promise<SummedAdjacency[]> {
  const read = {
    kinds: 'kind = "list"',
    fields: ['id', 'entity', 'neighbors', 'counts', 'covered'],
    entitiesPerRead: limits.entitiesPerRead,
    documentsPerEntity: limits.documentsPerList,
    code: 'graph_adjacency_limit',
    what: 'lists',
  };
  const members = among && membersOf(among);
  return readEntityDocuments(index as unknown as Index<AdjacencyDocument>, ids, read, (docs) =>
    sumAdjacency(docs, members),
  );
}

export function createAdjacencyStore(
  index: Index<GraphIndexDocument>,
  search: Search,
  wait: Wait,
  limits = DEFAULTS,
) {
  const read = async (ids: readonly string[]): Promise<SummedAdjacency[]> => {
    const results = await search(ids.map((id) => adjacencyParams(id, limits)));
    return ids.map((id, i) => toAdjacency(results[i] ?? { hits: [] }, id));
  };

  /** Sums the lists of these entities into one document each, then deletes the deltas it covers. */
  const compactLists = async (ids: readonly string[]): Promise<void> => {
    const lists = await read(ids);
    const bases: AdjacencyDocument[] = ids.map((entity, i) => {
      const list = lists[i] as SummedAdjacency;
      // Strongest first, so that a later reader could stop early; readers do not rely on the order.
      const neighbors = [...list.articles.keys()].sort(
        (a, b) => (list.articles.get(b) as number) - (list.articles.get(a) as number) || (a < b ? -1 : 1),
      );
      return {
        id: `${adjacencyKey(entity)}_base`,
        kind: 'list',
        entity,
        ...encodeAdjacency({
          neighbors,
          articles: neighbors.map((other) => list.articles.get(other) as number),
          sentences: neighbors.map((other) => list.sentences.get(other) ?? 0),
        }),
        covered: list.deltas,
      };
    });
    // One task replaces the lists; a crash before the delete leaves deltas that `covered` tells readers to skip.
    await wait(index.addDocuments(bases, { primaryKey: 'id' }), 'compacting lists');
    const covered = lists.flatMap((list) => list.deltas);
    if (covered.length > 0) await wait(index.deleteDocuments(covered), 'deleting compacted deltas');
  };

  /** The lists among `ids` that hold more than `compactAfter` deltas, compacted. */
  const compactOver = async (ids: readonly string[]): Promise<void> => {
    const over: string[] = [];
    for (let at = 0; at < ids.length; at += limits.entitiesPerQuery) {
      const batch = ids.slice(at, at + limits.entitiesPerQuery);
      const [result] = await search([
        {
          q: '',
          // Entity totals share the field (to-total-deltas.ts): only list documents count.
          filter: ['kind = "list"', `entity IN [${batch.map(quote).join(', ')}]`],
          facets: ['entity'],
          page: 1,
          hitsPerPage: 0,
        },
      ]);
      for (const [entity, documents] of Object.entries(result?.facetDistribution?.entity ?? {})) {
        if (documents > limits.compactAfter + 1) over.push(entity);
      }
    }
    for (let at = 0; at < over.length; at += limits.listsPerCompaction) {
      await compactLists(over.slice(at, at + limits.listsPerCompaction));
    }
  };

  // The pipeline keeps several writes in flight. A write of an article waits for the one before it (its old
  // version must be read once that one's documents are in), and compactions run one at a time (two of the
  // same list would each write it and delete the other's deltas).
  const writing = new Map<string, Promise<unknown>>();
  const inTurn = oneAtATime();

  return {
    read,

    /** Runs `work` once no earlier write of these articles is in flight. */
    async exclusive<T>(articleIds: readonly string[], work: () => Promise<T>): Promise<T> {
      const before = [...new Set(articleIds.flatMap((id) => writing.get(id) ?? []))];
      const done = Promise.allSettled(before).then(work);
      for (const id of articleIds) writing.set(id, done);
      try {
        return await done;
      } finally {
        for (const id of articleIds) if (writing.get(id) === done) writing.delete(id);
      }
    },

    /**
     * What the graph documents of these articles relate and count now: the version a write or a delete
     * replaces, for the deltas of lists and totals.
     */
    async current(articleIds: readonly string[]): Promise<Array<RelatedDocument & CountedDocument>> {
      if (articleIds.length === 0) return [];
      const filter = graphFilter({ kind: 'article', articles: articleIds }).slice(1).join(' AND ');
      const found: Array<RelatedDocument & CountedDocument> = [];
      for (let offset = 0; ; offset += limits.readPage) {
        const page = await index.getDocuments({
          filter,
          fields: ['kind', 'related', 'mentioned', 'tiers', 'seq'],
          limit: limits.readPage,
          offset,
        });
        found.push(...(page.results as unknown as Array<RelatedDocument & CountedDocument>));
        if (page.results.length < limits.readPage) return found;
      }
    },

    /** Compacts the lists among `entities` that hold more than `compactAfter` deltas, one call at a time. */
    compact(entities: Iterable<string>): Promise<void> {
      const ids = [...new Set(entities)];
      return inTurn(() => compactOver(ids));
    },
  };
}

export type AdjacencyStore = ReturnType<typeof createAdjacencyStore>;
