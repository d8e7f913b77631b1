// The corpus in an index of its own for the index-mode benchmarks: opened with GRAPH_MODE=index (so that
// writes keep the neighbour lists and totals index mode reads), the files indexed when it is empty.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from '../../src/config.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { createLogger } from '../../src/logger.js';
import { openSearch, type OpenSearch } from '../../src/open-search.js';
import { indexArticles } from '../../src/pipeline.js';
import { createSequence } from '../../src/search/to-article-document.js';

/**
 * Opens the index in `dataDir` (a new temporary folder when not given) and indexes `files` into it when it
 * holds no article, saying so on stdout with the time it took.
 */
export async function openIndexModeCorpus(
  dataDir: string | undefined,
  files: readonly string[],
): Promise<{ opened: OpenSearch; config: Config }> {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir ?? mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-index-')),
    SAMPLE_DATA: '',
    LOG_LEVEL: 'warn',
    MEILI_TIMEOUT_MS: '60000',
    GRAPH_MODE: 'index',
  });
  const opened = await openSearch(config, createLogger('warn'));
  try {
    if ((await opened.search.countArticles()) === 0) {
      process.stdout.write(`indexing ${files.join(', ')} into ${config.dataDir}\n`);
      const started = performance.now();
      const summary = await indexArticles(
        { extractMany: opened.extractMany, search: opened.search, nextSeq: createSequence() },
        readInputs([...files], 1_000_000),
      );
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `  indexed ${summary.indexed} of ${summary.read} articles in ${seconds.toFixed(1)} s, with the graph index\n`,
      );
    }
  } catch (error) {
    await opened.close();
    throw error;
  }
  return { opened, config };
}
