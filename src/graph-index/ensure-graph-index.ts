// Index mode reads the graph index, which every article write keeps up to date; an index written before
// the graph index existed (or one a crash left behind) is rebuilt once from the articles, page by page.
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/create-search-index.js';

export const DEFAULTS = { pageSize: 1_000 };

/** Rebuilds the graph index when it does not hold one article document per article; true if it did. */
export async function ensureGraphIndex(search: SearchIndex, logger: Logger): Promise<boolean> {
  const [articles, [graphArticles]] = await Promise.all([
    search.countArticles(),
    search.graph.facets([{ where: { kind: 'article' } }]),
  ]);
  if (articles === graphArticles?.total) return false;
  const started = Date.now();
  logger.info(`graph index: holds ${graphArticles?.total ?? 0} of ${articles} articles: rebuilding`);
  await search.graph.reset();
  let written = 0;
  for await (const page of search.allArticles(DEFAULTS.pageSize)) {
    await search.graph.write(page);
    written += page.length;
  }
  logger.info(`graph index: rebuilt from ${written} articles in ${Date.now() - started} ms`);
  return true;
}
