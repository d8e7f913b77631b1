// The entity totals of one graph index (to-total-deltas.ts): the deltas of a batch, summed into one document
// per entity right after it, the totals of given entities read back, and the most mentioned entities read in
// order of the summed documents' sortable `mentions`. Readers never need a facet of every entity: at a
// million realistic articles that facet would hold 1.4M values, past the limit of one answer.
import type { EnqueuedTask, Index } from 'meilisearch';
import { oneAtATime } from '../one-at-a-time.js';
import type { Search } from './create-adjacency-store.js';
import { latestSeen, type LatestSeen } from './latest-seen.js';
import { readEntityDocuments } from './read-entity-documents.js';
import { sumTotals, totalKey, type EntityTotal, type TotalDocument } from './to-total-deltas.js';

export const DEFAULTS = {
  /** Entities whose total documents one request reads. */
  entitiesPerRead: 1_000,
  /** Documents read per entity at most (the summed one and the deltas of writes in flight); more is refused. */
  documentsPerEntity: 20,
  /** Reads sent at once: 30 reads of 1,000 entities took 205-262 ms four at a time, 367-425 one at a time. */
  readsAtOnce: 4,
  /** Deltas or summed documents read per page when ranking. */
  readPage: 10_000,
};

type Wait = (task: Promise<EnqueuedTask>, what: string) => Promise<void>;

/** An entity with its totals on one instance (or summed over all). */
export interface RankedTotal extends EntityTotal {
  id: string;
}

