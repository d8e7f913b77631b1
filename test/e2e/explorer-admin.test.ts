// The explorer's admin mode in a real browser (Debian's Chromium, playwright-core) against the real API and
// Meilisearch: no controls without a key, the 401 message for a wrong one; with the right key a merge of a
// suggested duplicate redraws graph and card, a revert that a later correction builds on shows its 409,
// undo brings the state back, a rename shows at once; the key stays in sessionStorage, out of the URL.
import { entityAttributes, hasEntity } from '../../src/graph/entity-table.js';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/launch-chromium.js';
import { serveExplorer, type BrowserSession } from '../helpers/serve-to-browser.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const KEY = 'explorer-admin-key-0123456789abcdef';
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(`explorer admin tests skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);

/** "Michael Müler" is a misspelt "Michael Müller": one provisional entity too many. */
const ARTICLES = [
  { id: 'b1', body: 'Michael Müller traf Olaf Scholz in Berlin.' },
  { id: 'b2', body: 'Michael Müller sprach mit Emmanuel Macron in Paris.' },
  { id: 'b3', body: 'Michael Müler traf Olaf Scholz in Berlin.' },
  { id: 'b4', body: 'Olaf Scholz und Emmanuel Macron trafen Wladimir Putin.' },
].map((article, i) => ({ ...article, lang: 'de', published: `2024-01-0${i + 1}` }));

type Holder = {
  newsgraph: {
    view: { graph: { hasNode(id: string): boolean; getNodeAttribute(id: string, name: string): unknown } };
  };
};
const hasNode = (id: string) => (window as unknown as Holder).newsgraph.view.graph.hasNode(id);

describe.runIf(present)('the explorer admin mode', () => {
  let ng: TestNewsgraph;
  let browser: Browser;
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    ng = await openTestNewsgraph('explorer_admin', { ADMIN_API_KEY: KEY, NER: 'off', EXTRACT_THREADS: '0' });
    await request(ng.app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(ARTICLES).expect(200);
    session = await serveExplorer(ng);
    ({ url, browser } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await ng?.opened.close();
  });

  async function openPage(query: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/${query}`);
    return { page, errors };
  }

  it('shows no corrections without a key, and the 401 message for a wrong one', async () => {
    const { page, errors } = await openPage('?center=olaf-scholz&selected=prov-michael-mueler');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Michael Müler');
    expect(await page.locator('#admin-tools').count()).toBe(0);
    await page.fill('#admin-key', 'not-the-key');
    await page.click('#admin-use');
    await page.waitForSelector('#admin-message.error');
    expect(await page.textContent('#admin-message')).toContain('missing or wrong');
    expect(await page.locator('#admin-tools').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('newsgraph.adminKey'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('merges a suggested duplicate, shows a 409 undo, undoes, and renames, each redrawn; the key never in the URL', async () => {
    const { page, errors } = await openPage('?center=olaf-scholz&selected=prov-michael-mueler');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Michael Müler');
    await page.fill('#admin-key', KEY);
    await page.press('#admin-key', 'Enter');

    // The card offers the duplicate the API suggests, with its score and reasons.
    const suggestion = page.locator('#admin-similar li[data-candidate="prov-michael-mueller"]');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toMatch(/score \d\.\d\d: .*names 1 edit apart/);
    expect(await page.evaluate(() => sessionStorage.getItem('newsgraph.adminKey'))).toBe(KEY);
    expect(page.url()).not.toContain(KEY);

    await suggestion.locator('button[data-merge-into]').click();
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Michael Müller');
    await page.waitForFunction(hasNode, 'prov-michael-mueller');
    expect(await page.evaluate(hasNode, 'prov-michael-mueler')).toBe(false);
    expect(await page.textContent('#panel p.muted')).toContain('3 articles');
    expect(hasEntity(ng.store, 'prov-michael-mueler')).toBe(false);
    expect(new URL(page.url()).searchParams.get('selected')).toBe('prov-michael-mueller');

    // A later correction of the merge target, made elsewhere, blocks the undo: the 409 is shown.
    const rename = await request(ng.app)
      .patch('/entities/prov-michael-mueller')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ type: 'other' })
      .expect(200);
    await page.click('#admin-undo');
    await page.waitForSelector('#admin-message.error');
    expect(await page.textContent('#admin-message')).toContain(
      `later operations build on "${(await ng.opened.curationLog.all()).find((c) => c.args.operation === 'merge')?.id}"`,
    );
    expect(await page.textContent('#admin-message')).toContain(rename.body.id);
    await request(ng.app)
      .post(`/curations/${rename.body.id}/revert`)
      .set('Authorization', `Bearer ${KEY}`)
      .expect(200);

    // Undo: the merged entity and the view before the merge are back.
    await page.click('#admin-undo');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Michael Müler');
    await page.waitForFunction(hasNode, 'prov-michael-mueler');
    expect(entityAttributes(ng.store, 'prov-michael-mueller')?.articles).toBe(2);
    expect(await page.textContent('#admin-message')).toContain(
      'Undone: merge Michael Müler into Michael Müller',
    );

    // Rename: the card and the graph's label change.
    await page.fill('#admin-rename-form input[name="name"]', 'Michael Müler (Tippfehler)');
    await page.click('#admin-rename-form button');
    await page.waitForFunction(
      () => document.querySelector('#panel h2')?.textContent === 'Michael Müler (Tippfehler)',
    );
    await page.waitForFunction(
      () =>
        (window as unknown as Holder).newsgraph.view.graph.getNodeAttribute(
          'prov-michael-mueler',
          'label',
        ) === 'Michael Müler (Tippfehler)',
    );
    expect(entityAttributes(ng.store, 'prov-michael-mueler')?.name).toBe('Michael Müler (Tippfehler)');

    expect(await page.evaluate(() => sessionStorage.getItem('newsgraph.adminKey'))).toBe(KEY);
    expect(page.url()).not.toContain(KEY);
    expect(await page.evaluate(() => location.href)).not.toContain(KEY);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'explorer-admin.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
