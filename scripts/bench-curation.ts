// npm run bench:curation: the cost of entity corrections on this machine. Indexes N articles that mention
// one person and N that do not, then times a merge of that person into another (mentions moved in the
// stored documents, no extraction) and an alias addition (the articles naming it extracted again), and the
// latency of searches and neighbour queries through the API while each runs, beside the idle latency.
// Writes bench/curation-results.json. `npm run bench` runs it after its other parts.
import { entitiesOf } from '../src/graph/entity-table.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiDeps } from '../src/api-deps.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import { createApp } from '../src/http/create-app.js';
import type { IngestItem } from '../src/ingest/types.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { latencies, type Latencies } from './bench-lib/measure.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage: 'npm run bench:curation -- [--articles N]',
  description:
    'Times a merge of an entity with N articles and an alias added to N articles, and the search and\n' +
    'neighbour latency through the API meanwhile; writes bench/curation-results.json.',
  options: {
    articles: {
      type: 'string',
      value: 'N',
      default: '1000',
      description: 'articles that mention the merged entity',
    },
  },
});
const N = Number(values.articles);
const logger = createLogger('warn');

const SENTENCES = [
  'Olaf Scholz sprach in Berlin mit Emmanuel Macron über die NATO.',
  'Wladimir Putin empfing Xi Jinping in Moskau.',
  'Die Europäische Union beriet in Brüssel über die Ukraine.',
  'Friedrich Merz kritisierte die Bundesregierung.',
  'Joe Biden traf Justin Trudeau in Washington.',
];

/**
 * 150 lower-case made-up words of article `i`, none shared with another article: without them the
 * articles would be near-copies of each other, which the pipeline counts once (src/dedup/).
 */
function ownWords(i: number): string {
  return Array.from({ length: 150 }, (_, k) => `w${(i * 150 + k).toString(36)}`).join(' ');
}

function* articles(): Generator<IngestItem> {
  for (let i = 0; i < 2 * N; i++) {
    const named = i < N ? `Hans Beispielmann traf den Weihnachtsmann. ` : '';
    const body =
      named +
      [0, 1, 2, 3, 4]
        .filter((k) => (i + k) % 3 !== 0)
        .map((k) => SENTENCES[k])
        .join(' ') +
      ` Dazu: ${ownWords(i)}.`;
    yield {
      ok: true,
      article: {
        id: `bench-${i}`,
        title: null,
        body,
        lang: 'de',
        source: null,
        category: null,
        author: null,
        published: `2024-0${1 + (i % 9)}-1${i % 10}`,
        url: null,
      },
      where: { file: 'bench', line: i + 1 },
    };
  }
}

async function* items(): AsyncGenerator<IngestItem> {
  yield* articles();
}

/** Queries one after another until `done` settles (at least `minimum` of them); their latencies. */
async function queryWhile(
  base: string,
  done: Promise<unknown> | undefined,
  minimum: number,
): Promise<Latencies> {
  let finished = done === undefined;
  void done?.finally(() => (finished = true));
  const urls = [`${base}/search?q=Scholz`, `${base}/entities/olaf-scholz/neighbors?limit=10`];
  const samples: number[] = [];
  for (let i = 0; !finished || i < minimum; i++) {
    if (done !== undefined && finished) break;
    const started = performance.now();
    const response = await fetch(urls[i % 2] as string);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bench: ${response.url} answered ${response.status}`);
    samples.push(performance.now() - started);
    if (done === undefined && i + 1 >= minimum) break;
  }
  return latencies(samples);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-curation-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    MEILI_INDEX_PREFIX: 'bench_curation_',
    LOG_LEVEL: 'warn',
  });
  const opened = await openSearch(config, logger);
  const store = createCooccurrenceGraph();
  const deps = apiDeps(opened, store, config, logger);
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const indexed = await deps.indexArticles(items(), (r) => logger.warn(`bench: ${r.reason}`));
    if (indexed.indexed !== 2 * N) throw new Error(`bench: indexed ${indexed.indexed} of ${2 * N}`);
    const person = [...entitiesOf(store)].find(([, node]) => node.name === 'Hans Beispielmann');
    if (!person || person[1].articles !== N) {
      const found = person ? String(person[1].articles) : 'none';
      throw new Error(`bench: "Hans Beispielmann" is not one entity of ${N} articles (${found})`);
    }
    const idle = await queryWhile(base, undefined, 200);

    let started = performance.now();
    const merge = deps.curator.merge(person[0], 'olaf-scholz');
    const duringMerge = await queryWhile(base, merge, 20);
    const merged = await merge;
    const mergeSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const alias = deps.curator.update('emmanuel-macron', { aliases: { add: ['Weihnachtsmann'] } });
    const duringAlias = await queryWhile(base, alias, 20);
    const aliased = await alias;
    const aliasSeconds = (performance.now() - started) / 1000;

    const results = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      ner: config.ner,
      extractThreads: config.extractThreads,
      articles: { mentioning: N, total: 2 * N },
      merge: {
        seconds: mergeSeconds,
        msPerArticle: (mergeSeconds * 1000) / merged.counts.changed,
        counts: merged.counts,
      },
      alias: {
        seconds: aliasSeconds,
        msPerArticle: (aliasSeconds * 1000) / aliased.counts.candidates,
        counts: aliased.counts,
      },
      latency: { idle, duringMerge, duringAlias },
    };
    const row = (name: string, value: string, more = '') =>
      process.stdout.write(`${name.padEnd(46)} ${value.padEnd(12)} ${more}\n`);
    row(
      `merge of an entity with ${merged.counts.changed} articles`,
      `${mergeSeconds.toFixed(2)} s`,
      `${results.merge.msPerArticle.toFixed(2)} ms/article`,
    );
    row(
      `alias added, ${aliased.counts.candidates} articles extracted again`,
      `${aliasSeconds.toFixed(2)} s`,
      `${results.alias.msPerArticle.toFixed(2)} ms/article (NER=${config.ner})`,
    );
    for (const [name, l] of Object.entries(results.latency)) {
      row(
        `search + neighbours via API, ${name}`,
        `p50 ${l.p50.toFixed(1)} ms`,
        `p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`,
      );
    }
    mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
    writeFileSync(
      path.join(PROJECT_ROOT, 'bench', 'curation-results.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
  } finally {
    server.close();
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
