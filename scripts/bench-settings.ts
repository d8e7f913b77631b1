// npm run bench:settings [-- --corpus DIR]: what each Meilisearch setting choice costs and changes. Indexes
// the same prepared corpus documents under several settings and prints, for each, the indexing time and, for
// a few real queries, the hit count and how many of the top 10 agree with the settings newsgraph ships.
import { parseCli } from './parse-cli.js';
import path from 'node:path';
import type { Settings } from 'meilisearch';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { createMeiliClient } from '../src/search/create-meili-client.js';
import { createSearchIndex } from '../src/search/create-search-index.js';
import { ARTICLE_SETTINGS } from '../src/search/index-settings.js';
import { createSequence, toArticleDocument } from '../src/search/to-article-document.js';
import type { ArticleDocument } from '../src/search/types.js';
import { chunks } from './bench-lib/measure.js';
import { createDuplicateFinder } from '../src/dedup/find-duplicates.js';
import { fingerprint } from '../src/dedup/fingerprint.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const { values } = parseCli({
  usage: 'npm run bench:settings -- [--corpus DIR] [--only NAMES] [--rounds N]',
  description:
    'What each Meilisearch setting choice costs and changes: indexing time, hit counts and top-10\n' +
    'agreement with the settings newsgraph ships, for a few real queries.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus'),
      description: 'the corpus folder (*.jsonl)',
    },
    rounds: {
      type: 'string',
      value: 'N',
      default: '1',
      description: 'index every chosen variant N times, each round in another order, to see the spread',
    },
    only: {
      type: 'string',
      value: 'NAMES',
      description: 'only the variants whose names start with one of these (comma-separated); shipped always',
    },
  },
});
const files = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(path.resolve(values.corpus), name));

/** What duplicate detection (src/dedup/) adds to each document and to the settings. */
const DUPLICATE_FIELDS = ['fingerprint', 'fingerprintBands', 'firstSeq', 'duplicateOf'];

const VARIANTS: Record<string, Settings> = {
  shipped: ARTICLE_SETTINGS,
  'proximity byWord (Meilisearch default)': { ...ARTICLE_SETTINGS, proximityPrecision: 'byWord' },
  'every field searchable (default "*")': { ...ARTICLE_SETTINGS, searchableAttributes: ['*'] },
  'entity names not searchable': { ...ARTICLE_SETTINGS, searchableAttributes: ['title', 'body'] },
  'no filterable id (reads by id filter)': {
    ...ARTICLE_SETTINGS,
    filterableAttributes: ['lang', 'source', 'entities', 'publishedTs', 'seq'],
  },
  'no duplicate fields filterable (documents still carry them)': {
    ...ARTICLE_SETTINGS,
    filterableAttributes: (ARTICLE_SETTINGS.filterableAttributes ?? []).filter(
      (field) => typeof field !== 'string' || !DUPLICATE_FIELDS.includes(field),
    ),
    sortableAttributes: (ARTICLE_SETTINGS.sortableAttributes ?? []).filter((field) => field !== 'firstSeq'),
  },
  'no duplicate fields at all (before duplicate detection)': {
    ...ARTICLE_SETTINGS,
    filterableAttributes: (ARTICLE_SETTINGS.filterableAttributes ?? []).filter(
      (field) => typeof field !== 'string' || !DUPLICATE_FIELDS.includes(field),
    ),
    sortableAttributes: (ARTICLE_SETTINGS.sortableAttributes ?? []).filter((field) => field !== 'firstSeq'),
  },
};

/** Variants whose documents are written without the duplicate fields, as before duplicate detection. */
const WITHOUT_DUPLICATE_FIELDS = new Set(['no duplicate fields at all (before duplicate detection)']);

