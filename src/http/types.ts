// What the HTTP layer is given: the search index, the graph, and the operations the composition root
// wires up (indexing, removal, extraction), so routes never build them themselves.
import type { Curator } from '../curation/create-curator.js';
import type { Corrections } from '../curation/types.js';
import type { ExtractMany } from '../entities/extraction-pool.js';
import type { KbEntity } from '../entities/types.js';
import type { FeedPoller } from '../feeds/create-feed-poller.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import type { IngestItem } from '../ingest/types.js';
import type { Logger } from '../logger.js';
import type { IndexSummary, Rejection } from '../pipeline.js';
import type { SearchIndex } from '../search/create-search-index.js';

export interface AppDeps {
  search: SearchIndex;
  /** The in-memory graph; empty in index mode, where graph answers come from search.graph. */
  store: CooccurrenceGraph;
  /** Where graph answers come from (GRAPH_MODE, docs/index-mode.md). */
  graphMode: 'memory' | 'index';
  /** Knowledge-base entities, for aliases and Wikidata ids on entity cards. */
  catalog: ReadonlyMap<string, KbEntity>;
  /** Extraction as indexing runs it (on the worker threads): POST /analyze uses it. */
  extractMany: ExtractMany;
  indexArticles(
    items: AsyncIterable<IngestItem>,
    onReject: (rejection: Rejection) => void,
  ): Promise<IndexSummary>;
  removeArticle(id: string): Promise<boolean>;
  /** Fetches a page or feed (within the fetch limits) and reads its articles. */
  readUrl(url: string, id?: string): AsyncIterable<IngestItem>;
  /** Feed subscriptions (POST /feeds), kept in Meilisearch. */
  feeds: FeedPoller;
  adminApiKey: string | undefined;
  maxRequestBytes: number;
  maxArticleChars: number;
  maxArticlesPerRequest: number;
  rateLimitPerMinute: number;
  corsOrigins: readonly string[];
  /** The built explorer page, served at /. */
  webDir: string;
  logger: Logger;
  /** User corrections of entities (src/curation/): operations, and the corrections in force. */
  curator: Curator;
  corrections(): Corrections;
}
