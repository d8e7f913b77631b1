// npm run bench:extract: main-text extraction on the news pages of ../shared/corpus/web (fundus-news German
// and English, wcxb-dev-articles), newsgraph's extractPage beside plain Readability (jsdom, textContent)
// from the same run: mean per page of word 4-gram shingle precision, recall and F1 against articleBody,
// the bag-of-words F1, and pages per second.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { PROJECT_ROOT } from '../src/config.js';
import { extractPage } from '../src/ingest/extract-page.js';
import { shingleScore, wordScore, type TextScore } from './bench-lib/score-text.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage: 'npm run bench:extract -- [--corpus DIR] [--sample N] [--worst N]',
  description:
    "Main-text extraction of web pages against their ground truth: newsgraph's extractPage beside plain\n" +
    'Readability, word 4-gram shingle and bag-of-words F1, and pages per second.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'web'),
      description: 'the web corpus',
    },
    sample: {
      type: 'string',
      value: 'N',
      default: '1',
      description: 'every Nth page only, for a quick look',
    },
    worst: {
      type: 'string',
      value: 'N',
      default: '0',
      description: 'print the N pages with the lowest shingle F1',
    },
  },
});

interface Truth {
  articleBody: string;
  url?: string;
  lang?: string;
}

const quiet = new VirtualConsole();

function readabilityText(html: string, url: string | undefined): string {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    dom.window.close();
  }
}

interface Totals {
  pages: number;
  ours: { shingle: TextScore; words: number; seconds: number };
  readability: { shingle: TextScore; words: number; seconds: number };
  worst: Array<{ id: string; f1: number; readability: number }>;
}

const zero = (): TextScore => ({ precision: 0, recall: 0, f1: 0 });
const add = (sum: TextScore, score: TextScore): void => {
  sum.precision += score.precision;
  sum.recall += score.recall;
  sum.f1 += score.f1;
};

async function runSet(folder: string, filter: (truth: Truth) => boolean, every: number): Promise<Totals> {
  const truth = JSON.parse(await readFile(path.join(folder, 'ground_truth.json'), 'utf8')) as Record<
    string,
    Truth
  >;
  const totals: Totals = {
    pages: 0,
    ours: { shingle: zero(), words: 0, seconds: 0 },
    readability: { shingle: zero(), words: 0, seconds: 0 },
    worst: [],
  };
  const ids = Object.keys(truth)
    .sort()
    .filter((id, i) => filter(truth[id] as Truth) && i % every === 0);
  for (const id of ids) {
    const page = truth[id] as Truth;
    const html = gunzipSync(await readFile(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');
    let started = performance.now();
    const ours = extractPage(html, page.url ?? null).body;
    totals.ours.seconds += (performance.now() - started) / 1000;
    started = performance.now();
    const plain = readabilityText(html, page.url);
    totals.readability.seconds += (performance.now() - started) / 1000;
    const score = shingleScore(ours, page.articleBody);
    const baseline = shingleScore(plain, page.articleBody);
    add(totals.ours.shingle, score);
    add(totals.readability.shingle, baseline);
    totals.ours.words += wordScore(ours, page.articleBody).f1;
    totals.readability.words += wordScore(plain, page.articleBody).f1;
    totals.worst.push({ id, f1: score.f1, readability: baseline.f1 });
    totals.pages += 1;
  }
  totals.worst.sort((a, b) => a.f1 - b.f1);
  return totals;
}

const every = Number(values.sample);
const worst = Number(values.worst);
const sets: Array<[string, string, (truth: Truth) => boolean]> = [
  ['fundus-news de', 'fundus-news', (truth) => truth.lang === 'de'],
  ['fundus-news en', 'fundus-news', (truth) => truth.lang !== 'de'],
  ['wcxb-dev-articles', 'wcxb-dev-articles', () => true],
];
const f = (value: number): string => value.toFixed(3);
process.stdout.write(
  '| set | pages | shingle P | shingle R | shingle F1 | Readability shingle F1 | word F1 | Readability word F1 | pages/s | Readability pages/s |\n|---|---|---|---|---|---|---|---|---|---|\n',
);
for (const [name, folder, filter] of sets) {
  const totals = await runSet(path.join(values.corpus, folder), filter, every);
  const n = Math.max(1, totals.pages);
  const { ours, readability } = totals;
  process.stdout.write(
    `| ${name} | ${totals.pages} | ${f(ours.shingle.precision / n)} | ${f(ours.shingle.recall / n)} | ` +
      `${f(ours.shingle.f1 / n)} | ${f(readability.shingle.f1 / n)} | ${f(ours.words / n)} | ` +
      `${f(readability.words / n)} | ${(totals.pages / ours.seconds).toFixed(1)} | ` +
      `${(totals.pages / readability.seconds).toFixed(1)} |\n`,
  );
  for (const page of totals.worst.slice(0, worst)) {
    process.stdout.write(`  ${page.id}: ${f(page.f1)} (Readability ${f(page.readability)})\n`);
  }
}
