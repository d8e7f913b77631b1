// GRAPH_MODE=auto: memory while the graph fits GRAPH_MEMORY_MB, else index. The graph's size is estimated
// before it is built, from the graph index: the pairs of related entities summed over the articles (one
// facet query over each article's pair count) bound the number of edges from above, so the estimate errs
// towards index mode. Heap per edge is the in-memory store's measured figure (docs/index-mode.md).
import type { GraphConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/create-search-index.js';
import { ensureGraphIndex } from './ensure-graph-index.js';

export const DEFAULTS = {
  /**
   * Memory per edge of the in-memory graph with its articles, loaded from a snapshot (heap and typed
   * arrays): 48.9 B at 1M edges and 38.5 B at 10M, measured for the compact store with its articles in
   * slabs (docs/compact-graph.md, session 14); the larger is used.
   */
  bytesPerEdge: 49,
};

export type GraphMode = 'memory' | 'index';

/** Sum over the articles of their pairs of related entities: at least the graph's number of edges. */
export async function articlePairs(search: SearchIndex): Promise<number> {
  const [answer] = await search.graph.facets([{ where: { kind: 'article' }, facet: 'pairs' }]);
  let pairs = 0;
  for (const [value, count] of Object.entries(answer?.counts ?? {})) pairs += Number(value) * count;
  return pairs;
}

/** The mode this process answers in; index mode (chosen or automatic) first makes sure of the graph index. */
export async function chooseGraphMode(
  config: GraphConfig,
  search: SearchIndex,
  logger: Logger,
  bytesPerEdge = DEFAULTS.bytesPerEdge,
): Promise<GraphMode> {
  if (config.mode === 'memory') return 'memory';
  await ensureGraphIndex(search, logger);
  if (config.mode === 'index') return 'index';
  const pairs = await articlePairs(search);
  const estimateMb = Math.ceil((pairs * bytesPerEdge) / 2 ** 20);
  const mode = estimateMb <= config.memoryMb ? 'memory' : 'index';
  logger.info(
    `graph: at most ${pairs} edges, about ${estimateMb} MiB in memory against GRAPH_MEMORY_MB=${config.memoryMb}: ${mode} mode`,
  );
  return mode;
}
