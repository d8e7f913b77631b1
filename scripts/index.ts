// npm run index -- <file or folder>...: indexes JSON Lines, JSON arrays and .txt articles into the same
// Meilisearch as `npm start` (the running API's, or an embedded one started for the run). Prints each
// rejected record with file, line and reason, then a summary; exits 1 when anything was rejected.
import { loadConfig } from '../src/config.js';
import { NewsgraphError } from '../src/errors.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { indexArticles, type IndexSummary } from '../src/pipeline.js';
import { createSequence } from '../src/search/to-article-document.js';

function progressReporter(started: number): (summary: IndexSummary, final?: boolean) => void {
  const tty = process.stderr.isTTY;
  let lastPlain = 0;
  return (summary, final = false) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? summary.read / seconds : 0;
    const line = `${summary.read} read, ${summary.indexed} indexed, ${summary.rejected} rejected, ${rate.toFixed(0)} articles/s`;
    if (tty) {
      process.stderr.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
    } else if (final || Date.now() - lastPlain >= 5_000) {
      lastPlain = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

async function main(): Promise<number> {
  const targets = process.argv.slice(2).filter((arg) => arg !== '--');
  if (targets.length === 0 || targets.includes('--help')) {
    process.stderr.write(
      'usage: npm run index -- <file or folder>... (.jsonl, .ndjson, .json arrays, .txt)\n',
    );
    return targets.length === 0 ? 2 : 0;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const opened = await openSearch(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping; articles indexed so far are kept, run again to finish\n`);
    void opened.meili.close().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    const started = Date.now();
    const report = progressReporter(started);
    const summary = await indexArticles(
      {
        extract: opened.entities.extract,
        search: opened.search,
        nextSeq: createSequence(),
        onReject: ({ where, id, reason }) => {
          if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
          process.stderr.write(`rejected ${where.file}:${where.line}${id ? ` (id ${id})` : ''}: ${reason}\n`);
        },
        onProgress: (progress) => report(progress),
      },
      readInputs(targets, config.maxArticleChars),
    );
    report(summary, true);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `read ${summary.read}, indexed ${summary.indexed}, rejected ${summary.rejected} ` +
        `in ${seconds.toFixed(1)} s (${(summary.indexed / Math.max(seconds, 0.001)).toFixed(0)} articles/s)\n`,
    );
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    await opened.meili.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof NewsgraphError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`newsgraph index: ${message}\n`);
    process.exit(2);
  },
);
