// The API process of `npm run bench:graph`: loads the saved synthetic graph and serves it with the same app
// as `npm start`, in a process of its own, so that the bench's HTTP client (its requests, its garbage) does
// not share the API's event loop and heap, as no user's client does. Told what to do over IPC by the bench:
// it answers `ready` with the load's figures, then `timeCalls` with the graph's own part of the requests.
import { edgeCount } from '../../src/graph/edge-lists.js';
import { apiDeps } from '../../src/api-deps.js';
import { loadConfig } from '../../src/config.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import { entityTimeline } from '../../src/graph/entity-timeline.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import { trendingEntities, trendingPairs } from '../../src/graph/trending.js';
import { newestPublished, trendingWindow } from '../../src/graph/trending-window.js';
import { loadGraph } from '../../src/graph/persist-graph.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { openSearch } from '../../src/open-search.js';
import { heapMb, megabytes, timeCalls, type Latencies } from './measure.js';
import { articleDates } from '../../src/graph/article-table.js';

export interface GraphServerReady {
  kind: 'ready';
  port: number;
  loadSeconds: number;
  loadedHeapMb: number;
  edges: number;
}

export interface GraphServerTimings {
  kind: 'timings';
  neighborsInProcess: Latencies;
  depth2InProcess: Latencies;
  timelineInProcess: Latencies;
  trendingInProcess: Latencies;
  trendingPairsInProcess: Latencies;
  rssMb: number;
}

export type GraphServerRequest = {
  kind: 'timeCalls';
  neighbors: string[];
  depth2: string[];
  timeline: string[];
};

async function main(): Promise<void> {
  const [snapshot, dataDir] = process.argv.slice(2);
  if (!snapshot || !dataDir || !process.send) throw new Error('serve-graph: run by bench-graph over IPC');
  const heapBefore = heapMb();
  const started = performance.now();
  const loaded = await loadGraph(snapshot, 'bench');
  if (!loaded) throw new Error(`serve-graph: cannot load ${snapshot}`);
  const loadSeconds = (performance.now() - started) / 1000;
  const loadedHeapMb = heapMb() - heapBefore;

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SAMPLE_DATA: '' });
  const logger = createLogger('warn');
  const opened = await openSearch(config, logger);
  const server = createApp(apiDeps(opened, loaded, config, logger)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  process.on('message', (message: GraphServerRequest) => {
    if (message.kind !== 'timeCalls') return;
    const neighborsInProcess = timeCalls(message.neighbors, (id) =>
      findNeighbors(loaded, id, { limit: 50, evidence: 0 }),
    );
    const depth2InProcess = timeCalls(message.depth2, (center) =>
      exportGraph(loaded, { center, depth: 2, maxNodes: 500 }),
    );
    const timelineInProcess = timeCalls(message.timeline, (id) =>
      entityTimeline(loaded, id, { interval: 'day' }),
    );
    // As GET /trending without parameters answers: the default window found anew each time.
    const trending = (pairs: boolean) => () => {
      const window = trendingWindow({}, Date.now(), newestPublished(articleDates(loaded)));
      return (pairs ? trendingPairs : trendingEntities)(loaded, { ...window, limit: 20 });
    };
    const runs = Array.from({ length: 20 }, (_, i) => i);
    const trendingInProcess = timeCalls(runs, trending(false));
    const trendingPairsInProcess = timeCalls(runs, trending(true));
    const rssMb = megabytes(process.memoryUsage().rss);
    const reply: GraphServerTimings = {
      kind: 'timings',
      neighborsInProcess,
      depth2InProcess,
      timelineInProcess,
      trendingInProcess,
      trendingPairsInProcess,
      rssMb,
    };
    process.send?.(reply);
  });
  process.once('disconnect', () => {
    server.close();
    void opened.close().then(() => process.exit(0));
  });
  const ready: GraphServerReady = {
    kind: 'ready',
    port,
    loadSeconds,
    loadedHeapMb,
    edges: edgeCount(loaded),
  };
  process.send(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