/** Most mentions first, ties by id: memory mode's order of GET /entities. */
export const byMentions = (a: RankedTotal, b: RankedTotal): number =>
  b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createTotalsStore(
  indexes: { reads: Index<TotalDocument>; writes: Index<TotalDocument> },
  search: Search,
  wait: Wait,
  limits = DEFAULTS,
) {
  /** Each entity's summed total and the ids of its deltas, in the order of `ids`. */
  const read = {
    kinds: 'kind IN ["total", "totalDelta"]',
    fields: ['id', 'kind', 'entity', 'articles', 'mentions', 'change', 'covered'],
    entitiesPerRead: limits.entitiesPerRead,
    documentsPerEntity: limits.documentsPerEntity,
    code: 'graph_total_limit',
    what: 'totals',
    atOnce: limits.readsAtOnce,
  };
  // The last written article's fields (a name each) only where it is asked for or summed: a depth-2 view
  // reads the totals of tens of thousands of entities for their articles alone.
  const seenFields = ['seen', 'gone', 'bound'];
  const readSums = (index: Index<TotalDocument>, ids: readonly string[]) =>
    readEntityDocuments(index, ids, read, sumTotals);
  const readLatest = (index: Index<TotalDocument>, ids: readonly string[]) =>
    readEntityDocuments(
      index,
      ids,
      { ...read, fields: ['id', 'kind', 'entity', 'covered', ...seenFields] },
      latestSeen,
    );

  /** Every entity that has deltas not yet summed (writes in flight, or a summing cut short). */
  const withDeltas = async (): Promise<string[]> => {
    const found = new Set<string>();
    for (let offset = 0; ; offset += limits.readPage) {
      const page = await indexes.reads.getDocuments<TotalDocument>({
        filter: 'kind = "totalDelta"',
        fields: ['entity'],
        limit: limits.readPage,
        offset,
      });
      for (const doc of page.results) found.add(doc.entity);
      if (page.results.length < limits.readPage) return [...found];
    }
  };

  /** The summed documents from `offset`, most mentions first (ties in no particular order). */
  const summedPage = async (offset: number, limit: number): Promise<RankedTotal[]> => {
    const [result] = await search([
      {
        q: '',
        filter: ['kind = "total"'],
        sort: ['mentions:desc'],
        offset,
        limit,
        attributesToRetrieve: ['entity', 'articles', 'mentions'],
      },
    ]);
    return (result?.hits ?? []).map((hit) => ({
      id: hit.entity as string,
      articles: hit.articles as number,
      mentions: hit.mentions as number,
    }));
  };

  const inTurn = oneAtATime();

  /** Sums the deltas of these entities into one document each, then deletes the deltas (and zero totals). */
  const sumInto = async (entities: readonly string[]): Promise<void> => {
    const sums = await readEntityDocuments(
      indexes.writes,
      entities,
      { ...read, fields: [...read.fields, ...seenFields] },
      (docs) => ({ ...sumTotals(docs), latest: latestSeen(docs) }),
    );
    const bases: TotalDocument[] = [];
    const gone: string[] = [];
    entities.forEach((entity, i) => {
      const sum = sums[i] as (typeof sums)[number];
      if (sum.deltas.length === 0) return;
      gone.push(...sum.deltas);
      // An entity no article mentions any more has no document: its summed one goes with its deltas, at once.
      if (sum.articles === 0 && sum.mentions === 0) gone.push(`${totalKey(entity)}_base`);
      else {
        const { articles, mentions, deltas, latest } = sum;
        bases.push({
          id: `${totalKey(entity)}_base`,
          kind: 'total',
          entity,
          articles,
          mentions,
          covered: deltas,
          // The last written article when known; else no article was written after `bound` (JSON has no
          // Infinity: a summed document with neither knows nothing).
          ...(latest.seen ? { seen: latest.seen } : Number.isFinite(latest.bound) && { bound: latest.bound }),
        });
      }
    });
    // One task replaces the sums; a crash before the delete leaves deltas that `covered` tells readers to skip.
    if (bases.length > 0)
      await wait(indexes.writes.addDocuments(bases, { primaryKey: 'id' }), 'summing totals');
    if (gone.length > 0) await wait(indexes.writes.deleteDocuments(gone), 'deleting summed total deltas');
  };

  return {
    /** Sums the deltas of these entities, one call at a time (two at once would delete each other's deltas). */
    sum(entities: Iterable<string>): Promise<void> {
      const ids = [...new Set(entities)];
      return inTurn(async () => (ids.length > 0 ? sumInto(ids) : undefined));
    },

    /** The totals of `ids` on this instance (zero for an entity no article mentions). */
    async read(ids: readonly string[]): Promise<EntityTotal[]> {
      return (await readSums(indexes.reads, ids)).map(({ articles, mentions }) => ({ articles, mentions }));
    },

    /** What this instance's totals tell of the last written article of each of `ids` (latest-seen.ts). */
    async latest(ids: readonly string[]): Promise<LatestSeen[]> {
      return readLatest(indexes.reads, ids);
    },

    /**
     * The `depth` most mentioned entities on this instance, exactly, ties by id. The summed documents are read
     * in order of `mentions` until the `depth`-th is passed by a lower count; entities with deltas not yet
     * summed (few but for writes in flight) are read whole and ranked among them.
     */
    async top(depth: number): Promise<RankedTotal[]> {
      const pending = await withDeltas();
      const skip = new Set(pending);
      const exact = await readSums(indexes.reads, pending);
      const ranked: RankedTotal[] = pending.flatMap((id, i) => {
        const { articles, mentions } = exact[i] as EntityTotal;
        return articles > 0 ? [{ id, articles, mentions }] : [];
      });
      const page = Math.min(limits.readPage, Math.max(100, 2 * depth));
      const summed: RankedTotal[] = [];
      for (let offset = 0; depth > 0; offset += page) {
        const hits = await summedPage(offset, page);
        for (const hit of hits) if (!skip.has(hit.id)) summed.push(hit);
        const kth = summed[depth - 1];
        // Past the `depth`-th by a lower count: no later document ties with it or ranks above it.
        if (hits.length < page || (kth && (hits.at(-1)?.mentions ?? 0) < kth.mentions)) break;
      }
      return [...ranked, ...summed].sort(byMentions).slice(0, depth);
    },
  };
}

export type TotalsStore = ReturnType<typeof createTotalsStore>;
