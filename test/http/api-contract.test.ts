// The API contract: every endpoint's shape and every error case, with supertest against a real
// Meilisearch. Unavailability is tested against a real closed port, not a mock. The shared articles are
// only read; a test that writes gets a newsgraph of its own, so no test depends on another's order.
import { entityCount, hasEntity } from '../../src/graph/entity-table.js';
import { edgeBetween, edgeCount } from '../../src/graph/edge-lists.js';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex } from '../../src/search/create-search-index.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { contractViolations, unexercised } from '../helpers/contract.js';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { closedPort } from '../helpers/closed-port.js';
import { startLocalWebServer } from '../helpers/local-web-server.js';
import { rss } from '../feeds/rss.js';

const KEY = 'test-admin-key-0123456789';
let ng: TestNewsgraph;

const article = (id: string, body: string, extra: object = {}) => ({ id, body, lang: 'de', ...extra });

beforeAll(async () => {
  ng = await openTestNewsgraph('api', { ADMIN_API_KEY: KEY, NER: 'off' });
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

/** A newsgraph of the test's own, for tests that write. */
// Newsgraphs of their own for the tests that write; the contract checks at the end read their answers too.
const owned: TestNewsgraph[] = [];
const own = async (name: string): Promise<TestNewsgraph> => {
  const mine = await openTestNewsgraph(name, { ADMIN_API_KEY: KEY, NER: 'off', EXTRACT_THREADS: '0' });
  owned.push(mine);
  return mine;
};
const allResponses = () => [ng, ...owned].flatMap((newsgraph) => newsgraph.responses);

describe('GET /health', () => {
  it('reports Meilisearch and the counts of the graph, which are those of the index', async () => {
    const res = await request(ng.app).get('/health').expect(200);
    const fromIndex = await rebuildGraph(ng.opened.search);
    expect(res.body).toEqual({
      status: 'ok',
      meilisearch: 'available',
      articles: await ng.opened.search.countArticles(),
      entities: entityCount(fromIndex),
      edges: edgeCount(fromIndex),
      graphMode: 'memory',
    });
    expect(res.body.articles).toBe(3);
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

describe('time', () => {
  it('a timeline answers its documented shape, and so do trending entities and pairs', async () => {
    const timeline = await request(ng.app)
      .get('/entities/vladimir-putin/timeline')
      .query({ interval: 'month', with: 'xi-jinping' })
      .expect(200);
    expect(timeline.body).toMatchObject({ entity: { id: 'vladimir-putin' }, with: { id: 'xi-jinping' } });
    const entities = await request(ng.app).get('/trending').expect(200);
    expect(Array.isArray(entities.body.entities)).toBe(true);
    const pairs = await request(ng.app).get('/trending').query({ pairs: 'true' }).expect(200);
    expect(Array.isArray(pairs.body.pairs)).toBe(true);
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
    const mine = await own('api_bad');
    const res = await request(mine.app)
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
    expect(await mine.opened.search.countArticles()).toBe(1);
    await request(mine.app).get('/articles/good-1').expect(200);
    const all = await request(mine.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ body: '' })
      .expect(400);
    expect(all.body.error.code).toBe('invalid_article');
  });

  it('re-posting an article replaces it, and deleting removes it from index and graph', async () => {
    const { app, store } = await own('api_replace');
    const auth = { Authorization: `Bearer ${KEY}` };
    await request(app)
      .post('/articles')
      .set(auth)
      .send(article('temp', 'Olaf Scholz traf Giorgia Meloni.'))
      .expect(200);
    await request(app)
      .post('/articles')
      .set(auth)
      .send(article('temp', 'Olaf Scholz traf Giorgia Meloni.'))
      .expect(200);
    expect(edgeBetween(store, 'giorgia-meloni', 'olaf-scholz')?.articles).toBe(1);
    await request(app).delete('/articles/temp').set(auth).expect(200);
    expect(hasEntity(store, 'giorgia-meloni')).toBe(false);
    await request(app).get('/articles/temp').expect(404);
    await request(app).delete('/articles/temp').set(auth).expect(404);
  });
});

describe('entity corrections', () => {
  it('each operation, the log and a revert answer their documented shapes', async () => {
    const { app } = await own('api_curation');
    const auth = { Authorization: `Bearer ${KEY}` };
    expect((await request(app).get('/admin/check').set(auth).expect(200)).body).toEqual({ admin: true });
    await request(app)
      .get('/admin/check')
      .set({ Authorization: `Bearer ${KEY}x` })
      .expect(401);
    await request(app).get('/admin/check').expect(401);
    await request(app)
      .post('/articles')
      .set(auth)
      .send([
        article('c1', 'Olaf Scholz traf Michael Müller in Berlin. Die NATO tagte.'),
        article('c2', 'Michael Müller und Emmanuel Macron sprachen. Der Weihnachtsmann kam.'),
      ])
      .expect(200);
    const created = await request(app)
      .post('/entities')
      .set(auth)
      .send({ name: 'Weihnachtsmann', type: 'other', aliases: [] })
      .expect(201);
    await request(app)
      .patch('/entities/emmanuel-macron')
      .set(auth)
      .send({ aliases: { add: ['Macron'] } })
      .expect(200);
    await request(app)
      .post('/entities/prov-michael-mueller/split')
      .set(auth)
      .send({ articles: ['c2'], as: { name: 'Michael Müller', type: 'person' } })
      .expect(200);
    const similar = await request(app).get('/entities/prov-michael-mueller/similar').expect(200);
    expect(similar.body.similar[0]).toMatchObject({ id: 'prov-michael-mueller-2' });
    await request(app)
      .post('/entities/prov-michael-mueller/merge')
      .set(auth)
      .send({ into: 'olaf-scholz' })
      .expect(200);
    const merged = await request(app).get('/entities/prov-michael-mueller').expect(200);
    expect(merged.body).toEqual({ id: 'prov-michael-mueller', mergedInto: 'olaf-scholz' });
    await request(app).post('/entities/nato/block').set(auth).expect(200);
    await request(app).delete('/entities/nato/block').set(auth).expect(200);
    const list = await request(app).get('/curations?limit=10').expect(200);
    expect(list.body.curations).toHaveLength(5);
    await request(app).get(`/curations/${created.body.id}`).expect(200);
    await request(app).get('/curations/c-nothing').expect(404);
    await request(app).post(`/curations/${created.body.id}/revert`).set(auth).expect(200);
  });
});

describe('feeds', () => {
  it('subscribe, list, poll now and unsubscribe answer their documented shapes', async () => {
    const web = await startLocalWebServer();
    web.route('/feed.rss', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss(web.origin, [{ guid: 'a', title: 'Treffen', body: 'Angela Merkel traf Emmanuel Macron.' }])),
    );
    const mine = await openTestNewsgraph('api_feeds', {
      ADMIN_API_KEY: KEY,
      NER: 'off',
      FETCH_ALLOW_HOSTS: '127.0.0.1',
    });
    owned.push(mine);
    try {
      const url = `${web.origin}/feed.rss`;
      const feed = await request(mine.app)
        .post('/feeds')
        .set('Authorization', `Bearer ${KEY}`)
        .send({ url })
        .expect(201);
      expect(feed.body).toMatchObject({ url, items: 1, lastError: null });
      await request(mine.app).post('/feeds').send({ url }).expect(401);
      expect((await request(mine.app).get('/feeds').expect(200)).body.feeds).toHaveLength(1);
      await request(mine.app)
        .post(`/feeds/${feed.body.id}/refresh`)
        .set('Authorization', `Bearer ${KEY}`)
        .expect(200);
      await request(mine.app)
        .delete(`/feeds/${feed.body.id}`)
        .set('Authorization', `Bearer ${KEY}`)
        .expect(200);
    } finally {
      await web.close();
    }
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
    const health = await request(app).get('/health').expect(503);
    expect(health.body).toMatchObject({ status: 'degraded', meilisearch: 'unavailable' });
    const neighbors = await request(app).get('/entities/vladimir-putin/neighbors').expect(200);
    expect(neighbors.body.neighbors[0].evidence[0].snippet).toBeNull();
    await request(app).get('/graph').expect(200);
    // Index mode reads the graph from Meilisearch too: its answers are 503, not internal errors.
    const indexDeps = apiDeps({ ...ng.opened, search }, ng.store, ng.config, createLogger('error'), 'index');
    const indexApp = ng.record(createApp(indexDeps));
    for (const path of ['/entities/vladimir-putin/neighbors', '/graph?center=vladimir-putin']) {
      const answer = await request(indexApp).get(path).expect(503);
      expect(answer.body.error.code).toBe('search_unavailable');
    }
  });
});

describe('dates', () => {
  it('`to` includes its whole day; `from` starts at its midnight', async () => {
    const mine = await own('api_dates');
    await request(mine.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send([
        article('evening', 'Olaf Scholz traf Wladimir Putin.', { published: '2022-05-10T23:30:00Z' }),
        article('morning', 'Olaf Scholz traf Emmanuel Macron.', { published: '2022-05-11T00:00:00Z' }),
      ])
      .expect(200);
    const ids = async (query: object) =>
      (await request(mine.app).get('/search').query(query).expect(200)).body.hits
        .map((hit: { id: string }) => hit.id)
        .sort();
    expect(await ids({ to: '2022-05-10' })).toEqual(['evening']);
    expect(await ids({ from: '2022-05-11' })).toEqual(['morning']);
    expect(await ids({ from: '2022-05-10', to: '2022-05-10' })).toEqual(['evening']);
    expect(await ids({ to: '2022-05-10T23:00:00Z' })).toEqual([]);
    const neighbors = await request(mine.app)
      .get('/entities/olaf-scholz/neighbors')
      .query({ type: 'person', to: '2022-05-10' })
      .expect(200);
    expect(neighbors.body.neighbors.map((n: { id: string }) => n.id)).toEqual(['vladimir-putin']);
    const graph = await request(mine.app)
      .get('/graph')
      .query({ center: 'olaf-scholz', to: '2022-05-10' })
      .expect(200);
    const edges = graph.body.edges.map((e: { source: string; target: string }) =>
      [e.source, e.target].sort(),
    );
    expect(edges).toContainEqual(['olaf-scholz', 'vladimir-putin']);
    expect(edges).not.toContainEqual(['emmanuel-macron', 'olaf-scholz']);
  });
});

describe('POST /analyze', () => {
  const analyze = (body: object, app = ng.app) => request(app).post('/analyze').send(body);

  it('answers the mentions with offsets into the text as sent, and detects the language', async () => {
    // CRLF, a control character and an emoji (two UTF-16 units) before the names: offsets must not shift.
    const text =
      '😀 Russlands Präsident\r\n\u0007Wladimir Putin sprach im Kreml.\r\nDann traf er Olaf Scholz zur Analyseprobe.';
    const before = await ng.opened.search.countArticles();
    const res = await analyze({ text }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['lang', 'mentions']);
    expect(res.body.lang).toBe('de');
    for (const mention of res.body.mentions) {
      const keys = ['end', 'entityId', 'name', 'sentence', 'start', 'text', 'type'];
      expect(Object.keys(mention).sort()).toEqual((mention.derived ? [...keys, 'derived'] : keys).sort());
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
    const byId = new Map(res.body.mentions.map((m: { entityId: string }) => [m.entityId, m]));
    expect(byId.get('vladimir-putin')).toMatchObject({
      text: 'Wladimir Putin',
      name: 'Vladimir Putin',
      type: 'person',
      start: text.indexOf('Wladimir'),
    });
    expect(byId.get('kremlin')).toMatchObject({ text: 'Kreml', start: text.indexOf('Kreml') });
    expect(byId.get('olaf-scholz')).toMatchObject({ text: 'Olaf Scholz', start: text.indexOf('Olaf') });
    expect((byId.get('olaf-scholz') as { sentence: number }).sentence).toBeGreaterThan(
      (byId.get('vladimir-putin') as { sentence: number }).sentence,
    );
    // It writes nothing.
    expect(await ng.opened.search.countArticles()).toBe(before);
    expect((await request(ng.app).get('/search').query({ q: 'Analyseprobe' }).expect(200)).body.total).toBe(
      0,
    );
  });

  it('detects English, and a given lang wins over detection', async () => {
    const english = await analyze({ text: 'Olaf Scholz said that the Kremlin was wrong.' }).expect(200);
    expect(english.body.lang).toBe('en');
    const forced = await analyze({ text: 'Olaf Scholz said that the Kremlin was wrong.', lang: 'de' }).expect(
      200,
    );
    expect(forced.body.lang).toBe('de');
  });

  it('refuses a missing, empty or too long text, a bad lang, and a body over the limit', async () => {
    for (const body of [{}, { text: '' }, { text: 42 }]) {
      const res = await analyze(body).expect(400);
      expect(res.body.error.message).toMatch(/^text:/);
    }
    expect((await analyze({ text: 'x', lang: 'Deutsch' }).expect(400)).body.error.message).toMatch(/^lang:/);
    const short = createApp({ ...ng.deps, maxArticleChars: 20 });
    expect((await analyze({ text: 'x'.repeat(21) }, short).expect(400)).body.error.message).toMatch(
      /^text: is longer than 20 characters/,
    );
    await analyze({ text: 'x'.repeat(20) }, short).expect(200);
    const small = createApp({ ...ng.deps, maxRequestBytes: 1024 });
    const big = await analyze({ text: 'Olaf Scholz. '.repeat(100) }, small).expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

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
    expect(allResponses().length).toBeGreaterThan(40);
    expect(contractViolations(document, allResponses())).toEqual([]);
  });

  it('the tests above exercise every documented operation with a successful answer', async () => {
    const document = (await request(createApp(ng.deps)).get('/openapi.json').expect(200)).body;
    expect(unexercised(document, allResponses())).toEqual([]);
  });
});
