// npm run bench:extract: main-text extraction on the news pages of ../shared/corpus/web (fundus-news German
// and English, wcxb-dev-articles), newsgraph's extractPage beside plain Readability (jsdom, textContent)
// from the same run: mean per page of word 4-gram shingle precision, recall and F1 against articleBody,
// the bag-of-words F1, wcxb's must / must-not snippets, and pages per second; wcxb also split into the pages of
// news outlets and the rest (bench-lib/news-outlet-domains.ts). `--jsdom` adds extractPage read with jsdom
// only; `--dump` writes each page's text and scores for error analysis.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { PROJECT_ROOT } from '../src/config.js';
import { extractPage } from '../src/ingest/extract-page.js';
import { NEWS_OUTLET_DOMAINS } from './bench-lib/news-outlet-domains.js';
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
  /** wcxb: the site, and snippets the text must hold, and must not. */
  domain?: string;
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

/** One page's scores and times; sets and their parts are summed from these. */
interface PageResult {
  id: string;
  domain: string;
  ours: TextScore;
  oursWords: number;
  oursSeconds: number;
  jsdomF1: number;
  jsdomSeconds: number;
  readability: TextScore;
  readabilityWords: number;
  readabilitySeconds: number;
  must: number;
  mustFound: number;
  mustNot: number;
  mustNotFound: number;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

async function runSet(
  name: string,
  folder: string,
  filter: (truth: Truth) => boolean,
  every: number,
  offset: number,
): Promise<PageResult[]> {
  const truth = JSON.parse(await readFile(path.join(folder, 'ground_truth.json'), 'utf8')) as Record<
    string,
    Truth
  >;
  const results: PageResult[] = [];
  const dumps: string[] = [];
  const ids = Object.keys(truth)
    .sort()
    .filter((id, i) => filter(truth[id] as Truth) && i % every === offset);
  for (const id of ids) {
    const page = truth[id] as Truth;
    const html = gunzipSync(await readFile(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');
    let started = performance.now();
    const ours = extractPage(html, page.url ?? null).body;
    const oursSeconds = (performance.now() - started) / 1000;
    let jsdomF1 = 0;
    let jsdomSeconds = 0;
    if (values.jsdom) {
      started = performance.now();
      const viaJsdom = extractPage(html, page.url ?? null, 'jsdom').body;
      jsdomSeconds = (performance.now() - started) / 1000;
      jsdomF1 = shingleScore(viaJsdom, page.articleBody).f1;
    }
    started = performance.now();
    const plain = readabilityText(html, page.url);
    const readabilitySeconds = (performance.now() - started) / 1000;
    const score = shingleScore(ours, page.articleBody);
    const baseline = shingleScore(plain, page.articleBody);
    const text = flat(ours);
    const must = (page.with ?? []).filter((snippet) => snippet.trim() !== '');
    const mustNot = (page.without ?? []).filter((snippet) => snippet.trim() !== '');
    results.push({
      id,
      domain: page.domain ?? '',
      ours: score,
      oursWords: wordScore(ours, page.articleBody).f1,
      oursSeconds,
      jsdomF1,
      jsdomSeconds,
      readability: baseline,
      readabilityWords: wordScore(plain, page.articleBody).f1,
      readabilitySeconds,
      must: must.length,
      mustFound: must.filter((snippet) => text.includes(flat(snippet))).length,
      mustNot: mustNot.length,
      mustNotFound: mustNot.filter((snippet) => text.includes(flat(snippet))).length,
    });
    if (values.dump) {
      const file = path.join(values.dump, `${name.replace(/\W+/g, '-')}-${id}`);
      await writeFile(`${file}.ours.txt`, ours);
      await writeFile(`${file}.truth.txt`, page.articleBody);
      dumps.push(
        `${id}\t${f(score.precision)}\t${f(score.recall)}\t${f(score.f1)}\t${f(baseline.f1)}\t${page.url ?? ''}`,
      );
    }
  }
  if (values.dump) {
    await writeFile(
      path.join(values.dump, `${name.replace(/\W+/g, '-')}.tsv`),
      `id\tP\tR\tF1\tReadability F1\turl\n${dumps.join('\n')}\n`,
    );
  }
  return results;
}

const f = (value: number): string => value.toFixed(3);
const every = Number(values.sample);
const offset = Number(values.offset);
const worst = Number(values.worst);
if (values.dump) await mkdir(values.dump, { recursive: true });
const isNews = (page: PageResult): boolean => Object.hasOwn(NEWS_OUTLET_DOMAINS, page.domain);
// wcxb's parts by publisher (scripts/bench-lib/news-outlet-domains.ts): the target is on news pages.
const wcxbParts: Array<[string, (page: PageResult) => boolean]> = [
  ['  of which news outlets', isNews],
  ['    of which general news', (page) => NEWS_OUTLET_DOMAINS[page.domain] === 'general'],
  ['  of which not news outlets', (page) => !isNews(page)],
];
const sets: Array<[string, string, (truth: Truth) => boolean, typeof wcxbParts]> = [
  ['fundus-news de', 'fundus-news', (truth) => truth.lang === 'de', []],
  ['fundus-news en', 'fundus-news', (truth) => truth.lang !== 'de', []],
  ['wcxb-dev-articles', 'wcxb-dev-articles', () => true, wcxbParts],
];
const jsdomHeads = values.jsdom ? ' jsdom-only shingle F1 | jsdom-only pages/s |' : '';
process.stdout.write(
  `| set | pages | shingle P | shingle R | shingle F1 | Readability shingle F1 | word F1 | Readability word F1 | must found | must-not found | pages/s | Readability pages/s |${jsdomHeads}\n` +
    `|${' --- |'.repeat(values.jsdom ? 14 : 12)}\n`,
);
const share = (part: number, whole: number): string => (whole === 0 ? '–' : f(part / whole));
const sum = (pages: PageResult[], of: (page: PageResult) => number): number =>
  pages.reduce((total, page) => total + of(page), 0);

function row(name: string, pages: PageResult[]): string {
  // A part with no page in a sample (--sample) has no mean: dashes, not zeros.
  if (pages.length === 0) return `| ${name} | 0 |${' – |'.repeat(values.jsdom ? 12 : 10)}\n`;
  const mean = (of: (page: PageResult) => number): string => f(sum(pages, of) / pages.length);
  const rate = (of: (page: PageResult) => number): string => (pages.length / sum(pages, of)).toFixed(1);
  const jsdomCells = values.jsdom
    ? ` ${mean((page) => page.jsdomF1)} | ${rate((page) => page.jsdomSeconds)} |`
    : '';
  return (
    `| ${name} | ${pages.length} | ${mean((page) => page.ours.precision)} | ${mean((page) => page.ours.recall)} | ` +
    `${mean((page) => page.ours.f1)} | ${mean((page) => page.readability.f1)} | ${mean((page) => page.oursWords)} | ` +
    `${mean((page) => page.readabilityWords)} | ` +
    `${share(
      sum(pages, (page) => page.mustFound),
      sum(pages, (page) => page.must),
    )} | ` +
    `${share(
      sum(pages, (page) => page.mustNotFound),
      sum(pages, (page) => page.mustNot),
    )} | ` +
    `${rate((page) => page.oursSeconds)} | ${rate((page) => page.readabilitySeconds)} |${jsdomCells}\n`
  );
}

const notes: string[] = [];
for (const [name, folder, filter, parts] of sets) {
  const pages = await runSet(name, path.join(values.corpus, folder), filter, every, offset);
  process.stdout.write(row(name, pages));
  for (const [partName, inPart] of parts) process.stdout.write(row(partName, pages.filter(inPart)));
  if (parts.length > 0 && every === 1) {
    const seen = new Set(pages.map((page) => page.domain));
    const absent = Object.keys(NEWS_OUTLET_DOMAINS).filter((domain) => !seen.has(domain));
    if (absent.length > 0) notes.push(`news outlet domains with no page in ${name}: ${absent.join(', ')}`);
  }
  const worstPages = [...pages].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, worst);
  for (const page of worstPages) {
    process.stdout.write(`  ${page.id}: ${f(page.ours.f1)} (Readability ${f(page.readability.f1)})\n`);
  }
}
for (const note of notes) process.stdout.write(`${note}\n`);
