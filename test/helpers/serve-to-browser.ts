// An app on a loopback port and a headless Chromium to look at it, for the browser tests; close() ends
// both. serveExplorer serves a test newsgraph's app with the explorer page built into its data directory.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import type { Browser } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { createApp } from '../../src/http/create-app.js';
import type { TestNewsgraph } from './test-newsgraph.js';

export interface BrowserSession {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveToBrowser(app: Express): Promise<BrowserSession> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

export async function serveExplorer(ng: TestNewsgraph): Promise<BrowserSession> {
  const webDir = await buildWeb(path.join(ng.config.dataDir, 'web'));
  return serveToBrowser(createApp({ ...ng.deps, webDir }));
}
