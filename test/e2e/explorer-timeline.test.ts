// The explorer's time features in a real browser (Debian's Chromium, playwright-core): the start screen's
// trending list, the timeline strip under the graph for the centre and for a selected link, and a drag
// across the strip that sets from/to in the URL and redraws the graph for those dates.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/launch-chromium.js';
import { serveExplorer, type BrowserSession } from '../helpers/serve-to-browser.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const KEY = 'test-admin-key-timeline-0123456789';
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(
    `explorer timeline tests skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`,
  );

const month = (m: number) => String(m).padStart(2, '0');
/** Merkel with Macron on the 15th of every month of 2021; with Putin only in January and February. */
const ARTICLES = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `mm-${i + 1}`,
    body: 'Angela Merkel traf Emmanuel Macron in Paris.',
    published: `2021-${month(i + 1)}-15`,
  })),
  { id: 'mp-1', body: 'Angela Merkel sprach mit Wladimir Putin.', published: '2021-01-20' },
  { id: 'mp-2', body: 'Angela Merkel sprach mit Wladimir Putin.', published: '2021-02-20' },
  { id: 'sm-1', body: 'Olaf Scholz traf Emmanuel Macron.', published: '2021-12-14' },
].map((article) => ({ ...article, lang: 'de' }));

type Holder = { newsgraph: { view: { graph: { order: number; hasNode(id: string): boolean } } } };

describe.runIf(present)('the explorer timeline', () => {
  let ng: TestNewsgraph;
  let browser: Browser;
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    ng = await openTestNewsgraph('explorer_timeline', { ADMIN_API_KEY: KEY });
    await request(ng.app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(ARTICLES).expect(200);
    session = await serveExplorer(ng);
    ({ url, browser } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await ng?.opened.close();
  });

  async function openPage(query = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/${query}`);
    return { page, errors };
  }

  it('lists what is trending on the start screen, anchored to the newest article, and opens one', async () => {
    const { page, errors } = await openPage();
    await page.waitForSelector('#trending .trending-entities button[data-center]');
    expect(await page.textContent('#trending-window')).toContain(
      'the 7 days up to 2021-12-15, the newest dated article in the index',
    );
    const names = await page.locator('#trending .trending-entities button').allTextContents();
    expect(names).toContain('Olaf Scholz');
    await page.click('#trending .trending-entities button[data-center="olaf-scholz"]');
    await page.waitForFunction(() => (window as unknown as Holder).newsgraph.view.graph.order > 1);
    expect(new URL(page.url()).searchParams.get('center')).toBe('olaf-scholz');
    expect(await page.isHidden('#trending')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the strip under the graph, and a drag across it sets from/to in the URL and the graph', async () => {
    const { page, errors } = await openPage('?center=angela-merkel');
    await page.waitForFunction(() =>
      (window as unknown as Holder).newsgraph.view.graph.hasNode('vladimir-putin'),
    );
    // Twelve months of 2021, one bar each; the caption names the entity and the interval.
    await page.waitForSelector('#timeline svg rect.bar');
    expect(await page.locator('#timeline svg rect.bar').count()).toBe(12);
    expect(await page.textContent('#timeline .timeline-caption')).toMatch(
      /^Angela Merkel: 14 dated articles by month/,
    );
    const strip = await page.locator('#timeline svg').boundingBox();
    const graphBox = await page.locator('#graph').boundingBox();
    if (!strip || !graphBox) throw new Error('strip or graph not laid out');
    expect(strip.y).toBeGreaterThanOrEqual(graphBox.y + graphBox.height - 1);

    // Drag from June (bucket 5) to September (bucket 8).
    const x = (bucket: number) => strip.x + ((bucket + 0.5) / 12) * strip.width;
    const y = strip.y + strip.height / 2;
    await page.mouse.move(x(5), y);
    await page.mouse.down();
    await page.mouse.move(x(6), y, { steps: 3 });
    await page.mouse.move(x(8), y, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2021-09-30');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2021-06-01');
    expect(await page.inputValue('#from')).toBe('2021-06-01');
    // Putin was mentioned with Merkel only in January and February: the redrawn graph leaves him out.
    await page.waitForFunction(() => {
      const { graph } = (window as unknown as Holder).newsgraph.view;
      return graph.hasNode('emmanuel-macron') && !graph.hasNode('vladimir-putin');
    });
    expect(await page.locator('#timeline svg rect.range').count()).toBe(1);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'explorer-timeline.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the timeline of the pair when a link is selected', async () => {
    const { page, errors } = await openPage('?center=angela-merkel&selected=vladimir-putin');
    await page.waitForFunction(() =>
      document.querySelector('#timeline .timeline-caption')?.textContent?.includes(' & '),
    );
    expect(await page.textContent('#timeline .timeline-caption')).toMatch(
      /^Angela Merkel & Vladimir Putin: 2 dated articles by day/,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
