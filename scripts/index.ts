// npm run index -- <file or folder>...: indexes JSON Lines, JSON arrays and .txt articles into the same
// Meilisearch as `npm start` (the running API's, or an embedded one started for the run). Prints each
// rejected record with file, line and reason, then a summary; exits 1 when anything was rejected.
import { loadConfig } from '../src/config.js';
import { NewsgraphError } from '../src/errors.js';
import { listInputs, readInputs } from '../src/ingest/read-inputs.js';
import type { IngestItem } from '../src/ingest/types.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { indexArticles, type IndexSummary } from '../src/pipeline.js';
import { createSequence } from '../src/search/to-article-document.js';

function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A progress bar with count, rate and ETA on a terminal; a plain line every 5 s otherwise. */
function progressReporter(totalBytes: number, bytesDone: () => number) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastPlain = 0;
  return (summary: IndexSummary, final = false): void => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? summary.read / seconds : 0;
    const share = totalBytes > 0 ? Math.min(1, bytesDone() / totalBytes) : 0;
    const eta = share > 0 ? formatDuration((seconds / share) * (1 - share)) : '?';
    const counts = `${summary.read} read, ${summary.indexed} indexed, ${summary.rejected} rejected`;
    const line = `${counts}, ${rate.toFixed(0)} articles/s, ${(share * 100).toFixed(0)}%, ETA ${eta}`;
    if (tty) {
      const width = 24;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}${final ? '\n' : ''}`,
      );
    } else if (final || Date.now() - lastPlain >= 5_000) {
      lastPlain = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

/** Passes the records through, remembering how many bytes of the inputs they came from. */
async function* tracked(
  items: AsyncIterable<IngestItem>,
  seen: { bytes: number },
): AsyncGenerator<IngestItem> {
  for await (const item of items) {
    seen.bytes = item.where.offset ?? seen.bytes;
    yield item;
  }
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
    void opened.close().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    const started = Date.now();
    const { bytes } = await listInputs(targets);
    const seen = { bytes: 0 };
    const report = progressReporter(bytes, () => seen.bytes);
    const summary = await indexArticles(
      {
        extractMany: opened.extractMany,
        search: opened.search,
        nextSeq: createSequence(),
        onReject: ({ where, id, reason }) => {
          if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
          process.stderr.write(`rejected ${where.file}:${where.line}${id ? ` (id ${id})` : ''}: ${reason}\n`);
        },
        onProgress: (progress) => report(progress),
      },
      tracked(readInputs(targets, config.maxArticleChars), seen),
    );
    report(summary, true);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `read ${summary.read}, indexed ${summary.indexed}, rejected ${summary.rejected} ` +
        `in ${seconds.toFixed(1)} s (${(summary.indexed / Math.max(seconds, 0.001)).toFixed(0)} articles/s)\n`,
    );
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    await opened.close();
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
