import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fetchUrl, type FetchLimits } from '../../src/ingest/fetch-url.js';
import { isPublicAddress } from '../../src/ingest/is-public-address.js';
import { readPageInProcess } from '../../src/ingest/read-inputs.js';
import { readUrl } from '../../src/ingest/read-url.js';
import type { IngestItem } from '../../src/ingest/types.js';
import { startLocalWebServer, type LocalWebServer } from '../helpers/local-web-server.js';

const PAGE = `<html lang="en"><head><title>Council passes budget</title></head><body><article>
<h1>Council passes budget</h1><p>The city council passed the budget for next year on Tuesday after a long debate.</p>
<p>The opposition said it would challenge several items in court and asked for a new vote on taxes.</p></article></body></html>`;

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>City news</title><link>https://example.org/</link>
<item><title>Council passes budget</title><link>https://example.org/budget</link>
<description>The city council passed the budget for next year on Tuesday.</description></item></channel></rss>`;
const RDF = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.org/"><title>City news</title><link>https://example.org/</link></channel>
<item rdf:about="https://example.org/budget"><title>Council passes budget</title><link>https://example.org/budget</link>
<description>The city council passed the budget for next year on Tuesday.</description></item></rdf:RDF>`;

let web: LocalWebServer;
const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({
  ...loadConfig({ FETCH_ALLOW_HOSTS: '127.0.0.1' }).fetch,
  ...overrides,
});

beforeAll(async () => {
  web = await startLocalWebServer();
  web.route('/page', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  );
  web.route('/to-page', (_req, res) => res.writeHead(302, { location: '/page' }).end());
  web.route('/to-localhost', (_req, res) =>
    res.writeHead(302, { location: `http://localhost:${web.port}/page` }).end(),
  );
  web.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
  web.route('/big', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(5000)));
  web.route('/big-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 5; i++) res.write('y'.repeat(1000));
    res.end();
  });
  web.route('/slow', (_req, res) => {
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), 3_000);
    res.on('close', () => clearTimeout(timer));
  });
  // The types servers send feeds with besides the registered ones (Python's http.server: `.rss`).
  web.route('/x-rss', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/x-rss+xml' }).end(RSS),
  );
  web.route('/rdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(RDF));
  web.route('/image', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('PNG'));
  web.route('/etag', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' }).end(PAGE);
  });
});
afterAll(() => web.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe('fetching URLs', () => {
  it('loopback and private addresses are refused with url_not_allowed unless their host is allowed', async () => {
    const none = limits({ allowHosts: [] });
    expect(await failure(fetchUrl(`${web.origin}/page`, none))).toBe('url_not_allowed');
    expect(await failure(fetchUrl(`http://localhost:${web.port}/page`, none))).toBe('url_not_allowed');
    expect(await failure(fetchUrl('http://[::1]:9/page', none))).toBe('url_not_allowed');
    expect(await failure(fetchUrl('file:///etc/passwd', none))).toBe('url_not_allowed');
    const fetched = await fetchUrl(`${web.origin}/to-page`, limits());
    expect(fetched.url).toBe(`${web.origin}/page`);
    expect(fetched.body.toString()).toBe(PAGE);
  });

  it('a redirect to a private address whose host is not allowed is refused', async () => {
    expect(await failure(fetchUrl(`${web.origin}/to-localhost`, limits()))).toBe('url_not_allowed');
  });

  it('each limit has its own rejection: size, time, redirects, content type', async () => {
    expect(await failure(fetchUrl(`${web.origin}/big`, limits({ maxBytes: 4096 })))).toBe('fetch_too_large');
    expect(await failure(fetchUrl(`${web.origin}/big-chunked`, limits({ maxBytes: 4096 })))).toBe(
      'fetch_too_large',
    );
    expect(await failure(fetchUrl(`${web.origin}/slow`, limits({ timeoutMs: 300 })))).toBe('fetch_timeout');
    expect(await failure(fetchUrl(`${web.origin}/loop`, limits()))).toBe('too_many_redirects');
    expect(await failure(fetchUrl(`${web.origin}/image`, limits()))).toBe('unsupported_content_type');
    expect(await failure(fetchUrl(`${web.origin}/missing`, limits()))).toBe('fetch_failed');
  });

  it('requests name newsgraph and are conditional when given an ETag; a 304 yields no article', async () => {
    const deps = { limits: limits(), readPage: readPageInProcess, maxChars: 100_000 };
    const first: IngestItem[] = [];
    for await (const item of readUrl(`${web.origin}/etag`, deps)) first.push(item);
    expect(first[0]?.ok && first[0].article).toMatchObject({
      url: `${web.origin}/etag`,
      title: 'Council passes budget',
      lang: 'en',
    });
    const again: IngestItem[] = [];
    for await (const item of readUrl(`${web.origin}/etag`, deps, { conditional: { etag: '"v1"' } })) {
      again.push(item);
    }
    expect(again).toEqual([]);
    const last = web.requests[web.requests.length - 1];
    expect(last?.headers['if-none-match']).toBe('"v1"');
    expect(last?.headers['user-agent']).toMatch(/^newsgraph\//);
  });

  it('feeds served as application/x-rss+xml or application/rdf+xml are read as feeds', async () => {
    const deps = { limits: limits(), readPage: readPageInProcess, maxChars: 100_000 };
    for (const route of ['/x-rss', '/rdf']) {
      const items: IngestItem[] = [];
      for await (const item of readUrl(`${web.origin}${route}`, deps)) items.push(item);
      expect(
        items.map((item) => item.ok && item.article.url),
        route,
      ).toEqual(['https://example.org/budget']);
    }
  });

  it('address ranges: private, loopback, link-local and mapped addresses are not public', () => {
    for (const address of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      'nonsense',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '2606:4700::1111', '172.32.0.1'])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('FETCH_ALLOW_HOSTS is validated', () => {
    expect(() => loadConfig({ FETCH_ALLOW_HOSTS: 'http://x/' })).toThrow(/FETCH_ALLOW_HOSTS/);
    expect(loadConfig({ FETCH_ALLOW_HOSTS: ' Example.org , [::1]' }).fetch.allowHosts).toEqual([
      'example.org',
      '::1',
    ]);
  });
});
