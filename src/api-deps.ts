// Wires the HTTP layer's dependencies: indexing and deletion go through the index first and reach the
// graph only once Meilisearch has accepted them.
import { WEB_DIR, type Config } from './config.js';
import { removeArticle } from './graph/remove-article.js';
import type { CooccurrenceGraph } from './graph/types.js';
import type { AppDeps } from './http/types.js';
import type { Logger } from './logger.js';
import type { OpenSearch } from './open-search.js';
import { readPageInProcess } from './ingest/read-inputs.js';
import { readUrl } from './ingest/read-url.js';
import { indexArticles } from './pipeline.js';
import { createSequence } from './search/to-article-document.js';
import { createCurator } from './curation/create-curator.js';

export function apiDeps(
  opened: OpenSearch,
  store: CooccurrenceGraph,
  config: Config,
  logger: Logger,
): AppDeps {
  const { search } = opened;
  const nextSeq = createSequence();
  const knownEntities = new Set<string>();
  const curator = createCurator({
    search,
    extractMany: opened.extractMany,
    nextSeq,
    graph: store,
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
    catalog: opened.kb.entities,
    extractMany: opened.extractMany,
    indexArticles: (items, onReject) =>
      indexArticles(
        {
          extractMany: opened.extractMany,
          search,
          graph: store,
          nextSeq,
          knownEntities,
          onReject,
          correct: opened.correct,
        },
        items,
      ),
    removeArticle: async (id) => {
      const deleted = await search.deleteArticle(id);
      removeArticle(store, id);
      return deleted;
    },
    readUrl: (url, id) =>
      readUrl(
        url,
        { limits: config.fetch, readPage: readPageInProcess, maxChars: config.maxArticleChars },
        { id },
      ),
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
