// What is trending (GET /trending) from the graph index, as trending.ts ranks it in memory: the dated article
// documents of the window and the baseline are counted by facets (entities: the `related` facet of each
// window) or read whole (pairs: every article's related entities, counted in the process by the same
// ranking). Names and types are the last written article's, as the in-memory graph keeps them.
import type { EntityInfo, EntityType } from '../entities/types.js';
import {
  byId,
  rankRisingPairs,
  topRising,
  type Trending,
  type TrendingCounts,
  type TrendingEntity,
  type TrendingOptions,
  type TrendingPair,
} from '../graph/trending.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import type { GraphWhere } from '../search/graph-filter.js';
import { strongestOfType } from './strongest-of-type.js';

const windows = (options: TrendingOptions): [GraphWhere, GraphWhere] => [
  { kind: 'article', from: options.from, to: options.to },
  { kind: 'article', from: options.baselineFrom, to: options.baselineTo },
];

function describe(
  infos: Map<string, EntityInfo>,
  id: string,
): { id: string; name: string; type: EntityType } {
  const info = infos.get(id);
  return { id, name: info?.name ?? id, type: (info?.type ?? 'organization') as EntityType };
}

export async function indexTrendingEntities(
  graph: GraphIndex,
  options: TrendingOptions,
): Promise<Trending<TrendingEntity>> {
  const [inWindow, inBaseline] = windows(options);
  const [now, before] = await graph.facets([
    { where: inWindow, facet: 'related' },
    { where: inBaseline, facet: 'related' },
  ]);
  const totals: [number, number] = [now?.total ?? 0, before?.total ?? 0];
  const rank = (depth: number): Array<[string, TrendingCounts]> => {
    const { offer, best } = topRising<string>(totals, depth, byId);
    for (const [id, articles] of Object.entries(now?.counts ?? {})) {
      offer(id, articles, before?.counts[id] ?? 0);
    }
    return best;
  };
  const found = await strongestOfType(graph, rank, ([id]) => id, options);
  const items = found.map(({ entry: [id, counted], info }) => ({
    id,
    name: info.name,
    type: info.type,
    ...counted,
  }));
  return { articles: totals[0], baselineArticles: totals[1], items };
}

export async function indexTrendingPairs(
  graph: GraphIndex,
  options: TrendingOptions,
): Promise<Trending<TrendingPair>> {
  const [inWindow, inBaseline] = windows(options);
  const [totalNow, totalBefore] = await graph.facets([{ where: inWindow }, { where: inBaseline }]);
  const totals: [number, number] = [totalNow?.total ?? 0, totalBefore?.total ?? 0];
  const [windowIds, baselineIds] = await Promise.all([
    graph.relatedLists(inWindow),
    graph.relatedLists(inBaseline),
  ]);
  // Only entities of the window can be in a rising pair; with a type, only those of that type.
  const seen = [...new Set(windowIds.flat())];
  const typed = options.type === undefined ? undefined : await graph.latestInfo(seen);
  const numbers = new Map<string, number>();
  for (const id of seen) {
    if (typed === undefined || typed.get(id)?.type === options.type) numbers.set(id, numbers.size);
  }
  const ids = [...numbers.keys()];
  const toNumbers = (lists: string[][]): number[][] =>
    lists.map((list) =>
      [...new Set(list)]
        .flatMap((id) => {
          const number = numbers.get(id);
          return number === undefined ? [] : [number];
        })
        .sort((x, y) => x - y),
    );
  const best = rankRisingPairs(
    toNumbers(windowIds),
    toNumbers(baselineIds),
    totals,
    options.limit,
    (n) => ids[n] as string,
  );
  const infos = await graph.latestInfo([...new Set(best.flatMap(([pair]) => pair))]);
  const items = best.map(([[a, b], counts]) => ({ a: describe(infos, a), b: describe(infos, b), ...counts }));
  return { articles: totals[0], baselineArticles: totals[1], items };
}
