// The API contract: every endpoint's shape and every error case, with supertest against a real
// Meilisearch. Unavailability is tested against a real closed port, not a mock.
import { createServer } from 'node:net';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex } from '../../src/search/create-search-index.js';
import { contractViolations, unexercised } from '../helpers/contract.js';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const KEY = 'test-admin-key-0123456789';
let ng: TestNewsgraph;

const article = (id: string, body: string, extra: object = {}) => ({ id, body, lang: 'de', ...extra });

beforeAll(async () => {
  ng = await openTestNewsgraph('api', { ADMIN_API_KEY: KEY });
  await ng.index([SAMPLE]);
  await request(ng.app)
    .post('/articles')
    .set('Authorization', `Bearer ${KEY}`)
    .send([
      article('wien-1', 'Angela Merkel traf Emmanuel Macron in Paris. Die NATO tagte.', {
        source: 'example.at',
        published: '2021-03-01',
        title: 'Treffen in Paris',
      }),
      article('wien-2', 'Angela Merkel sprach mit Wladimir Putin über die Ukraine.', {
        source: 'example.de',
        published: '2022-05-10',
      }),
    ])
    .expect(200);
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('GET /health', () => {
  it('reports Meilisearch and the graph counts', async () => {
    const res = await request(ng.app).get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      meilisearch: 'available',
      articles: 3,
      entities: ng.store.graph.order,
      edges: ng.store.graph.size,
    });
  });
});

