// The graph index over several Meilisearch instances (MEILI_REMOTES): each holds the graph documents of its
// own articles (create-search-index.ts writes them beside the articles). Facet queries and evidence dates go
// to every instance at once, one multi-search each, and their counts are summed here, as are the entity
// totals each instance keeps of its own articles; entity names are read from every instance and the last
// written wins, as on one instance.
import type { MultiSearchQuery } from 'meilisearch';
import type { EntityInfo } from '../entities/types.js';
import { SearchUnavailableError } from '../errors.js';
import {
  DEFAULTS as GRAPH_DEFAULTS,
  facetParams,
  infoOf,
  latestParams,
  articleDatesParams,
  NEWEST_PARAMS,
  relatedPageParams,
  type ArticleDate,
  toFacetAnswer,
  FORMAT_PARAMS,
  type FacetAnswer,
  type GraphFacetQuery,
  type GraphIndex,
  type RawResult,
} from './create-graph-index.js';
import { readAdjacency, type GraphIndexDocument } from './create-adjacency-store.js';
import { adjacencyFacetQueries, toCountedAdjacency } from './count-adjacency.js';
import type { Shard } from './create-sharded-search-index.js';
import { guard } from './create-search-index.js';
import { rankOverShards } from './rank-over-shards.js';
import { latestOverInstances, takeKnown, type LatestSeen } from './latest-seen.js';
import type { EntityTotal } from './to-total-deltas.js';
import { shardOf } from './shard-of.js';
import { mergeAdjacency } from './sum-adjacency.js';
import type { AdjacencyList } from './sum-adjacency.js';
import type { GraphFields } from './types.js';

type Federated = {
  hits: Array<Record<string, unknown>>;
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  remoteErrors?: Record<string, { code?: string } | undefined>;
};

/** The answers of the same facet query on each shard, as one: totals and counts summed. */
function sumFacetAnswers(answers: readonly FacetAnswer[]): FacetAnswer {
  const [first, ...rest] = answers;
  if (!first || rest.length === 0) return first ?? { total: 0, counts: {} };
  const counts = { ...first.counts };
  let total = first.total;
  for (const answer of rest) {
    total += answer.total;
    for (const [value, count] of Object.entries(answer.counts)) counts[value] = (counts[value] ?? 0) + count;
  }
  return { total, counts };
}

