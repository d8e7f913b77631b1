// The API reference at /docs in a real browser (Debian's Chromium): Swagger UI renders every operation of
// /openapi.json under helmet's Content-Security-Policy, and the page asks nothing of any other host.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/launch-chromium.js';
import { createApp } from '../../src/http/create-app.js';
import { serveToBrowser, type BrowserSession } from '../helpers/serve-to-browser.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const present = existsSync(CHROMIUM);
if (!present) console.warn(`/docs browser test skipped: ${CHROMIUM} is missing (.ci/run installs it)`);

describe.runIf(present)('the API reference page', () => {
  let ng: TestNewsgraph;
  let browser: Browser;
  let session: BrowserSession;
  let url: string;

  beforeAll(async () => {
    ng = await openTestNewsgraph('docs');
    session = await serveToBrowser(createApp(ng.deps));
    ({ url, browser } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('renders every documented operation with no CSP violation and no request elsewhere', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(`${url}/docs`);
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: object };
    const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item)).length;
    await page.waitForFunction((count) => document.querySelectorAll('.opblock').length >= count, operations);
    expect(await page.locator('.opblock').count()).toBe(operations);
    expect(await page.textContent('.info .title')).toContain('newsgraph');
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
