// The API's graph at start: the persisted snapshot when it matches the index, caught up with what was
// written since; otherwise a rebuild from the index. The index decides: if the article counts differ
// after catching up (a delete the snapshot missed, a crash mid-write), the graph is rebuilt.
import path from 'node:path';
import { loadGraph } from './graph/persist-graph.js';
import type { CooccurrenceGraph } from './graph/types.js';
import type { Logger } from './logger.js';
import type { SearchIndex } from './search/create-search-index.js';
import { catchUpGraph, maxSeq, rebuildGraph } from './sync-graph.js';
import { articleCount } from './graph/article-table.js';

export function snapshotFile(dataDir: string, indexPrefix: string): string {
  return path.join(dataDir, `graph-${indexPrefix || 'default'}.bin`);
}

export async function loadGraphState(options: {
  search: SearchIndex;
  file: string;
  source: string;
  logger: Logger;
}): Promise<CooccurrenceGraph> {
  const { search, file, source, logger } = options;
  const started = Date.now();
  const snapshot = await loadGraph(file, source);
  if (snapshot) {
    await catchUpGraph(snapshot, search, maxSeq(snapshot));
    const indexed = await search.countArticles();
    if (indexed === articleCount(snapshot)) {
      logger.info(`graph: loaded snapshot of ${indexed} articles in ${Date.now() - started} ms`);
      return snapshot;
    }
    logger.warn(`graph: snapshot holds ${articleCount(snapshot)} articles, the index ${indexed}: rebuilding`);
  }
  const store = await rebuildGraph(search);
  logger.info(`graph: built from the index (${articleCount(store)} articles) in ${Date.now() - started} ms`);
  return store;
}
