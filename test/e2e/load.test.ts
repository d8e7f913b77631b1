// The load of `npm run load`, in miniature: a few seconds at 10 connections must give no error and no
// non-2xx answer; and writes during the load leave the graph equal to a rebuild from the index.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildGraph } from '../../src/sync-graph.js';
import { runMixedLoad } from '../../scripts/mixed-load.js';
import { graphShape } from '../helpers/graph-shape.js';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { articleCount } from '../../src/graph/article-table.js';

const KEY = 'load-test-key-0123456789';
let ng: TestNewsgraph;
let server: ReturnType<TestNewsgraph['app']['listen']>;
let url: string;

beforeAll(async () => {
  ng = await openTestNewsgraph('load', { ADMIN_API_KEY: KEY });
  await ng.index([SAMPLE]);
  server = ng.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
});

describe('under load', () => {
  it('answers every request of a mixed load with 2xx, while articles are written concurrently', async () => {
    const people = [
      'Olaf Scholz',
      'Emmanuel Macron',
      'Angela Merkel',
      'Joe Biden',
      'Xi Jinping',
      'Wladimir Putin',
    ];
    const writes = (async () => {
      for (let i = 0; i < 10; i++) {
        const batch = Array.from({ length: 20 }, (_, j) => ({
          id: `load-${(i * 20 + j) % 50}`,
          body: `${people[(i + j) % 6]} traf ${people[(i * 3 + j) % 6]} in Berlin. Runde ${i}.`,
          lang: 'de',
        }));
        const res = await fetch(`${url}/articles`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
          body: JSON.stringify(batch),
        });
        expect(res.status).toBe(200);
      }
    })();
    const result = await runMixedLoad({
      url,
      words: ['Kreml', 'Putin', 'China', 'Berlin', 'Runde'],
      entities: ['vladimir-putin', 'xi-jinping', 'kremlin', 'china', 'ukraine'],
      connections: 10,
      durationSeconds: 3,
    });
    await writes;
    expect(result.requests).toBeGreaterThan(0);
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);

    const rebuilt = await rebuildGraph(ng.opened.search);
    expect(graphShape(ng.store)).toEqual(graphShape(rebuilt));
    expect(articleCount(ng.store)).toBe(51);
  }, 60_000);
});
