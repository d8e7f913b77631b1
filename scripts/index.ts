// npm run index -- <file, folder or URL>...: indexes JSON Lines, JSON arrays, .txt, HTML pages, feeds and
// WARC files (each also as .gz), and pages or feeds fetched by URL, into the same Meilisearch as `npm start`
// (the running API's, or an embedded one started for the run). Prints each rejected record with file,
// position and reason, then a summary; exits 1 when anything was rejected, 2 on a usage or setup error.
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { loadConfig } from '../src/config.js';
import { NewsgraphError } from '../src/errors.js';
import { createPagePool } from '../src/ingest/create-page-pool.js';
import { listInputs, readInputs, readPageInProcess } from '../src/ingest/read-inputs.js';
import { readUrl } from '../src/ingest/read-url.js';
import type { IngestItem, ReadPage } from '../src/ingest/types.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { indexArticles, type IndexSummary } from '../src/pipeline.js';
import { DEFAULTS as MEILI_DEFAULTS } from '../src/search/create-meili-client.js';
import { createSequence } from '../src/search/to-article-document.js';

/**
 * A progress bar (cli-progress) over the input bytes read, with the counts and the rate: redrawn in place
 * on a terminal, a plain line every 5 s otherwise. Lines logged through it (rejections) print above it.
 */
function progressReporter(totalBytes: number, bytesDone: () => number) {
  const started = Date.now();
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format:
        '[{bar}] {read} read, {indexed} indexed, {rejected} rejected, {rate} articles/s, {percentage}%, ' +
        'ETA {eta_formatted}',
      barsize: 24,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 100,
    },
    Presets.legacy,
  );
  const payload = (summary: IndexSummary) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? summary.read / seconds : 0;
    return {
      read: summary.read,
      indexed: summary.indexed,
      rejected: summary.rejected,
      rate: rate.toFixed(0),
    };
  };
  const bar = bars.create(Math.max(totalBytes, 1), 0, payload({ read: 0, indexed: 0, rejected: 0 }));
  return {
    update: (summary: IndexSummary): void => bar.update(Math.min(bytesDone(), totalBytes), payload(summary)),
    // On a terminal the line goes above the bar; elsewhere at once (the bar prints only every 5 s there).
    log: (line: string): void => {
      if (process.stderr.isTTY) bars.log(`${line}\n`);
      else process.stderr.write(`${line}\n`);
    },
    stop: (summary: IndexSummary): void => {
      bar.update(totalBytes, payload(summary));
      bars.stop();
    },
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

const USAGE = `usage: npm run index -- [options] <file, folder or URL>...

Reads .jsonl/.ndjson, .json (articles or a JSON Feed), .txt, .html/.htm, .rss/.atom/.xml feeds and
.warc files, each also as .gz; folders recursively. An http(s) URL is fetched as a page or a feed
(limits: FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS; private addresses only for hosts in
FETCH_ALLOW_HOSTS).

options:
  --page-threads N  worker threads that read HTML pages (default: EXTRACT_THREADS, at least 1;
                    0 reads them on the main thread)
  --help            this text

exit codes: 0 all indexed, 1 some records rejected, 2 usage or setup error`;

const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/** Files and folders through readInputs (which counts their bytes for progress), then URLs through readUrl. */
async function* readTargets(
  targets: string[],
  read: { maxChars: number; readPage: ReadPage; limits: Parameters<typeof readUrl>[1]['limits'] },
): AsyncGenerator<IngestItem> {
  const files = targets.filter((target) => !isUrl(target));
  if (files.length > 0) yield* readInputs(files, read.maxChars, read.readPage);
  for (const url of targets.filter(isUrl)) yield* readUrl(url, read);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: { 'page-threads': { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (cause) {
    process.stderr.write(`newsgraph index: ${(cause as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const targets = parsed.positionals;
  if (parsed.values.help || targets.length === 0) {
    (parsed.values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  // A batch job that no reader waits on: a Meilisearch busy indexing earlier batches may take as long over a
  // look-up as over a write (a 10,000-page run stopped on a 2 s duplicate look-up), unless MEILI_TIMEOUT_MS
  // says otherwise.
  const config = loadConfig({ MEILI_TIMEOUT_MS: String(MEILI_DEFAULTS.writeTimeoutMs), ...process.env });
  const rawThreads = parsed.values['page-threads'];
  const pageThreads = rawThreads === undefined ? Math.max(1, config.extractThreads) : Number(rawThreads);
  if (!Number.isInteger(pageThreads) || pageThreads < 0 || pageThreads > 64) {
    process.stderr.write(`newsgraph index: --page-threads must be a whole number from 0 to 64\n`);
    return 2;
  }
  // Workers only when there may be pages to read: they take a moment to start.
  const pages = targets.some((target) => isUrl(target) || !/\.(jsonl|ndjson|txt)(\.gz)?$/i.test(target));
  const pool = pages && pageThreads > 0 ? createPagePool(pageThreads) : undefined;
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
    const { bytes } = await listInputs(targets.filter((target) => !isUrl(target)));
    const seen = { bytes: 0 };
    const progress = progressReporter(bytes, () => seen.bytes);
    const summary = await indexArticles(
      {
        extractMany: opened.extractMany,
        search: opened.search,
        nextSeq: createSequence(),
        correct: opened.correct,
        onReject: ({ where, id, reason }) => {
          const position = where.position ? ` ${where.position}` : `:${where.line}`;
          progress.log(`rejected ${where.file}${position}${id ? ` (id ${id})` : ''}: ${reason}`);
        },
        onProgress: (summary) => progress.update(summary),
      },
      tracked(
        readTargets(targets, {
          maxChars: config.maxArticleChars,
          readPage: pool?.readPage ?? readPageInProcess,
          limits: config.fetch,
        }),
        seen,
      ),
    );
    progress.stop(summary);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `read ${summary.read}, indexed ${summary.indexed}, rejected ${summary.rejected} ` +
        `in ${seconds.toFixed(1)} s (${(summary.indexed / Math.max(seconds, 0.001)).toFixed(0)} articles/s)\n`,
    );
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    await pool?.close();
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
