// npm run bench [-- --corpus DIR]: measures, in one run on this machine, ingest of the shared corpus
// (end to end, extraction alone, Meilisearch alone), then search latency through the API and directly
// against Meilisearch, and neighbour latency. Prints a table and writes bench/results.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiDeps } from '../src/api-deps.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import { createApp } from '../src/http/create-app.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import type { Article } from '../src/ingest/types.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { DEFAULTS as PIPELINE } from '../src/pipeline.js';
import type { ArticleDocument } from '../src/search/types.js';
import { REQUEST_HEADERS } from '../src/search/create-meili-client.js';
import { createSequence, toArticleDocument } from '../src/search/to-article-document.js';

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus') } },
});
const corpus = path.resolve(values.corpus);
const files = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(corpus, name));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRequests(
  urls: string[],
  headers: Record<string, string> = {},
): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url, { headers: { ...REQUEST_HEADERS, ...headers } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bench: ${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MEILI_TIMEOUT_MS: '60000',
    NER: process.env.NER,
  });
  const logger = createLogger('warn');
  const opened = await openSearch(config, logger);
  const results: Record<string, unknown> = {
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    extractThreads: config.extractThreads,
  };
  try {
    const articles: Article[] = [];
    for await (const item of readInputs(files, config.maxArticleChars))
      if (item.ok) articles.push(item.article);
    if (articles.length === 0) throw new Error(`bench: no articles in ${corpus}`);

    // Extraction alone: the same batches on the same worker threads as the pipeline, no I/O.
    let started = performance.now();
    const seq = createSequence();
    const batches = Array.from({ length: Math.ceil(articles.length / PIPELINE.batchSize) }, (_, i) =>
      articles.slice(i * PIPELINE.batchSize, (i + 1) * PIPELINE.batchSize),
    );
    const docs: ArticleDocument[] = [];
    const extracted = await Promise.all(
      batches.map((batch) => opened.extractMany(batch.map((a) => ({ text: a.body, lang: a.lang })))),
    );
    extracted.forEach((outcomes, b) =>
      outcomes.forEach((outcome, i) => {
        const article = batches[b]?.[i];
        if (outcome.ok && article) docs.push(toArticleDocument(article, outcome.extraction, seq()));
      }),
    );
    const extractSeconds = (performance.now() - started) / 1000;
    const mentions = docs.reduce((sum, doc) => sum + doc.mentions.length, 0);
    const entities = new Set(docs.flatMap((doc) => doc.entities)).size;

    const direct = await openSearch(
      { ...config, meili: { ...config.meili, indexPrefix: 'bench_direct_' } },
      logger,
    );
    started = performance.now();
    await Promise.all(
      Array.from({ length: Math.ceil(docs.length / 1000) }, (_, i) =>
        direct.search.addArticles(docs.slice(i * 1000, (i + 1) * 1000)),
      ),
    );
    const meiliSeconds = (performance.now() - started) / 1000;

    const store = createCooccurrenceGraph();
    const deps = apiDeps(opened, store, config, logger);
    started = performance.now();
    const summary = await deps.indexArticles(readInputs(files, config.maxArticleChars), () => {});
    const endToEndSeconds = (performance.now() - started) / 1000;
    results.ingest = {
      articles: summary.indexed,
      endToEndSeconds,
      endToEndPerSecond: summary.indexed / endToEndSeconds,
      extractionSeconds: extractSeconds,
      extractionPerSecond: articles.length / extractSeconds,
      mentions,
      entities,
      meilisearchSeconds: meiliSeconds,
      meilisearchPerSecond: docs.length / meiliSeconds,
      ratioToSlowestStage: endToEndSeconds / Math.max(extractSeconds, meiliSeconds),
    };

    const server = createApp(deps).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const words = [
      ...new Set(articles.flatMap((a) => a.body.split(/\s+/)).filter((w) => /^\p{L}{5,}$/u.test(w))),
    ];
    const people = store.graph.filterNodes((_id, node) => node.articles >= 3);
    const queries = Array.from({ length: 1000 }, (_, i) => {
      const word = words[(i * 7919) % words.length] ?? 'Regierung';
      const entity = people[i % people.length] ?? '';
      return { q: word, lang: i % 3 === 0 ? 'de' : '', entity: i % 4 === 0 ? entity : '' };
    });
    const apiUrls = queries.map(({ q, lang, entity }) => {
      const params = new URLSearchParams({ q, limit: '20' });
      if (lang) params.set('lang', lang);
      if (entity) params.set('entity', entity);
      return `${api}/search?${params}`;
    });
    const searchApi = await timeRequests(apiUrls);
    const meiliIndex = `${opened.meili.url}/indexes/${config.meili.indexPrefix}articles/search`;
    const searchDirect = { p50: 0, p99: 0 };
    const samples: number[] = [];
    for (const { q, lang, entity } of queries) {
      const filter = [lang ? `lang = "${lang}"` : '', entity ? `entities = "${entity}"` : ''].filter(Boolean);
      const body = JSON.stringify({
        q,
        filter,
        limit: 20,
        facets: ['entities', 'lang', 'source'],
        attributesToCrop: ['body'],
        attributesToHighlight: ['body'],
        cropLength: 40,
      });
      const t = performance.now();
      const response = await fetch(meiliIndex, {
        method: 'POST',
        body,
        headers: {
          ...REQUEST_HEADERS,
          'Content-Type': 'application/json',
          Authorization: `Bearer ${opened.meili.apiKey}`,
        },
      });
      await response.arrayBuffer();
      samples.push(performance.now() - t);
    }
    searchDirect.p50 = percentile(samples, 50);
    searchDirect.p99 = percentile(samples, 99);
    const neighborUrls = Array.from(
      { length: 1000 },
      (_, i) =>
        `${api}/entities/${people[i % people.length]}/neighbors?limit=50&window=${i % 2 ? 'sentence' : 'article'}`,
    );
    const neighbors = await timeRequests(neighborUrls);
    const graphUrls = Array.from(
      { length: 200 },
      (_, i) => `${api}/graph?center=${people[i % people.length]}&depth=2`,
    );
    const graph = await timeRequests(graphUrls);
    server.close();
    results.queries = { searchApi, searchDirect, neighbors, graphDepth2: graph };
    results.graph = { entities: store.graph.order, edges: store.graph.size };
    await direct.close();
  } finally {
    await opened.close();
  }
  const ingest = results.ingest as Record<string, number>;
  const queries = results.queries as Record<string, { p50: number; p99: number }>;
  const rows = [
    [
      'ingest end to end',
      `${ingest.endToEndSeconds?.toFixed(1)} s`,
      `${ingest.endToEndPerSecond?.toFixed(0)} articles/s`,
    ],
    [
      'extraction alone',
      `${ingest.extractionSeconds?.toFixed(1)} s`,
      `${ingest.extractionPerSecond?.toFixed(0)} articles/s`,
    ],
    [
      'Meilisearch alone',
      `${ingest.meilisearchSeconds?.toFixed(1)} s`,
      `${ingest.meilisearchPerSecond?.toFixed(0)} articles/s`,
    ],
    ['end to end / slowest stage', ingest.ratioToSlowestStage?.toFixed(2) ?? '', ''],
    ['mentions, entities found', String(ingest.mentions), String(ingest.entities)],
    ...Object.entries(queries).map(([name, { p50, p99 }]) => [
      name,
      `p50 ${p50.toFixed(1)} ms`,
      `p99 ${p99.toFixed(1)} ms`,
    ]),
  ];
  for (const row of rows) process.stdout.write(`${row[0]?.padEnd(28)} ${row[1]?.padEnd(16)} ${row[2]}\n`);
  mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
