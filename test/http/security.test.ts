// Limits, headers, escaping and filter injection: the API's behaviour under hostile or careless input.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/create-app.js';
import { contractViolations } from '../helpers/contract.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const KEY = 'security-test-key-0123456789';
let ng: TestNewsgraph;
const auth = { Authorization: `Bearer ${KEY}` };
/** Sources holding the characters a filter string escapes: each must still match itself, and only itself. */
const QUOTED = ['Die "Zeit"', 'C:\\Nachrichten\\', 'Die Zeit', 'Zitat \\"x\\" Ende', '""'];

beforeAll(async () => {
  ng = await openTestNewsgraph('security', { ADMIN_API_KEY: KEY });
  await request(ng.app)
    .post('/articles')
    .set(auth)
    .send([
      {
        id: 'xss',
        body: 'Olaf Scholz sagte <script>alert(1)</script> in Berlin & Wien.',
        lang: 'de',
        source: 'a',
      },
      { id: 'plain', body: 'Olaf Scholz traf Emmanuel Macron.', lang: 'en', source: 'b' },
      ...QUOTED.map((source, i) => ({ id: `quoted-${i}`, body: 'Wladimir Putin im Kreml.', source })),
    ])
    .expect(200);
});

describe('headers and limits', () => {
  it('sends security headers and, without configured origins, no CORS header', async () => {
    const res = await request(ng.app).get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the Content-Security-Policy allows only same-origin scripts, and blobs only for workers and images', async () => {
    const res = await request(ng.app).get('/health').expect(200);
    const policy = new Map<string, string[]>(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...values]) => [name as string, values]),
    );
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
    // No other origin for scripts, workers, frames or requests; no eval anywhere (helmet's defaults let
    // fonts and styles come over https, which runs no code).
    const loose = [...policy].filter(
      ([name, values]) =>
        values.some((value) => /unsafe-(eval|hashes)|^\*$|^https?:/.test(value)) &&
        !(name === 'style-src' || name === 'font-src'),
    );
    expect(loose).toEqual([]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows configured CORS origins only', async () => {
    const app = ng.record(createApp({ ...ng.deps, corsOrigins: ['https://newsroom.example'] }));
    const ok = await request(app).get('/health').set('Origin', 'https://newsroom.example');
    expect(ok.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    const other = await request(app).get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with a JSON error past the request rate', async () => {
    const app = ng.record(createApp({ ...ng.deps, rateLimitPerMinute: 3 }));
    for (let i = 0; i < 3; i++) await request(app).get('/graph').expect(200);
    const res = await request(app).get('/graph').expect(429);
    expect(res.body.error.code).toBe('rate_limited');
  });

  it('answers 413 for a body over the size limit and for too many records', async () => {
    const small = ng.record(createApp({ ...ng.deps, maxRequestBytes: 1024 }));
    const big = await request(small)
      .post('/articles')
      .set(auth)
      .send({ body: 'x'.repeat(5000) })
      .expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const few = ng.record(createApp({ ...ng.deps, maxArticlesPerRequest: 2 }));
    const many = await request(few)
      .post('/articles')
      .set(auth)
      .send([{ body: 'a' }, { body: 'b' }, { body: 'c' }])
      .expect(413);
    expect(many.body.error.message).toMatch(/MAX_ARTICLES_PER_REQUEST/);
  });

  it('rejects a 10 kB query with 400 naming q', async () => {
    const res = await request(ng.app)
      .get('/search')
      .query({ q: 'x'.repeat(10_000) })
      .expect(400);
    expect(res.body.error.message).toMatch(/^q:/);
  });
});

describe('escaping', () => {
  it('article text with <script> comes back escaped in snippets and evidence; <mark> is the only markup', async () => {
    const search = await request(ng.app).get('/search').query({ q: 'Berlin', source: 'a' }).expect(200);
    const snippet: string = search.body.hits[0].snippet;
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).toContain('&amp;');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    const neighbors = await request(ng.app).get('/entities/olaf-scholz/neighbors').expect(200);
    const evidence: string[] = neighbors.body.neighbors.flatMap(
      (n: { evidence: Array<{ snippet: string }> }) => n.evidence.map((e) => e.snippet),
    );
    expect(evidence.some((text) => text.includes('&lt;script&gt;'))).toBe(true);
    expect(evidence.every((text) => !/<(?!\/?mark>)/.test(text))).toBe(true);
  });
});

describe('filter injection', () => {
  const hostile = [
    'a" OR source = "b',
    'a\\" OR source = "b',
    'a OR b',
    'a" AND lang = "en',
    'x = y',
    '0 TO 99999999999999',
    '(a) OR (b)',
    "a' OR 'b",
    '\\',
    '"',
  ];

  it.each(hostile)('source=%j matches only a source of that exact name', async (value) => {
    const res = await request(ng.app).get('/search').query({ source: value }).expect(200);
    expect(res.body.total).toBe(0);
  });

  it.each(hostile)('entity=%j never widens the plain entity filter', async (value) => {
    const plain = await request(ng.app).get('/search').query({ entity: 'emmanuel-macron' }).expect(200);
    const injected = await request(ng.app)
      .get('/search')
      .query({ entity: ['emmanuel-macron', value] })
      .expect(200);
    const plainIds = new Set(plain.body.hits.map((hit: { id: string }) => hit.id));
    expect(injected.body.hits.every((hit: { id: string }) => plainIds.has(hit.id))).toBe(true);
    expect(injected.body.total).toBe(0);
  });

  it.each(QUOTED.map((source, i) => [source, i]))(
    'source=%j, holding quotes or backslashes, matches itself and only itself',
    async (source, i) => {
      const res = await request(ng.app).get('/search').query({ source }).expect(200);
      expect(res.body.hits.map((hit: { id: string }) => hit.id)).toEqual([`quoted-${i}`]);
      expect(res.body.hits[0].source).toBe(source);
    },
  );

  it.each(['de" OR lang = "en', 'de OR en', '(de)'])('lang=%j is refused with 400', async (value) => {
    const res = await request(ng.app).get('/search').query({ lang: value }).expect(400);
    expect(res.body.error.message).toMatch(/^lang:/);
  });
});

describe('the OpenAPI contract', () => {
  it('every answer above, errors included, matches what its route documents', async () => {
    const document = (await request(createApp(ng.deps)).get('/openapi.json').expect(200)).body;
    expect(contractViolations(document, ng.responses)).toEqual([]);
  });
});