describe('GET /search', () => {
  it('answers the documented shape with facets named by entity', async () => {
    const res = await request(ng.app).get('/search').query({ q: 'Merkel' }).expect(200);
    expect(res.body).toMatchObject({ query: 'Merkel', total: 2, limit: 20, offset: 0 });
    expect(Object.keys(res.body.hits[0]).sort()).toEqual(
      ['entities', 'id', 'lang', 'published', 'snippet', 'source', 'title', 'url'].sort(),
    );
    expect(res.body.facets.entity).toContainEqual({
      id: 'angela-merkel',
      name: 'Angela Merkel',
      type: 'person',
      count: 2,
    });
    expect(res.body.facets.source).toEqual({ 'example.at': 1, 'example.de': 1 });
  });

  it('repeated entity means AND', async () => {
    const one = await request(ng.app).get('/search?entity=angela-merkel').expect(200);
    const both = await request(ng.app).get('/search?entity=angela-merkel&entity=vladimir-putin').expect(200);
    expect(one.body.total).toBe(2);
    expect(both.body.hits.map((hit: { id: string }) => hit.id)).toEqual(['wien-2']);
  });

  it('filters by language, source and date range', async () => {
    const bySource = await request(ng.app).get('/search').query({ source: 'example.at' }).expect(200);
    expect(bySource.body.hits.map((hit: { id: string }) => hit.id)).toEqual(['wien-1']);
    const byDate = await request(ng.app)
      .get('/search')
      .query({ from: '2022-01-01', to: '2022-12-31' })
      .expect(200);
    expect(byDate.body.hits.map((hit: { id: string }) => hit.id)).toEqual(['wien-2']);
    const byLang = await request(ng.app).get('/search').query({ lang: 'en' }).expect(200);
    expect(byLang.body.total).toBe(0);
  });

  it('a filter value holding filter syntax stays a value', async () => {
    const res = await request(ng.app)
      .get('/search')
      .query({ source: 'example.at" OR source = "example.de' })
      .expect(200);
    expect(res.body.total).toBe(0);
  });

  it.each([
    [{ limit: '101' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ offset: 'x' }, 'offset'],
    [{ from: '2022-02-30' }, 'from'],
    [{ lang: 'de"' }, 'lang'],
  ])('answers 400 naming the parameter for %j', async (query, parameter) => {
    const res = await request(ng.app).get('/search').query(query).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter}:`));
  });
});

describe('GET /entities', () => {
  it('finds entities by alias, typo-tolerant: "Putn" finds Putin', async () => {
    const res = await request(ng.app).get('/entities').query({ q: 'Putn' }).expect(200);
    expect(res.body.hits[0]).toMatchObject({ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' });
    expect(res.body.hits[0].aliases).toContain('Wladimir Putin');
    expect(res.body.hits[0].articles).toBe(2);
  });

  it('"Kreml" finds the Kremlin', async () => {
    const res = await request(ng.app).get('/entities').query({ q: 'Kreml' }).expect(200);
    expect(res.body.hits[0].id).toBe('kremlin');
  });

  it('lists entities by mentions without q, and filters by type', async () => {
    const res = await request(ng.app).get('/entities').query({ type: 'person', limit: 3 }).expect(200);
    expect(res.body.hits).toHaveLength(3);
    expect(res.body.hits.every((hit: { type: string }) => hit.type === 'person')).toBe(true);
    await request(ng.app).get('/entities').query({ type: 'planet' }).expect(400);
  });

  it('GET /entities/:id gives the card with neighbours and recent articles', async () => {
    const res = await request(ng.app).get('/entities/angela-merkel').expect(200);
    expect(res.body).toMatchObject({ id: 'angela-merkel', articles: 2, mentions: 2 });
    expect(res.body.neighbors.length).toBeGreaterThan(0);
    expect(res.body.recentArticles.map((a: { id: string }) => a.id)).toEqual(['wien-2', 'wien-1']);
  });

  it('unknown entities answer 404', async () => {
    const res = await request(ng.app).get('/entities/no-such-entity').expect(404);
    expect(res.body.error.code).toBe('not_found');
    await request(ng.app).get('/entities/no-such-entity/neighbors').expect(404);
  });

  it('neighbours honour window, type, minWeight and dates', async () => {
    const res = await request(ng.app)
      .get('/entities/angela-merkel/neighbors')
      .query({ type: 'person', window: 'sentence' })
      .expect(200);
    expect(res.body.neighbors.map((n: { id: string }) => n.id).sort()).toEqual([
      'emmanuel-macron',
      'vladimir-putin',
    ]);
    const dated = await request(ng.app)
      .get('/entities/angela-merkel/neighbors')
      .query({ type: 'person', from: '2022-01-01' })
      .expect(200);
    expect(dated.body.neighbors.map((n: { id: string }) => n.id)).toEqual(['vladimir-putin']);
    const strong = await request(ng.app)
      .get('/entities/angela-merkel/neighbors')
      .query({ minWeight: 2 })
      .expect(200);
    expect(strong.body.neighbors).toEqual([]);
    await request(ng.app).get('/entities/angela-merkel/neighbors').query({ window: 'paragraph' }).expect(400);
  });

  it('neighbours list as many evidence articles as asked, none with evidence=0', async () => {
    const counts = async (evidence?: number) => {
      const res = await request(ng.app)
        .get('/entities/angela-merkel/neighbors')
        .query(evidence === undefined ? {} : { evidence })
        .expect(200);
      return res.body.neighbors.map((n: { evidence: unknown[] }) => n.evidence.length);
    };
    const standard = await counts();
    expect(Math.max(...standard)).toBeGreaterThan(0);
    expect(await counts(0)).toEqual(standard.map(() => 0));
    expect(await counts(1)).toEqual(standard.map((n: number) => Math.min(n, 1)));
    await request(ng.app).get('/entities/angela-merkel/neighbors').query({ evidence: 21 }).expect(400);
  });
});

describe('GET /graph', () => {
  it('exports a neighbourhood and rejects an unknown centre or depth', async () => {
    const res = await request(ng.app).get('/graph').query({ center: 'angela-merkel' }).expect(200);
    expect(res.body.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: false });
    expect(res.body.nodes.find((n: { key: string }) => n.key === 'angela-merkel').attributes).toMatchObject({
      label: 'Angela Merkel',
      type: 'person',
    });
    expect(res.body.edges[0].attributes).toEqual(
      expect.objectContaining({
        weight: expect.any(Number),
        articles: expect.any(Number),
        sentences: expect.any(Number),
      }),
    );
    await request(ng.app).get('/graph').query({ center: 'nobody' }).expect(404);
    await request(ng.app).get('/graph').query({ depth: '3' }).expect(400);
  });
});

describe('articles', () => {
  it('GET /articles/:id gives the article with its mentions and offsets', async () => {
    const res = await request(ng.app).get('/articles/wien-2').expect(200);
    const merkel = res.body.mentions.find((m: { entityId: string }) => m.entityId === 'angela-merkel');
    expect(res.body.body.slice(merkel.start, merkel.end)).toBe('Angela Merkel');
    expect(merkel).toMatchObject({ text: 'Angela Merkel', sentence: 0 });
    await request(ng.app).get('/articles/nope').expect(404);
  });

  it('writes need the admin key: 401 without or with a wrong one', async () => {
    await request(ng.app).post('/articles').send(article('x', 'Text.')).expect(401);
    await request(ng.app)
      .post('/articles')
      .set('Authorization', 'Bearer wrong')
      .send(article('x', 'Text.'))
      .expect(401);
    await request(ng.app).delete('/articles/wien-1').expect(401);
  });

  it('with no admin key configured, writes answer 403 and say why', async () => {
    const app = ng.record(createApp({ ...ng.deps, adminApiKey: undefined }));
    const res = await request(app).post('/articles').send(article('x', 'Text.')).expect(403);
    expect(res.body.error).toMatchObject({
      code: 'admin_key_not_configured',
      message: expect.stringMatching(/ADMIN_API_KEY/),
    });
  });

  it('a bad record is rejected by index and reason; the others are indexed', async () => {
    const res = await request(ng.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({
        articles: [article('good-1', 'Olaf Scholz in Berlin.'), { id: 'bad' }, article('bad id', 'x')],
      })
      .expect(200);
    expect(res.body).toMatchObject({ read: 3, indexed: 1, rejected: 2 });
    expect(res.body.rejections).toEqual([
      { index: 1, id: 'bad', reason: 'body is missing' },
      { index: 2, id: 'bad id', reason: expect.stringMatching(/id may hold/) },
    ]);
    const all = await request(ng.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ body: '' })
      .expect(400);
    expect(all.body.error.code).toBe('invalid_article');
  });

  it('re-posting an article replaces it, and deleting removes it from index and graph', async () => {
    const auth = { Authorization: `Bearer ${KEY}` };
    await request(ng.app)
      .post('/articles')
      .set(auth)
      .send(article('temp', 'Olaf Scholz traf Giorgia Meloni.'))
      .expect(200);
    await request(ng.app)
      .post('/articles')
      .set(auth)
      .send(article('temp', 'Olaf Scholz traf Giorgia Meloni.'))
      .expect(200);
    const edge = () => ng.store.graph.edge('giorgia-meloni', 'olaf-scholz');
    expect(ng.store.graph.getEdgeAttribute(edge() as string, 'articles')).toBe(1);
    await request(ng.app).delete('/articles/temp').set(auth).expect(200);
    expect(ng.store.graph.hasNode('giorgia-meloni')).toBe(false);
    await request(ng.app).get('/articles/temp').expect(404);
    await request(ng.app).delete('/articles/temp').set(auth).expect(404);
  });
});

describe('errors', () => {
  it('unknown routes answer 404 in the error shape', async () => {
    const res = await request(ng.app).get('/nope').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no route GET /nope' } });
  });

  it('malformed JSON bodies answer 400', async () => {
    const res = await request(ng.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .set('Content-Type', 'application/json')
      .send('{"id": ')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('an unreachable Meilisearch answers 503 search_unavailable; graph queries keep working', async () => {
    const client = createMeiliClient({ url: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 1_000 });
    const search = createSearchIndex(client, 'gone_');
    const deps = apiDeps({ ...ng.opened, search }, ng.store, ng.config, createLogger('error'));
    const app = ng.record(createApp(deps));
    const res = await request(app).get('/search').query({ q: 'Putin' }).expect(503);
    expect(res.body.error.code).toBe('search_unavailable');
    await request(app).get('/health').expect(503);
    const neighbors = await request(app).get('/entities/vladimir-putin/neighbors').expect(200);
    expect(neighbors.body.neighbors[0].evidence[0].snippet).toBeNull();
    await request(app).get('/graph').expect(200);
  });
});

describe('POST /analyze', () => {
  it('lists the mentions extraction finds, with offsets, writing nothing', async () => {
    const text = 'Angela Merkel traf Emmanuel Macron in Paris.';
    const res = await request(ng.app).post('/analyze').send({ text, lang: 'de' }).expect(200);
    expect(res.body.lang).toBe('de');
    const merkel = res.body.mentions.find((m: { entityId: string }) => m.entityId === 'angela-merkel');
    expect(text.slice(merkel.start, merkel.end)).toBe('Angela Merkel');
    expect(merkel).toMatchObject({ type: 'person', name: 'Angela Merkel', sentence: 0 });
  });

  it.each([
    [{}, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 42 }, 'text'],
    [{ text: 'Paris.', lang: 'de"' }, 'lang'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await request(ng.app).post('/analyze').send(body).expect(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_parameter',
      message: expect.stringMatching(`^${field}:`),
    });
  });
});

describe('the pages', () => {
  it('serve the explorer at /, the document at /openapi.json and its reference at /docs', async () => {
    await request(ng.app).get('/').expect(200).expect('content-type', /html/);
    await request(ng.app).get('/openapi.json').expect(200);
    await request(ng.app).get('/docs').expect(200);
    await request(ng.app).get('/docs/swagger-initializer.js').expect(200);
  });
});

describe('the OpenAPI contract', () => {
  it('every answer received above matches the status, media type and schema its route documents', async () => {
    const document = (await request(createApp(ng.deps)).get('/openapi.json').expect(200)).body;
    expect(ng.responses.length).toBeGreaterThan(40);
    expect(contractViolations(document, ng.responses)).toEqual([]);
  });

  it('the tests above exercise every documented operation with a successful answer', async () => {
    const document = (await request(createApp(ng.deps)).get('/openapi.json').expect(200)).body;
    expect(unexercised(document, ng.responses)).toEqual([]);
  });
});
