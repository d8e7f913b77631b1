// Node's fetch asks for compressed replies, which stall ~45 ms each on loopback; the client must ask for
// identity encoding. A local HTTP server records the request headers the client really sends.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { openTestNewsgraph } from '../helpers/test-newsgraph.js';

describe('Meilisearch client', () => {
  it('asks for uncompressed replies', async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((req, res) => {
      seen = req.headers;
      res.setHeader('Content-Type', 'application/json');
      res.end('{"status":"available"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await createMeiliClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 2_000 }).health();
    } finally {
      server.close();
    }
    expect(seen?.['accept-encoding']).toBe('identity');
  });
});

describe('scoped key', () => {
  it('the search stage works with a key that reaches only its own indexes', async () => {
    const ng = await openTestNewsgraph('scoped');
    const key = ng.opened.searchKey as string;
    expect(key).toBeDefined();
    expect(key).not.toBe(inject('meiliKey'));
    const get = (path: string) =>
      fetch(`${inject('meiliUrl')}${path}`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await get(`/indexes/${ng.config.meili.indexPrefix}articles/stats`)).status).toBe(200);
    expect((await get('/keys')).status).toBe(403);
    expect((await get('/indexes/someone_elses/stats')).status).toBe(403);
    const again = await openTestNewsgraph('scoped');
    expect(again.opened.searchKey).not.toBe(key);
  });
});