/** Reads over `shards`; writes go to `parts`, the graph index of each shard, by article id. */
export function createShardedGraphIndex(
  shards: readonly Shard[],
  parts: readonly GraphIndex[],
  prefix: string,
): GraphIndex {
  const [self] = shards;
  if (!self) throw new Error('createShardedGraphIndex: needs shards');
  const uid = `${prefix}graph`;

  /** One query over every shard, merged by the first; a shard that fails fails the answer. */
  const federated = async (
    params: Record<string, unknown>,
    federation: Record<string, unknown>,
  ): Promise<Federated> => {
    const response = (await self.client.multiSearch({
      federation,
      queries: shards.map((shard) => ({
        indexUid: uid,
        ...params,
        federationOptions: { remote: shard.name },
      })),
    } as never)) as unknown as Federated;
    const failed = Object.entries(response.remoteErrors ?? {});
    if (failed.length > 0) {
      const which = failed.map(([name, error]) => `${name} (${error?.code ?? 'error'})`).join(', ');
      throw new SearchUnavailableError(`graph index: shard ${which} did not answer`);
    }
    return response;
  };

  /**
   * The same searches on every shard, one multi-search per shard (in requests of `queriesPerRequest`), the
   * shards asked at once: each shard's answers, in order. A neighbour question's facets and evidence dates
   * are tens of searches; sent as one federated search each, a neighbour question on two instances took
   * 1.1 s at p50 where one instance took 85 ms (100,000 articles, docs/index-mode.md, session 17).
   */
  const onEveryShard = (params: Array<Record<string, unknown>>): Promise<RawResult[][]> =>
    Promise.all(
      shards.map(async (shard) => {
        const results: RawResult[] = [];
        for (let at = 0; at < params.length; at += GRAPH_DEFAULTS.queriesPerRequest) {
          const response = await shard.client.multiSearch({
            queries: params
              .slice(at, at + GRAPH_DEFAULTS.queriesPerRequest)
              .map((query) => ({ indexUid: uid, ...query }) as MultiSearchQuery),
          });
          results.push(...(response.results as unknown as RawResult[]));
        }
        return results;
      }),
    );
  /** Whether every instance marks its lists current (create-graph-index.ts, FORMAT_DOCUMENT). */
  const marked = async (): Promise<boolean> => {
    const { limit: _limit, attributesToRetrieve: _fields, ...params } = FORMAT_PARAMS;
    const marks = await federated(params, { limit: 0 });
    return (marks.totalHits ?? marks.estimatedTotalHits ?? 0) >= shards.length;
  };
  // Each instance's own version (the time of its last change): any instance's change changes the whole.
  const version = async (): Promise<string> =>
    (await Promise.all(parts.map((part) => part.version()))).join(' ');
  /** What the instances' totals tell of each entity's last written article, over them all. */
  const latestSeen = async (ids: readonly string[]): Promise<LatestSeen[] | undefined> => {
    const perShard = await Promise.all(parts.map((part) => part.latestSeen(ids)));
    if (perShard.some((latest) => latest === undefined)) return undefined;
    return ids.map((_, i) => latestOverInstances(perShard.map((latest) => latest?.[i] as LatestSeen)));
  };
  /** Each instance's totals of its own articles, added up. */
  const entityTotals = async (ids: readonly string[]): Promise<EntityTotal[]> => {
    const perShard = await Promise.all(parts.map((part) => part.entityTotals(ids)));
    return ids.map((_, i) => {
      const sum = { articles: 0, mentions: 0 };
      for (const totals of perShard) {
        sum.articles += totals[i]?.articles ?? 0;
        sum.mentions += totals[i]?.mentions ?? 0;
      }
      return sum;
    });
  };
  // Each shard's answer is complete or refused (toFacetAnswer); the shards' counts add up.
  const facets = (queries: readonly GraphFacetQuery[]) =>
    guard(async () => {
      const answers = await onEveryShard(queries.map(facetParams));
      return queries.map((query, i) =>
        sumFacetAnswers(answers.map((results) => toFacetAnswer(results[i] ?? { hits: [] }, query.facet))),
      );
    });

  return {
    write: async (docs) => {
      const groups = parts.map(() => [] as GraphFields[]);
      for (const doc of docs) groups[shardOf(doc.id, parts.length)]?.push(doc);
      await Promise.all(groups.map((group, i) => (group.length > 0 ? parts[i]?.write(group) : undefined)));
    },

    reset: async () => {
      await Promise.all(parts.map((part) => part.reset()));
    },

    facets,

    // The shards hold different articles: together their hits are every match, at most `limit`.
    articleDates: (queries) =>
      guard(async () => {
        const answers = await onEveryShard(queries.map(articleDatesParams));
        return queries.map((query, i) =>
          answers
            .flatMap((results) => (results[i]?.hits ?? []) as unknown as ArticleDate[])
            .slice(0, query.limit),
        );
      }),

    relatedLists: (where) =>
      guard(async () => {
        // Each instance pages through its own documents; together they are every matching document.
        const perShard = await Promise.all(
          shards.map(async (shard) => {
            const lists: string[][] = [];
            for (let offset = 0; ; offset += GRAPH_DEFAULTS.readPage) {
              const answer = await shard.client.multiSearch({
                queries: [{ indexUid: uid, ...relatedPageParams(where, offset) }],
              });
              const hits = (answer.results[0]?.hits ?? []) as Array<Record<string, unknown>>;
              for (const hit of hits) lists.push((hit.related as string[] | undefined) ?? []);
              if (hits.length < GRAPH_DEFAULTS.readPage) return lists;
            }
          }),
        );
        return perShard.flat();
      }),

    newestPublished: () =>
      guard(async () => {
        const { limit, ...params } = NEWEST_PARAMS;
        const newest = await federated(params, { limit });
        return (newest.hits[0]?.publishedTs as number | undefined) ?? undefined;
      }),

    latestSeen,

    latestInfo: (ids) =>
      guard(async () => {
        // What every instance's totals tell first (latest-seen.ts), then for the rest each shard's latest
        // article per entity, in one multi-search per shard; the last written wins.
        const told = new Map<string, EntityInfo>();
        const latest = await latestSeen(ids);
        const searched = latest ? ids.filter((id, i) => !takeKnown(told, id, latest[i] as LatestSeen)) : ids;
        const found = new Map<string, { info: EntityInfo; seq: number }>();
        for (let at = 0; at < searched.length; at += GRAPH_DEFAULTS.infoBatch) {
          const batch = searched.slice(at, at + GRAPH_DEFAULTS.infoBatch);
          const answers = await Promise.all(
            shards.map((shard) =>
              shard.client.multiSearch({
                queries: batch.map((id) => ({ indexUid: uid, ...latestParams(id) })),
              }),
            ),
          );
          for (const answer of answers) {
            batch.forEach((id, i) => {
              const latest = infoOf(answer.results[i]?.hits[0] as Record<string, unknown> | undefined, id);
              if (latest && latest.seq > (found.get(id)?.seq ?? -Infinity)) found.set(id, latest);
            });
          }
        }
        for (const [id, { info }] of found) told.set(id, info);
        return told;
      }),

    version: () => guard(version),

    adjacency: (ids, among) =>
      guard(async () => {
        // Each instance sums its own list documents (its articles' counts); the instances' lists add up.
        const perShard = await Promise.all(
          shards.map((shard) =>
            readAdjacency(shard.client.index<GraphIndexDocument>(uid), ids, undefined, among),
          ),
        );
        // Read after the lists: an instance without the mark holds stale lists, and the facets count them all.
        if (!(await marked())) return toCountedAdjacency(ids, await facets(adjacencyFacetQueries(ids)));
        return ids.map((_, i) => mergeAdjacency(perShard.map((lists) => lists[i] as AdjacencyList)));
      }),

    status: async () => {
      const each = await Promise.all(parts.map((part) => part.status()));
      const seqs = each.flatMap((status) => (status.newestSeq === undefined ? [] : [status.newestSeq]));
      return {
        lists: each.every((status) => status.lists),
        newestSeq: seqs.length > 0 ? Math.max(...seqs) : undefined,
      };
    },

    entityTotals,

    mostMentioned: (depth) =>
      rankOverShards(depth, (d) => Promise.all(parts.map((part) => part.mostMentioned(d))), entityTotals),
  };
}
