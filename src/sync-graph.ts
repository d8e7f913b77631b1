// Keeps the API's graph equal to the index, which is the single source of truth: a full rebuild, and a
// catch-up that picks up what another process (the `npm run index` CLI) wrote since, by write sequence.
import { addArticle } from './graph/add-article.js';
import { createCooccurrenceGraph } from './graph/create-cooccurrence-graph.js';
import { compactEdgeLists } from './graph/edge-lists.js';
import type { CooccurrenceGraph } from './graph/types.js';
import type { Logger } from './logger.js';
import type { SearchIndex } from './search/create-search-index.js';
import { GRAPH_FIELDS } from './search/types.js';
import { articleSeq } from './graph/article-table.js';
import { compactPostings } from './graph/postings.js';

export const DEFAULTS = {
  pageSize: 1_000,
  /** How far back (in seq units, µs) a poll looks, for writes that became visible out of order. */
  lookBack: 120 * 1_000_000,
};

/** Builds a fresh graph from every article in the index. */
export async function rebuildGraph(search: SearchIndex): Promise<CooccurrenceGraph> {
  const store = createCooccurrenceGraph();
  for await (const page of search.allArticles(DEFAULTS.pageSize)) {
    for (const article of page) addArticle(store, article);
  }
  // Built by growing runs, the slabs hold holes and spare room: one pass packs them.
  compactEdgeLists(store.edges);
  compactPostings(store.postings);
  return store;
}

export function maxSeq(store: CooccurrenceGraph): number {
  let max = 0;
  const { ids, seqs, count } = store.articles;
  for (let number = 0; number < count; number++) {
    if (ids[number] !== undefined) max = Math.max(max, seqs[number] as number);
  }
  return max;
}

/**
 * Applies every article written after `since` that the graph does not hold in that version. Only ids and
 * write sequences are read to find them, so a poll over articles the graph already holds costs little.
 */
export async function catchUpGraph(
  store: CooccurrenceGraph,
  search: SearchIndex,
  since: number,
): Promise<number> {
  let applied = 0;
  for (let cursor = since; ;) {
    const page = await search.changedSince(cursor, DEFAULTS.pageSize);
    const stale = page.filter((article) => articleSeq(store, article.id) !== article.seq);
    if (stale.length > 0) {
      for (const article of await search.getArticles(
        stale.map((a) => a.id),
        GRAPH_FIELDS,
      )) {
        addArticle(store, article);
        applied += 1;
      }
    }
    for (const article of page) cursor = Math.max(cursor, article.seq);
    if (page.length < DEFAULTS.pageSize) return applied;
  }
}

/** Polls the index every `intervalMs` and applies new writes; returns a function that stops it. */
export function startGraphSync(options: {
  store: CooccurrenceGraph;
  search: SearchIndex;
  intervalMs: number;
  logger: Logger;
  onApplied?: (count: number) => void;
}): () => void {
  const { store, search, intervalMs, logger } = options;
  let seen = maxSeq(store);
  let running = false;
  let failing = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const since = Math.min(seen, Date.now() * 1000 - DEFAULTS.lookBack);
    catchUpGraph(store, search, since)
      .then((applied) => {
        if (failing) logger.info('graph: sync with the index works again');
        failing = false;
        seen = Math.max(seen, maxSeq(store));
        if (applied > 0) {
          logger.info(`graph: picked up ${applied} article(s) from the index`);
          options.onApplied?.(applied);
        }
      })
      .catch((cause: Error) => {
        if (!failing) logger.warn(`graph: sync with the index failed: ${cause.message}`);
        failing = true;
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
