// Runs in a worker thread of the page pool: reads each page it is sent and answers its text and metadata,
// or the reason it could not.
import { parentPort } from 'node:worker_threads';
import type { PageRequest, PageResponse } from './create-page-pool.js';
import { extractPage } from './extract-page.js';

parentPort?.on('message', ({ id, html, url }: PageRequest) => {
  let response: PageResponse;
  try {
    response = { id, page: extractPage(html, url) };
  } catch (cause) {
    response = { id, error: (cause as Error).message };
  }
  parentPort?.postMessage(response);
});
