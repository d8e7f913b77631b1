// Index mode reads the graph index, which every article write keeps up to date; an index written before
// the graph index or its neighbour lists existed, or one a crash left behind (an article count that
// differs, or an article written after the graph index's newest), is rebuilt once from the articles.
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/create-search-index.js';

export const DEFAULTS = { pageSize: 1_000 };

/** Why the graph index must be rebuilt, or undefined when it agrees with the articles. */
async function staleness(search: SearchIndex): Promise<string | undefined> {
  const [articles, [graphArticles], status] = await Promise.all([
    search.countArticles(),
    search.graph.facets([{ where: { kind: 'article' } }]),
    search.graph.status(),
  ]);
  if (articles !== graphArticles?.total) return `holds ${graphArticles?.total ?? 0} of ${articles} articles`;
  if (!status.lists) return 'holds no neighbour lists';
  if (articles === 0) return undefined;
  const [later] = await search.changedSince(status.newestSeq ?? -1, 1);
  return later ? `misses article ${later.id}, written after its newest` : undefined;
}

/** Rebuilds the graph index when it does not agree with the articles (staleness above); true if it did. */
export async function ensureGraphIndex(search: SearchIndex, logger: Logger): Promise<boolean> {
  const reason = await staleness(search);
  if (!reason) return false;
  const started = Date.now();
  logger.info(`graph index: ${reason}: rebuilding`);
  await search.graph.reset();
  let written = 0;
  for await (const page of search.allArticles(DEFAULTS.pageSize)) {
    await search.graph.write(page);
    written += page.length;
  }
  logger.info(`graph index: rebuilt from ${written} articles in ${Date.now() - started} ms`);
  return true;
}
