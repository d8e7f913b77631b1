import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPagePool, DEFAULTS as POOL } from '../../src/ingest/create-page-pool.js';
import { extractPage } from '../../src/ingest/extract-page.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { IngestItem } from '../../src/ingest/types.js';
import { shingleScore } from '../../scripts/bench-lib/score-text.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/web');
const SEED_TEXT = path.resolve(import.meta.dirname, '../../data/sample/seed-article-de.txt');
const WEB_CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/web');
const seedHtml = readFileSync(path.join(FIXTURES, 'seed-article-de.html'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-html-'));

async function collect(paths: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, 1_000_000)) items.push(item);
  return items;
}

describe('HTML pages', () => {
  const pool = createPagePool(1);
  afterAll(() => pool.close());

  it('the seed page keeps its story and drops More Stories, the author blurb, byline, comments and navigation', () => {
    const { body } = extractPage(seedHtml, null);
    const lines = readFileSync(SEED_TEXT, 'utf8').split('\n');
    const more = lines.indexOf('More Stories');
    expect(body.startsWith(lines[0] as string)).toBe(true);
    expect(body).toContain(lines[more - 2] as string);
    expect(body).toContain('Geschäftsbeziehungen');
    for (const furniture of [
      'More Stories',
      ...lines.slice(more + 1).filter((line) => line.trim() !== ''),
      'Bedauerliche Twitter-Lehrer',
      'Von Ada Beispiel',
      'Leser Meier',
      'Cookies',
      'Meistgelesen',
      'Olaf Scholz',
      'Impressum',
      'Sportressort',
    ]) {
      expect(body, furniture).not.toContain(furniture);
    }
  });

  it('reads title, date, author, canonical URL, language and site name from the page', () => {
    const page = extractPage(seedHtml, 'https://mirror.example.net/copy');
    expect(page).toMatchObject({
      title: 'Xi und Putin telefonieren an Xis Geburtstag',
      published: '2022-06-15T18:30:00Z',
      author: 'Ada Beispiel',
      url: 'https://news.example.org/2022/06/xi-putin-geburtstag',
      lang: 'de',
      source: 'Weltnachrichten',
    });
  });

  it('without JSON-LD or meta tags the date comes from <time datetime>, the source from the host, the language is left to detection', () => {
    const html =
      '<html><head><title>Council passes budget</title></head><body><nav>Home News Sport</nav><article>' +
      '<h1>Council passes budget</h1><p>Published <time datetime="2024-03-01T08:00:00Z">1 March</time></p>' +
      '<p>The city council passed the budget for schools and roads on Friday after a long debate.</p>' +
      '<p>The opposition voted against it and called the plan for the roads too expensive.</p></article></body></html>';
    const page = extractPage(html, 'https://www.city-news.example/budget');
    expect(page).toMatchObject({
      title: 'Council passes budget',
      published: '2024-03-01T08:00:00Z',
      url: 'https://www.city-news.example/budget',
      lang: null,
      source: 'city-news.example',
    });
  });

  it('a full JSON-LD articleBody is preferred, with its headline, date and authors', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example' },
        {
          '@type': ['NewsArticle'],
          headline: 'Rat beschließt Haushalt &amp; Steuern',
          datePublished: '2024-03-01T08:00:00+01:00',
          author: [{ '@type': 'Person', name: 'Jan Muster' }, { name: 'Eva Probe' }],
          articleBody:
            'Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. Die Mehrheit war knapp.\nDie Opposition kündigte an, gegen einzelne Posten zu klagen, und verlangte eine neue Abstimmung über die Steuern.',
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><div><p>Abonnieren Sie unseren Newsletter für mehr Nachrichten aus der Stadt und der Region.</p>
      <p>Der Stadtrat hat am Donnerstag den Haushalt beschlossen.</p></div></body></html>`;
    const page = extractPage(html, 'https://www.stadt.example/rat');
    expect(page.body).toBe(
      'Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. Die Mehrheit war knapp.\n\nDie Opposition kündigte an, gegen einzelne Posten zu klagen, und verlangte eine neue Abstimmung über die Steuern.',
    );
    expect(page).toMatchObject({
      title: 'Rat beschließt Haushalt & Steuern',
      author: 'Jan Muster, Eva Probe',
      published: '2024-03-01T08:00:00+01:00',
      source: 'stadt.example',
    });
  });

  it('a .html.gz file is one article whose id is the file name without its extensions', async () => {
    const target = path.join(dir, 'Seed Seite.html.gz');
    writeFileSync(target, gzipSync(Buffer.from(seedHtml)));
    const [item, ...rest] = await collect([target]);
    expect(rest).toEqual([]);
    expect(item?.ok && item.article).toMatchObject({
      id: 'Seed_Seite',
      lang: 'de',
      published: '2022-06-15T18:30:00.000Z',
      author: 'Ada Beispiel',
    });
  });

  it('a page without article text is rejected with its file; the pool reads pages on a worker thread', async () => {
    const empty = path.join(dir, 'leer.htm');
    writeFileSync(empty, '<html><body><nav><a href="/">Start</a></nav></body></html>');
    const items: IngestItem[] = [];
    for await (const item of readInputs(
      [empty, path.join(FIXTURES, 'seed-article-de.html')],
      1e6,
      pool.readPage,
    )) {
      items.push(item);
    }
    expect(items[0]).toMatchObject({ ok: false, id: 'leer', reason: 'no article text found in the page' });
    expect(items[1]?.ok && items[1].article.body).toContain('Geburtstags Grüße');
  });

  it('the page pool replaces a worker after its quota of pages and goes on reading', async () => {
    const quota = POOL.recycleAfter;
    POOL.recycleAfter = 1;
    const recycling = createPagePool(1);
    try {
      for (let i = 0; i < 3; i++) {
        expect((await recycling.readPage(seedHtml, null)).body).toContain('Geburtstags Grüße');
      }
      // Pages queued on a worker that reaches its quota are still answered by it.
      const queued = await Promise.all([1, 2, 3, 4].map(() => recycling.readPage(seedHtml, null)));
      expect(queued.every((page) => page.body.includes('Geburtstags Grüße'))).toBe(true);
    } finally {
      POOL.recycleAfter = quota;
      await recycling.close();
    }
  });

  it.runIf(existsSync(WEB_CORPUS))(
    'real news pages: the extracted text matches the ground truth',
    async () => {
      const folder = path.join(WEB_CORPUS, 'fundus-news');
      const truth = JSON.parse(await readFile(path.join(folder, 'ground_truth.json'), 'utf8')) as Record<
        string,
        { articleBody: string; url: string }
      >;
      const ids = Object.keys(truth)
        .sort()
        .filter((_, i) => i % 40 === 0);
      for (const id of ids) {
        const html = gunzipSync(await readFile(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');
        const page = truth[id] as { articleBody: string; url: string };
        expect(shingleScore(extractPage(html, page.url).body, page.articleBody).f1, id).toBeGreaterThan(0.8);
      }
    },
  );
  if (!existsSync(WEB_CORPUS)) console.log(`skipped the real pages: ${WEB_CORPUS} is absent`);
});
