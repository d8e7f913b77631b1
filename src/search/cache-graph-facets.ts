// Facet answers, neighbour lists, entity totals, the most mentioned, evidence dates and entity names of the
// graph index, kept until the index changes. A hub's neighbour list holds up to hundreds of thousands of
// values (a facet over a date range costs Meilisearch hundreds of milliseconds at 100k articles,
// docs/scaling.md); index mode asks it again for the card, the neighbours and every neighbourhood export the
// hub is in, and an export names every member (one search per entity). Each question first reads the graph
// index's version (the time of its last change, one small request), and any change empties the cache, so an
// answer is never older than the index it was read from. The least recently used answers go first once
// they take three quarters of `maxBytes` (GRAPH_CACHE_MB), estimated from their values; names are dropped
// all at once past the last quarter.
import { createHash } from 'node:crypto';
import type { EntityInfo } from '../entities/types.js';
import type {
  ArticleDate,
  ArticleDatesQuery,
  FacetAnswer,
  GraphFacetQuery,
  GraphIndex,
} from './create-graph-index.js';
import type { RankedTotal } from './create-totals-store.js';
import type { AdjacencyList } from './sum-adjacency.js';
import type { EntityTotal } from './to-total-deltas.js';

export const DEFAULTS = { maxBytes: 32 * 1024 * 1024 };

/**
 * The heap one kept value takes, in bytes: measured by filling the cache at 100,000 articles with the bench's
 * ids (`e` and up to six digits; `heapUsed` after full collections; docs/index-mode.md, session 21). Longer
 * ids take more.
 */
export const VALUE_BYTES = { list: 72, facet: 57, date: 77, total: 156, name: 142 };

/** The same for the same entities in any order. */
function digestOf(ids: ReadonlySet<string>): string {
  const hash = createHash('sha1');
  for (const id of [...ids].sort()) hash.update(`${id.length}:${id}`);
  return hash.digest('hex');
}

/** The limits of a cache of `cacheMb` MiB (GRAPH_CACHE_MB), or the default. */
export function cacheLimits(cacheMb: number | undefined): typeof DEFAULTS {
  return cacheMb === undefined ? DEFAULTS : { maxBytes: cacheMb * 1024 * 1024 };
}

/** `graph` with its facet answers and entity names kept while its version holds. */
export function cacheGraphFacets<T extends GraphIndex>(graph: T, limits = DEFAULTS): T {
  // Query -> its answer and the bytes it is taken to hold, most recently used last.
  type Entry = { answer: unknown; size: number };
  const kept = new Map<string, Entry>();
  const answersBytes = (limits.maxBytes * 3) / 4;
  const namesBytes = limits.maxBytes / 4;
  // Entity id -> name and type (null: no article mentions it), as latestInfo answered.
  const infos = new Map<string, EntityInfo | null>();
  let version: string | undefined;
  let held = 0;

  /** Empties the cache when the graph index changed since it was filled. */
  const check = async (): Promise<void> => {
    const current = await graph.version();
    if (current === version) return;
    kept.clear();
    infos.clear();
    held = 0;
    version = current;
  };

  const latestInfo = async (ids: readonly string[]): Promise<Map<string, EntityInfo>> => {
    await check();
    const missing = [...new Set(ids.filter((id) => !infos.has(id)))];
    const found = missing.length > 0 ? await graph.latestInfo(missing) : new Map<string, EntityInfo>();
    // The answer before the cache changes: a call past the names' share clears those it was to answer from.
    const answer = new Map<string, EntityInfo>();
    for (const id of ids) {
      const info = infos.get(id) ?? found.get(id);
      if (info) answer.set(id, info);
    }
    // Names are a few bytes an entity: dropped all at once past their share rather than one by one.
    if ((infos.size + missing.length) * VALUE_BYTES.name > namesBytes) infos.clear();
    for (const id of missing) infos.set(id, found.get(id) ?? null);
    return answer;
  };

  /** Answers by key from the cache, fetching the missing ones in one call; least recently used dropped. */
  const cached = async <A>(
    keys: readonly string[],
    fetch: (missing: number[]) => Promise<A[]>,
    sizeOf: (answer: A) => number,
  ): Promise<A[]> => {
    await check();
    const missing = keys.flatMap((key, i) => (kept.has(key) ? [] : [i]));
    const fetched = missing.length > 0 ? await fetch(missing) : [];
    const entries = keys.map((key) => kept.get(key));
    missing.forEach((i, k) => {
      const answer = fetched[k] as A;
      entries[i] = { answer, size: sizeOf(answer) };
    });
    // A hit moves to the end; the oldest are dropped from the front.
    keys.forEach((key, i) => {
      const entry = entries[i] as Entry;
      if (kept.delete(key)) held -= entry.size;
      if (entry.size > answersBytes) return;
      kept.set(key, entry);
      held += entry.size;
    });
    for (const [key, entry] of kept) {
      if (held <= answersBytes) break;
      kept.delete(key);
      held -= entry.size;
    }
    return entries.map((entry) => (entry as Entry).answer as A);
  };

  const facets = (queries: readonly GraphFacetQuery[]): Promise<FacetAnswer[]> =>
    cached(
      queries.map((query) => JSON.stringify(query)),
      (missing) => graph.facets(missing.map((i) => queries[i] as GraphFacetQuery)),
      (answer) => (1 + Object.keys(answer.counts).length) * VALUE_BYTES.facet,
    );

  // A list read for `among` holds only those neighbours: kept under the set's digest, never as the whole list.
  const adjacency = (ids: readonly string[], among?: ReadonlySet<string>): Promise<AdjacencyList[]> => {
    const scope = among ? ['among', digestOf(among)] : ['list'];
    return cached(
      ids.map((id) => JSON.stringify([...scope, id])),
      (missing) =>
        graph.adjacency(
          missing.map((i) => ids[i] as string),
          among,
        ),
      (list) => (1 + list.articles.size) * VALUE_BYTES.list,
    );
  };

  // Evidence reads (dates and write sequences of articles): one value per article, and one per entity each
  // relates when the query asked for them.
  const articleDates = (queries: readonly ArticleDatesQuery[]): Promise<ArticleDate[][]> =>
    cached(
      queries.map((query) => JSON.stringify(['dates', query])),
      (missing) => graph.articleDates(missing.map((i) => queries[i] as ArticleDatesQuery)),
      (dates) =>
        (1 + dates.length) * VALUE_BYTES.date +
        dates.reduce((sum, date) => sum + (date.related?.length ?? 0), 0) * VALUE_BYTES.list,
    );

  // An entity's totals are one value: a depth-2 view reads those of every entity in its part.
  const entityTotals = (ids: readonly string[]): Promise<EntityTotal[]> =>
    cached(
      ids.map((id) => JSON.stringify(['total', id])),
      (missing) => graph.entityTotals(missing.map((i) => ids[i] as string)),
      () => VALUE_BYTES.total,
    );

  const mostMentioned = async (depth: number): Promise<RankedTotal[]> =>
    (
      await cached(
        [JSON.stringify(['top', depth])],
        async () => [await graph.mostMentioned(depth)],
        (ranked) => (1 + ranked.length) * VALUE_BYTES.total,
      )
    )[0] as RankedTotal[];

  return { ...graph, facets, adjacency, articleDates, latestInfo, entityTotals, mostMentioned };
}
