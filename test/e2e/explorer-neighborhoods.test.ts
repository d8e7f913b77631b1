// The explorer's depth-2 view in a real browser (Debian's Chromium) on a fixture graph built for it: a
// person whose world is three colleagues and one hub ("Hubland", in most articles, with 200 companions of
// its own). Opened from a link, the view stays small, says which hub it did not walk through, names the
// centre in the search box, and its status line does not run under the legend.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/launch-chromium.js';
import { addArticle } from '../../src/graph/add-article.js';
import { DEPTH_2_DEFAULTS } from '../../src/graph/export-graph.js';
import { serveExplorer, type BrowserSession } from '../helpers/serve-to-browser.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const present = existsSync(CHROMIUM);
if (!present)
  console.warn(`explorer tests skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);

/** Articles as lists of entity ids, straight into the graph (the page reads the graph, not the index). */
function addFixture(ng: TestNewsgraph): void {
  const articles: string[][] = [];
  for (let i = 0; i < 8; i++) articles.push(['ada-lenz', 'hubland', `colleague-${i % 3}`]);
  for (let i = 0; i < 3; i++) articles.push(['colleague-0', `friend-${i}`], ['colleague-0', `friend-${i}`]);
  for (let i = 0; i < 200; i++) articles.push(['hubland', `companion-${i}`], ['hubland', `companion-${i}`]);
  for (let i = 0; i < 100; i++) articles.push([`loner-${i}`]);
  const name = (id: string) =>
    id.replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);
  articles.forEach((ids, i) =>
    addArticle(ng.store, {
      id: `fixture-${i}`,
      seq: i + 1,
      title: `Fixture ${i}`,
      publishedTs: null,
      entityInfo: ids.map((id) => ({
        id,
        name: name(id),
        type: id === 'hubland' ? ('location' as const) : ('person' as const),
      })),
      mentions: ids.map((entityId) => ({ entityId, sentence: 0 })),
    }),
  );
}

const order = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { newsgraph: { view: { graph: { order: number } } } }).newsgraph.view.graph.order,
  );

describe.runIf(present)('the explorer on a graph with a hub', () => {
  let ng: TestNewsgraph;
  let browser: Browser;
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    ng = await openTestNewsgraph('explorer_hubs');
    addFixture(ng);
    session = await serveExplorer(ng);
    ({ url, browser } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('draws a small depth-2 view, names the hub left out, and keeps status and legend apart', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/?center=ada-lenz&depth=2`);
    await page.waitForFunction(() =>
      /entities, \d+ links/.test(document.getElementById('status')?.textContent ?? ''),
    );
    const shown = await order(page);
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(shown).toBeLessThanOrEqual(DEPTH_2_DEFAULTS.maxNodes as number);
    const status = (await page.textContent('#status')) ?? '';
    expect(status).toMatch(/Hubland: 200 further links/);
    expect(await page.inputValue('#search')).toBe('Ada Lenz');

    const [statusBox, legendBox] = await Promise.all([
      page.locator('#status').boundingBox(),
      page.locator('#legend').boundingBox(),
    ]);
    expect(statusBox && legendBox).toBeTruthy();
    if (statusBox && legendBox) {
      const apart =
        statusBox.x + statusBox.width <= legendBox.x ||
        legendBox.x + legendBox.width <= statusBox.x ||
        statusBox.y + statusBox.height <= legendBox.y ||
        legendBox.y + legendBox.height <= statusBox.y;
      expect(apart).toBe(true);
    }

    // The card names the most central entities of the view.
    await page.waitForSelector('#panel .central li');
    expect(await page.locator('#panel .central li').count()).toBeGreaterThan(0);
    await page.screenshot({
      path: path.resolve(import.meta.dirname, '../../test-results/explorer-hubs.png'),
    });

    // Walking through the hub, as before, brings in its 200 companions.
    await page.check('#expandHubs');
    await page.waitForFunction(
      () =>
        (window as unknown as { newsgraph: { view: { graph: { order: number } } } }).newsgraph.view.graph
          .order > 150,
    );
    expect(new URL(page.url()).searchParams.get('expandHubs')).toBe('true');
    expect(errors).toEqual([]);
  }, 120_000);
});