const QUERIES = [
  'Kremlin',
  'Putin Xi Jinping',
  'Waffenstillstand Ukraine',
  'Bundesregierung Haushalt',
  'climate change',
  'Premier League',
];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-settings-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MEILI_TIMEOUT_MS: '600000',
    EXTRACT_THREADS: '0',
  });
  const opened = await openSearch(config, createLogger('warn'));
  try {
    const seq = createSequence();
    const docs: ArticleDocument[] = [];
    for await (const item of readInputs(files, config.maxArticleChars)) {
      if (!item.ok) continue;
      const [outcome] = await opened.extractMany([{ text: item.article.body, lang: item.article.lang }]);
      if (outcome?.ok) docs.push(toArticleDocument(item.article, outcome.extraction, seq()));
    }
    for (const doc of docs) {
      const print = fingerprint(doc.body);
      doc.fingerprint = print?.signature ?? [];
      doc.fingerprintBands = print?.bands ?? [];
      doc.firstSeq = doc.seq;
      doc.duplicateOf = null;
    }
    const plainDocs = docs.map((doc) => {
      const plain: Record<string, unknown> = { ...doc };
      for (const field of DUPLICATE_FIELDS) delete plain[field];
      return plain as unknown as ArticleDocument;
    });
    const client = createMeiliClient({ url: opened.meili.url, apiKey: opened.searchKey, timeoutMs: 600_000 });
    const tops = new Map<string, Map<string, { total: number; ids: string[] }>>();
    process.stdout.write(`${docs.length} articles\n`);
    let n = 0;
    const only = (values.only ?? '').split(',').filter(Boolean);
    const chosen = Object.entries(VARIANTS).filter(
      ([name]) => name === 'shipped' || only.length === 0 || only.some((start) => name.startsWith(start)),
    );
    const rounds = Number(values.rounds);
    if (!Number.isInteger(rounds) || rounds < 1)
      throw new Error('bench:settings: --rounds must be 1 or more');
    // Each round starts one variant later, so that every variant runs at every place in the order once:
    // the place in the order (after the look-up below, after another indexing) does not decide a time.
    const runs = Array.from({ length: rounds }, (_, round) =>
      chosen.map((_, i) => chosen[(i + round) % chosen.length] as (typeof chosen)[number]),
    ).flat();
    let lookedUp = false;
    for (const [name, settings] of runs) {
      const search = createSearchIndex(client, `${config.meili.indexPrefix}s${n++}_`, {
        articleSettings: settings,
      });
      await search.setup();
      const started = performance.now();
      const written = WITHOUT_DUPLICATE_FIELDS.has(name) ? plainDocs : docs;
      await Promise.all(chunks(written, 500).map((batch) => search.addArticles(batch)));
      const seconds = (performance.now() - started) / 1000;
      const results = new Map<string, { total: number; ids: string[] }>();
      for (const q of QUERIES) {
        const found = await search.searchArticles({ q, limit: 10, offset: 0 });
        results.set(q, { total: found.total, ids: found.hits.map((hit) => hit.id) });
      }
      tops.set(name, results);
      const shipped = tops.get('shipped');
      const agreement = QUERIES.map((q) => {
        const ours = new Set(shipped?.get(q)?.ids);
        const theirs = results.get(q);
        return `${theirs?.total} hits, ${theirs?.ids.filter((id) => ours.has(id)).length} of the shipped top ${ours.size}`;
      });
      process.stdout.write(`\n${name}: indexed in ${seconds.toFixed(1)} s\n`);
      if (name === 'shipped' && !lookedUp) {
        lookedUp = true;
        // What duplicate detection adds to a write: fingerprints and band look-ups of every article.
        // Copies written after every article, as a later crawl of the same stories would be.
        const copies = docs.map((doc) => ({ ...doc, id: `again-${doc.id}`, seq: seq() }));
        const looking = performance.now();
        for (const batch of chunks(copies, 500)) await createDuplicateFinder(search).mark(batch);
        const found = copies.filter((doc) => doc.duplicateOf !== null).length;
        process.stdout.write(
          `  duplicate look-up of ${copies.length} copies: ${((performance.now() - looking) / 1000).toFixed(1)} s, ` +
            `${found} found to be copies\n`,
        );
      }
      QUERIES.forEach((q, i) => process.stdout.write(`  ${q.padEnd(28)} ${agreement[i]}\n`));
    }
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
