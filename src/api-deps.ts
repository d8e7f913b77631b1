// Wires the HTTP layer's dependencies: indexing and deletion go through the index first and reach the
// graph only once Meilisearch has accepted them.
import { WEB_DIR, type Config } from './config.js';
import { createDuplicateFinder } from './dedup/find-duplicates.js';
import { promoteDuplicates } from './dedup/promote-duplicates.js';
import { addArticle } from './graph/add-article.js';
import { removeArticle } from './graph/remove-article.js';
import type { CooccurrenceGraph } from './graph/types.js';
import type { AppDeps } from './http/types.js';
import type { Logger } from './logger.js';
import type { OpenSearch } from './open-search.js';
import { createPagePool, type PagePool } from './ingest/create-page-pool.js';
import { readPageInProcess } from './ingest/read-inputs.js';
import type { ReadPage } from './ingest/types.js';
import { readUrl } from './ingest/read-url.js';
import { createFeedPoller } from './feeds/create-feed-poller.js';
import { createRobotsCheck } from './feeds/create-robots-check.js';
import { createFeedStore } from './search/create-feed-store.js';
import { createMeiliClient } from './search/create-meili-client.js';
import { indexArticles } from './pipeline.js';
import { createSequence } from './search/to-article-document.js';
import { createCurator } from './curation/create-curator.js';

export function apiDeps(
  opened: OpenSearch,
  store: CooccurrenceGraph,
  config: Config,
  logger: Logger,
  graphMode: AppDeps['graphMode'] = 'memory',
): AppDeps {
  const { search } = opened;
  // In index mode this process holds no graph: writes reach only the index (and its graph index).
  const graph = graphMode === 'memory' ? store : undefined;
  const nextSeq = createSequence();
  const knownEntities = new Set<string>();
  const duplicates = createDuplicateFinder(search);
  // Pages fetched for POST /articles {"url"} and for feed items are read on worker threads of their own,
  // started with the first page, so parsing a page (tens of milliseconds) does not stall the API;
  // EXTRACT_THREADS=0 reads them in-process.
  let pages: PagePool | undefined;
  const readPage: ReadPage =
    config.extractThreads > 0
      ? (html, url) => (pages ??= createPagePool(config.extractThreads)).readPage(html, url)
      : readPageInProcess;
  const indexMany: AppDeps['indexArticles'] = (items, onReject) =>
    indexArticles(
      {
        extractMany: opened.extractMany,
        search,
        graph,
        nextSeq,
        knownEntities,
        duplicates,
        onReject,
        correct: opened.correct,
      },
      items,
    );
  const feedStore = createFeedStore(
    createMeiliClient({
      url: opened.meili.url,
      apiKey: opened.searchKey,
      timeoutMs: config.meili.requestTimeoutMs,
    }),
    config.meili.indexPrefix,
  );
  const feeds = createFeedPoller({
    store: feedStore,
    poll: {
      limits: config.fetch,
      readPage,
      maxChars: config.maxArticleChars,
      robotsAllow: createRobotsCheck(config.fetch),
      known: async (ids) => new Set((await search.getArticles(ids, ['id'])).map((doc) => doc.id)),
    },
    indexArticles: indexMany,
    config: config.feeds,
    logger,
  });
  const curator = createCurator({
    search,
    extractMany: opened.extractMany,
    nextSeq,
    graph,
    log: opened.curationLog,
    baseKb: opened.baseKb,
    corrections: opened.corrections,
    setCorrections: opened.setCorrections,
    logger,
  });
  return {
    curator,
    corrections: opened.corrections,
    search,
    store,
    graphMode,
    catalog: opened.kb.entities,
    extractMany: opened.extractMany,
    indexArticles: indexMany,
    feeds,
    removeArticle: async (id) => {
      const promoted = await promoteDuplicates(search, id, nextSeq);
      for (const doc of promoted) if (graph) addArticle(graph, doc);
      const deleted = await search.deleteArticle(id);
      if (graph) removeArticle(graph, id);
      return deleted;
    },
    readUrl: (url, id) =>
      readUrl(url, { limits: config.fetch, readPage, maxChars: config.maxArticleChars }, { id }),
    adminApiKey: config.adminApiKey,
    maxRequestBytes: config.maxRequestBytes,
    maxArticleChars: config.maxArticleChars,
    maxArticlesPerRequest: config.maxArticlesPerRequest,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    webDir: WEB_DIR,
    logger,
  };
}
