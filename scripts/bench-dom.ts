// npm run bench:dom: plain Readability over linkedom beside jsdom on the news pages of ../shared/corpus/web,
// in one run: pages per second (parse + Readability), how many pages Readability throws on under each, and
// the word 4-gram shingle F1 of its textContent against articleBody.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { PROJECT_ROOT } from '../src/config.js';
import { shingleScore } from './bench-lib/score-text.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage: 'npm run bench:dom -- [--corpus DIR] [--sample N]',
  description: 'Readability over linkedom beside jsdom: pages per second, pages it throws on, shingle F1.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'web'),
      description: 'the web corpus',
    },
    sample: { type: 'string', value: 'N', default: '1', description: 'every Nth page only' },
  },
});

interface Truth {
  articleBody: string;
  url?: string;
  lang?: string;
}

type Parse = (html: string, url: string | undefined) => { document: Document; close(): void };

const DOMS: Record<string, Parse> = {
  jsdom: (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    return { document: dom.window.document, close: () => dom.window.close() };
  },
  linkedom: (html) => ({ document: parseHTML(html).document as unknown as Document, close: () => {} }),
};

interface Tally {
  parse: number;
  readability: number;
  thrown: number;
  f1: number;
}

function run(parse: Parse, html: string, url: string | undefined, truth: string, tally: Tally): void {
  let started = performance.now();
  const { document, close } = parse(html, url);
  tally.parse += performance.now() - started;
  started = performance.now();
  let text = '';
  try {
    text = new Readability(document).parse()?.textContent ?? '';
  } catch {
    tally.thrown += 1;
  }
  tally.readability += performance.now() - started;
  close();
  tally.f1 += shingleScore(text, truth).f1;
}

const every = Number(values.sample);
const sets: Array<[string, string, (truth: Truth) => boolean]> = [
  ['fundus-news de', 'fundus-news', (truth) => truth.lang === 'de'],
  ['fundus-news en', 'fundus-news', (truth) => truth.lang !== 'de'],
  ['wcxb-dev-articles', 'wcxb-dev-articles', () => true],
];
process.stdout.write(
  '| set | pages | DOM | parse ms/page | Readability ms/page | pages/s | pages it throws on | shingle F1 |\n|---|---|---|---|---|---|---|---|\n',
);
for (const [name, folder, filter] of sets) {
  const dir = path.join(values.corpus, folder);
  const truth = JSON.parse(await readFile(path.join(dir, 'ground_truth.json'), 'utf8')) as Record<
    string,
    Truth
  >;
  const ids = Object.keys(truth)
    .sort()
    .filter((id, i) => filter(truth[id] as Truth) && i % every === 0);
  const tallies = Object.fromEntries(
    Object.keys(DOMS).map((dom) => [dom, { parse: 0, readability: 0, thrown: 0, f1: 0 } as Tally]),
  );
  for (const [index, id] of ids.entries()) {
    const page = truth[id] as Truth;
    const html = gunzipSync(await readFile(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    // Alternate the order so that neither DOM always runs on a warm cache.
    const order = index % 2 === 0 ? Object.keys(DOMS) : Object.keys(DOMS).reverse();
    for (const dom of order) run(DOMS[dom] as Parse, html, page.url, page.articleBody, tallies[dom] as Tally);
  }
  const n = Math.max(1, ids.length);
  for (const [dom, tally] of Object.entries(tallies)) {
    process.stdout.write(
      `| ${name} | ${ids.length} | ${dom} | ${(tally.parse / n).toFixed(1)} | ${(tally.readability / n).toFixed(1)} | ` +
        `${((1000 * n) / (tally.parse + tally.readability)).toFixed(1)} | ${tally.thrown} | ${(tally.f1 / n).toFixed(3)} |\n`,
    );
  }
}
