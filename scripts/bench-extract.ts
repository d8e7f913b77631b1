// npm run bench:extract: main-text extraction on the news pages of ../shared/corpus/web (fundus-news German
// and English, wcxb-dev-articles), newsgraph's extractPage beside plain Readability (jsdom, textContent)
// from the same run: mean per page of word 4-gram shingle precision, recall and F1 against articleBody,
// the bag-of-words F1, wcxb's must / must-not snippets, and pages per second. `--jsdom` adds extractPage
// read with jsdom only; `--dump` writes each page's text and scores for error analysis.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { PROJECT_ROOT } from '../src/config.js';
import { extractPage } from '../src/ingest/extract-page.js';
import { shingleScore, wordScore, type TextScore } from './bench-lib/score-text.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage:
    'npm run bench:extract -- [--corpus DIR] [--sample N] [--offset K] [--worst N] [--jsdom] [--dump DIR]',
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
    offset: {
      type: 'string',
      value: 'K',
      default: '0',
      description: 'with --sample N: the pages whose index modulo N is K (a held-out part)',
    },
    jsdom: {
      type: 'boolean',
      default: false,
      description: 'also run extractPage with jsdom as its only DOM (slow), for the F1 and pages/s beside',
    },
    dump: {
      type: 'string',
      value: 'DIR',
      default: '',
      description: "write each page's extracted text, ground truth and scores there",
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
  /** wcxb: snippets the text must hold, and must not. */
  with?: string[];
  without?: string[];
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
  jsdom: { f1: number; seconds: number };
  readability: { shingle: TextScore; words: number; seconds: number };
  snippets: { must: number; mustFound: number; mustNot: number; mustNotFound: number };
  worst: Array<{ id: string; f1: number; readability: number }>;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

const zero = (): TextScore => ({ precision: 0, recall: 0, f1: 0 });
const add = (sum: TextScore, score: TextScore): void => {
  sum.precision += score.precision;
  sum.recall += score.recall;
  sum.f1 += score.f1;
};

async function runSet(
  name: string,
  folder: string,
  filter: (truth: Truth) => boolean,
  every: number,
  offset: number,
): Promise<Totals> {
  const truth = JSON.parse(await readFile(path.join(folder, 'ground_truth.json'), 'utf8')) as Record<
    string,
    Truth
  >;
  const totals: Totals = {
    pages: 0,
    ours: { shingle: zero(), words: 0, seconds: 0 },
    jsdom: { f1: 0, seconds: 0 },
    readability: { shingle: zero(), words: 0, seconds: 0 },
    snippets: { must: 0, mustFound: 0, mustNot: 0, mustNotFound: 0 },
    worst: [],
  };
  const dumps: string[] = [];
  const ids = Object.keys(truth)
    .sort()
    .filter((id, i) => filter(truth[id] as Truth) && i % every === offset);
  for (const id of ids) {
    const page = truth[id] as Truth;
    const html = gunzipSync(await readFile(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');
    let started = performance.now();
    const ours = extractPage(html, page.url ?? null).body;
    totals.ours.seconds += (performance.now() - started) / 1000;
    if (values.jsdom) {
      started = performance.now();
      const viaJsdom = extractPage(html, page.url ?? null, 'jsdom').body;
      totals.jsdom.seconds += (performance.now() - started) / 1000;
      totals.jsdom.f1 += shingleScore(viaJsdom, page.articleBody).f1;
    }
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
    const text = flat(ours);
    const must = (page.with ?? []).filter((snippet) => snippet.trim() !== '');
    const mustNot = (page.without ?? []).filter((snippet) => snippet.trim() !== '');
    totals.snippets.must += must.length;
    totals.snippets.mustFound += must.filter((snippet) => text.includes(flat(snippet))).length;
    totals.snippets.mustNot += mustNot.length;
    totals.snippets.mustNotFound += mustNot.filter((snippet) => text.includes(flat(snippet))).length;
    if (values.dump) {
      const file = path.join(values.dump, `${name.replace(/\W+/g, '-')}-${id}`);
      await writeFile(`${file}.ours.txt`, ours);
      await writeFile(`${file}.truth.txt`, page.articleBody);
      dumps.push(
        `${id}\t${f(score.precision)}\t${f(score.recall)}\t${f(score.f1)}\t${f(baseline.f1)}\t${page.url ?? ''}`,
      );
    }
  }
  totals.worst.sort((a, b) => a.f1 - b.f1);
  if (values.dump) {
    await writeFile(
      path.join(values.dump, `${name.replace(/\W+/g, '-')}.tsv`),
      `id\tP\tR\tF1\tReadability F1\turl\n${dumps.join('\n')}\n`,
    );
  }
  return totals;
}

const f = (value: number): string => value.toFixed(3);
const every = Number(values.sample);
const offset = Number(values.offset);
const worst = Number(values.worst);
if (values.dump) await mkdir(values.dump, { recursive: true });
const sets: Array<[string, string, (truth: Truth) => boolean]> = [
  ['fundus-news de', 'fundus-news', (truth) => truth.lang === 'de'],
  ['fundus-news en', 'fundus-news', (truth) => truth.lang !== 'de'],
  ['wcxb-dev-articles', 'wcxb-dev-articles', () => true],
];
const jsdomHeads = values.jsdom ? ' jsdom-only shingle F1 | jsdom-only pages/s |' : '';
process.stdout.write(
  `| set | pages | shingle P | shingle R | shingle F1 | Readability shingle F1 | word F1 | Readability word F1 | must found | must-not found | pages/s | Readability pages/s |${jsdomHeads}\n` +
    `|${' --- |'.repeat(values.jsdom ? 14 : 12)}\n`,
);
const share = (part: number, whole: number): string => (whole === 0 ? '–' : f(part / whole));
for (const [name, folder, filter] of sets) {
  const totals = await runSet(name, path.join(values.corpus, folder), filter, every, offset);
  const n = Math.max(1, totals.pages);
  const { ours, jsdom, readability, snippets } = totals;
  const jsdomCells = values.jsdom
    ? ` ${f(jsdom.f1 / n)} | ${(totals.pages / jsdom.seconds).toFixed(1)} |`
    : '';
  process.stdout.write(
    `| ${name} | ${totals.pages} | ${f(ours.shingle.precision / n)} | ${f(ours.shingle.recall / n)} | ` +
      `${f(ours.shingle.f1 / n)} | ${f(readability.shingle.f1 / n)} | ${f(ours.words / n)} | ` +
      `${f(readability.words / n)} | ${share(snippets.mustFound, snippets.must)} | ` +
      `${share(snippets.mustNotFound, snippets.mustNot)} | ${(totals.pages / ours.seconds).toFixed(1)} | ` +
      `${(totals.pages / readability.seconds).toFixed(1)} |${jsdomCells}\n`,
  );
  for (const page of totals.worst.slice(0, worst)) {
    process.stdout.write(`  ${page.id}: ${f(page.f1)} (Readability ${f(page.readability)})\n`);
  }
}
