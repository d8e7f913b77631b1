// The explorer page in a real browser (Debian's Chromium driven by playwright-core) over the sample
// article: type "Putin", pick him, check the graph the page holds, click Xi Jinping, read the evidence.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/launch-chromium.js';
import { serveExplorer, type BrowserSession } from '../helpers/serve-to-browser.js';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(`explorer tests skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);

describe.runIf(present)('the explorer page', () => {
  let ng: TestNewsgraph;
  let browser: Browser;
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    ng = await openTestNewsgraph('explorer');
    await ng.index([SAMPLE]);
    session = await serveExplorer(ng);
    ({ url, browser } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('finds Putin, draws his neighbourhood, and shows the evidence for Xi Jinping', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.fill('#search', 'Putin');
    await page.click('#suggestions li[data-entity="vladimir-putin"]');
    await page.waitForFunction(() => {
      const holder = (window as unknown as { newsgraph: { view: { graph: { order: number } } } }).newsgraph;
      return holder.view.graph.order > 5;
    });
    const nodes = await page.evaluate(() =>
      (
        window as unknown as { newsgraph: { view: { graph: { nodes(): string[] } } } }
      ).newsgraph.view.graph.nodes(),
    );
    expect(nodes).toEqual(expect.arrayContaining(['xi-jinping', 'kremlin', 'vladimir-putin']));
    expect(new URL(page.url()).searchParams.get('center')).toBe('vladimir-putin');

    // Nodes move until ForceAtlas2 stops: click Xi Jinping where the renderer draws him after that.
    await page.waitForFunction(
      () =>
        !(window as unknown as { newsgraph: { view: { layoutRunning: boolean } } }).newsgraph.view
          .layoutRunning,
    );
    const position = await page.evaluate(() => {
      type Renderer = {
        framedGraphToViewport(p: object): { x: number; y: number };
        getNodeDisplayData(n: string): object;
      };
      const { view } = (window as unknown as { newsgraph: { view: { renderer: Renderer } } }).newsgraph;
      return view.renderer.framedGraphToViewport(view.renderer.getNodeDisplayData('xi-jinping'));
    });
    const box = await page.locator('#graph').boundingBox();
    await page.mouse.click((box?.x ?? 0) + position.x, (box?.y ?? 0) + position.y);
    mkdirSync(RESULTS, { recursive: true });
    await page.waitForSelector('#panel .evidence blockquote').catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(RESULTS, 'explorer-failed.png') });
      throw error;
    });
    expect(await page.textContent('#panel h2')).toBe('Xi Jinping');
    const evidence = await page.locator('#panel .evidence blockquote').allTextContents();
    expect(evidence.some((text) => /Xi/.test(text) && /Putin/.test(text))).toBe(true);

    await page.screenshot({ path: path.join(RESULTS, 'explorer.png') });

    // A neighbour chosen in the card shows the evidence between the two.
    await page.click('#panel button[data-pair="china"]');
    await page.waitForFunction(() => document.querySelector('#evidence h3')?.textContent?.includes('China'));
    expect(await page.textContent('#evidence h3')).toBe('Evidence: China with Xi Jinping');
    expect(await page.locator('#evidence blockquote mark').count()).toBeGreaterThanOrEqual(2);

    // The page's own exports load back with their readers.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = Graph.from(JSON.parse(readFileSync((await json.path()) as string, 'utf8')));
    expect(exported.order).toBe(nodes.length);
    expect(exported.getNodeAttribute('xi-jinping', 'label')).toBe('Xi Jinping');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = readFileSync((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const gexfHref = await page.getAttribute('#export-gexf', 'href');
    const gexf = await (await fetch(new URL(gexfHref as string, url))).text();
    expect(parse(Graph, gexf).hasNode('xi-jinping')).toBe(true);

    await page.click('#panel .evidence button[data-article]');
    await page.waitForSelector('#panel .article-body mark.focus');
    expect(await page.locator('#panel .article-body mark').count()).toBeGreaterThan(20);

    await page.screenshot({ path: path.join(RESULTS, 'explorer-article.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
