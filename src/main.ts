// Composition root of the API: config -> Meilisearch -> graph (snapshot or rebuild) -> sample data when the
// index is empty -> Express app -> listen. SIGTERM and SIGINT let in-flight requests finish, save the
// graph, and stop the embedded Meilisearch; the exit code is 1 when the graph could not be saved.
import { loadConfig } from './config.js';
import { chooseGraphMode } from './graph-index/choose-graph-mode.js';
import { createCooccurrenceGraph } from './graph/create-cooccurrence-graph.js';
import { NewsgraphError } from './errors.js';
import { edgeCount } from './graph/edge-lists.js';
import { entityCount } from './graph/entity-table.js';
import { saveGraph } from './graph/persist-graph.js';
import { createApp } from './http/create-app.js';
import { readInputs } from './ingest/read-inputs.js';
import { apiDeps } from './api-deps.js';
import { loadGraphState, snapshotFile } from './load-graph-state.js';
import { createLogger } from './logger.js';
import { openSearch } from './open-search.js';
import { maxSeq, startGraphSync } from './sync-graph.js';
import { articleCount } from './graph/article-table.js';

export const DEFAULTS = { snapshotEveryMs: 30_000 };

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const opened = await openSearch(config, logger);
  const { search } = opened;
  const remotes = config.meili.remotes.map((remote) => `${remote.name}=${remote.url}`).join(',');
  const source = `${config.meili.url ?? (remotes || 'embedded')}|${config.meili.indexPrefix}`;
  const file = snapshotFile(config.dataDir, config.meili.indexPrefix);
  // Index mode holds no graph: it answers from the graph index, and keeps no snapshot.
  const graphMode = await chooseGraphMode(config.graph, search, logger);
  const memory = graphMode === 'memory';
  const store = memory ? await loadGraphState({ search, file, source, logger }) : createCooccurrenceGraph();
  const deps = apiDeps(opened, store, config, logger, graphMode);
  // A curation a crash interrupted (status running or reverting in the log) is completed before serving.
  const resumed = await deps.curator.resume();
  if (resumed > 0) logger.info(`curation: completed ${resumed} interrupted curation(s)`);

  const empty = memory ? articleCount(store) === 0 : (await search.countArticles()) === 0;
  if (empty && config.sampleData !== null) {
    const summary = await deps.indexArticles(readInputs([config.sampleData], config.maxArticleChars), (r) =>
      logger.warn(`sample: ${r.where.file}:${r.where.line}: ${r.reason}`),
    );
    logger.info(`sample: indexed ${summary.indexed} article(s) from ${config.sampleData}`);
  }

  const app = createApp(deps);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Articles another process rewrote may come from its curations: read the log again for extraction here.
  // Index mode has no graph sync to notice them, so it reads the log on a timer.
  const refreshCurations = (): void => {
    deps.curator
      .refresh()
      .catch((cause: Error) => logger.warn(`curation: cannot read the log: ${cause.message}`));
  };
  const stopSync = memory
    ? startGraphSync({
        store,
        search,
        intervalMs: config.graphSyncIntervalMs,
        logger,
        onApplied: refreshCurations,
      })
    : everyInterval(refreshCurations, config.graphSyncIntervalMs);
  let saved = '';
  const save = async (): Promise<void> => {
    if (!memory) return;
    const state = `${articleCount(store)}:${maxSeq(store)}`;
    if (state === saved) return;
    await saveGraph(store, file, source);
    saved = state;
  };
  const snapshots = setInterval(() => {
    save().catch((cause: Error) => logger.warn(`graph: cannot save snapshot: ${cause.message}`));
  }, DEFAULTS.snapshotEveryMs);
  snapshots.unref();
  // Subscribed feeds are polled from now on, each when its interval (or back-off) has passed.
  const stopFeeds = deps.feeds.start();

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    stopSync();
    stopFeeds();
    clearInterval(snapshots);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    // A snapshot that cannot be written costs the next start a rebuild from the index, not data; the stop
    // still completes, but exits 1 so that a supervisor reports the unwritable data directory.
    let code = 0;
    await save().catch((cause: Error) => {
      logger.error(`graph: cannot save snapshot at shutdown: ${cause.message}`);
      code = 1;
    });
    await opened.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Said last: whoever waits for this line may stop the API at once, and must find the handlers above.
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    memory
      ? `newsgraph listening on http://${config.host}:${port} with ${articleCount(store)} articles, ` +
          `${entityCount(store)} entities and ${edgeCount(store)} edges`
      : `newsgraph listening on http://${config.host}:${port} in index mode (the graph is read from Meilisearch)`,
  );
}

/** Runs `work` every `intervalMs` without keeping the process alive; returns the stop. */
function everyInterval(work: () => void, intervalMs: number): () => void {
  const timer = setInterval(work, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

main().catch((error: unknown) => {
  const message = error instanceof NewsgraphError ? error.message : ((error as Error).stack ?? String(error));
  process.stderr.write(`newsgraph: ${message}\n`);
  process.exit(1);
});
