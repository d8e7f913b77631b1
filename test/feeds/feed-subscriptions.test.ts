// Feed subscriptions against a local server the test starts: the first poll indexes the items, a poll of
// an unchanged feed is a conditional request answered 304, a new item is picked up on refresh, a redirect
// to a private address and a path robots.txt disallows are refused, failures back off, subscriptions
// survive a restart of the app on the same index, and unsubscribing ends them.
import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { createFeedPoller } from '../../src/feeds/create-feed-poller.js';
import { createRobotsCheck } from '../../src/feeds/create-robots-check.js';
import { readPageInProcess } from '../../src/ingest/read-inputs.js';
import type { IngestItem } from '../../src/ingest/types.js';
import { createFeedStore } from '../../src/search/create-feed-store.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { openSearch, type OpenSearch } from '../../src/open-search.js';
import { contractViolations } from '../helpers/contract.js';
import { startLocalWebServer, type LocalWebServer } from '../helpers/local-web-server.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { rss, type RssItem } from './rss.js';

const KEY = 'test-admin-key-0123456789';
const ITEMS: RssItem[] = [
  { guid: 'one', title: 'Summit in Berlin', body: 'Olaf Scholz met Emmanuel Macron in Berlin on Tuesday.' },
  { guid: 'two', title: 'Talks in Paris', body: 'Angela Merkel spoke with Emmanuel Macron in Paris.' },
];
const NEW_ITEM = { guid: 'three', title: 'Visit to Kyiv', body: 'Olaf Scholz travelled to Kyiv by train.' };

const DATED = 'Tue, 02 Jun 2026 10:00:00 GMT';
const DATED_ITEM = {
  guid: 'dated',
  title: 'Vote in Rome',
  body: 'Giorgia Meloni won a vote in Rome on Monday.',
};

let web: LocalWebServer;
let ng: TestNewsgraph;
let restarted: OpenSearch | undefined;
const items = [...ITEMS];
let version = 1;

const admin = (req: request.Test) => req.set('Authorization', `Bearer ${KEY}`);
const asked = (path: string): IncomingMessage[] => web.requests.filter((req) => req.url === path);

beforeAll(async () => {
  web = await startLocalWebServer();
  web.route('/robots.txt', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
  );
  web.route('/news.rss', (req, res) => {
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(web.origin, items));
  });
  // A feed whose server gives only Last-Modified (no ETag): polls must ask with If-Modified-Since.
  web.route('/dated.rss', (req, res) => {
    if (req.headers['if-modified-since'] === DATED) return void res.writeHead(304).end();
    res
      .writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': DATED })
      .end(rss(web.origin, [DATED_ITEM]));
  });
  web.route('/private/news.rss', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(web.origin, items)),
  );
  // localhost is not in FETCH_ALLOW_HOSTS (127.0.0.1 is): a redirect there must be refused.
  web.route('/moved.rss', (_req, res) =>
    res.writeHead(302, { location: `http://localhost:${web.port}/news.rss` }).end(),
  );
  ng = await openTestNewsgraph('feeds', { ADMIN_API_KEY: KEY, NER: 'off', FETCH_ALLOW_HOSTS: '127.0.0.1' });
});
afterAll(async () => {
  await web.close();
  await ng.opened.close();
  await restarted?.close();
});

describe('feed subscriptions', () => {
  let id = '';

  it('subscribing polls at once and indexes the items, asking as newsgraph after robots.txt', async () => {
    const res = await admin(request(ng.app).post('/feeds'))
      .send({ url: `${web.origin}/news.rss`, intervalMinutes: 30 })
      .expect(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      url: `${web.origin}/news.rss`,
      intervalMinutes: 30,
      items: 2,
      lastError: null,
    });
    expect(Date.parse(res.body.nextPoll) - Date.parse(res.body.lastFetched)).toBe(30 * 60_000);
    const found = await request(ng.app)
      .get('/search')
      .query({ url: `${web.origin}/story/two` })
      .expect(200);
    expect(found.body.hits).toHaveLength(1);
    expect(asked('/news.rss')[0]?.headers['user-agent']).toMatch(/newsgraph/);
    expect(asked('/robots.txt').length).toBeGreaterThan(0);
  });

  it('a poll of an unchanged feed is a conditional request, answered 304, that indexes nothing', async () => {
    const res = await admin(request(ng.app).post(`/feeds/${id}/refresh`)).expect(200);
    expect(asked('/news.rss').at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(res.body).toMatchObject({ indexed: 0, feed: { items: 2, lastError: null } });
  });

  it('a feed served with Last-Modified only is polled with If-Modified-Since, answered 304', async () => {
    const res = await admin(request(ng.app).post('/feeds'))
      .send({ url: `${web.origin}/dated.rss` })
      .expect(201);
    expect(res.body).toMatchObject({ items: 1, lastError: null });
    const again = await admin(request(ng.app).post(`/feeds/${res.body.id}/refresh`)).expect(200);
    expect(asked('/dated.rss').at(-1)?.headers['if-modified-since']).toBe(DATED);
    expect(again.body).toMatchObject({ indexed: 0, feed: { items: 1, lastError: null } });
    await admin(request(ng.app).delete(`/feeds/${res.body.id}`)).expect(200);
  });

  it("a feed's new item is picked up on refresh, and only that one is indexed", async () => {
    items.push(NEW_ITEM);
    version = 2;
    const res = await admin(request(ng.app).post(`/feeds/${id}/refresh`)).expect(200);
    expect(res.body).toMatchObject({ indexed: 1, feed: { items: 3, lastError: null } });
    const found = await request(ng.app)
      .get('/search')
      .query({ url: `${web.origin}/story/three` })
      .expect(200);
    expect(found.body.hits).toHaveLength(1);
  });

  it('a feed that redirects to a private address is refused with url_not_allowed and not kept', async () => {
    const res = await admin(request(ng.app).post('/feeds'))
      .send({ url: `${web.origin}/moved.rss` })
      .expect(403);
    expect(res.body.error.code).toBe('url_not_allowed');
    const list = await request(ng.app).get('/feeds').expect(200);
    expect(list.body.feeds.map((feed: { url: string }) => feed.url)).toEqual([`${web.origin}/news.rss`]);
  });

  it('a feed robots.txt disallows is never fetched; failed polls wait twice as long each time', async () => {
    const res = await admin(request(ng.app).post('/feeds'))
      .send({ url: `${web.origin}/private/news.rss`, intervalMinutes: 10 })
      .expect(201);
    expect(res.body.lastError.code).toBe('robots_disallowed');
    expect(Date.parse(res.body.nextPoll) - Date.parse(res.body.lastFetched)).toBe(20 * 60_000);
    const again = await admin(request(ng.app).post(`/feeds/${res.body.id}/refresh`)).expect(200);
    expect(Date.parse(again.body.feed.nextPoll) - Date.parse(again.body.feed.lastFetched)).toBe(40 * 60_000);
    expect(asked('/private/news.rss')).toEqual([]);
    await admin(request(ng.app).delete(`/feeds/${res.body.id}`)).expect(200);
  });

  it('subscriptions survive a restart of the app on the same index, validators included', async () => {
    const logger = createLogger('warn');
    restarted = await openSearch(ng.config, logger);
    const app = ng.record(createApp(apiDeps(restarted, createCooccurrenceGraph(), ng.config, logger)));
    const list = await request(app).get('/feeds').expect(200);
    expect(list.body.feeds).toEqual([
      expect.objectContaining({ id, url: `${web.origin}/news.rss`, items: 3 }),
    ]);
    await admin(request(app).post(`/feeds/${id}/refresh`)).expect(200);
    expect(asked('/news.rss').at(-1)?.headers['if-none-match']).toBe('"v2"');
  });

  it('unsubscribing ends a subscription; a second time answers 404', async () => {
    await admin(request(ng.app).delete(`/feeds/${id}`)).expect(200);
    expect((await request(ng.app).get('/feeds').expect(200)).body.feeds).toEqual([]);
    await admin(request(ng.app).delete(`/feeds/${id}`)).expect(404);
    await admin(request(ng.app).post(`/feeds/${id}/refresh`)).expect(404);
  });

  it('answers as the OpenAPI document says', async () => {
    const document = (await request(ng.app).get('/openapi.json').expect(200)).body;
    expect(contractViolations(document, ng.responses)).toEqual([]);
  });

  it('the timer polls a feed again once it is due, not before, and no more once stopped', async () => {
    web.route('/timer.rss', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(web.origin, ITEMS)),
    );
    let clock = Date.now();
    const polls = () => asked('/timer.rss').length;
    const poller = timerPoller('timer_', () => clock);

    await poller.subscribe(`${web.origin}/timer.rss`, 1);
    expect(polls()).toBe(1);
    const stop = poller.start();
    await ticks(5);
    expect(polls()).toBe(1);
    clock += 61_000;
    await until(() => polls() === 2);
    expect(polls()).toBe(2);
    stop();
    clock += 61_000;
    await ticks(5);
    expect(polls()).toBe(2);
  });

  it('two API processes on one index poll a due feed once, and once more when it is due again', async () => {
    // A slow feed: without claims, the second process's timer sees it due while the first still polls.
    web.route('/shared.rss', (_req, res) => {
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(web.origin, ITEMS)),
        600,
      );
    });
    let clock = Date.now();
    const polls = () => asked('/shared.rss').length;
    const first = timerPoller('shared_', () => clock, 'first');
    const second = timerPoller('shared_', () => clock, 'second');

    await first.subscribe(`${web.origin}/shared.rss`, 1);
    expect(polls()).toBe(1);
    const stops = [first.start(), second.start()];
    clock += 61_000;
    await until(() => polls() === 2);
    await ticks(20);
    expect(polls()).toBe(2);
    const [feed] = await second.list();
    expect(feed).toMatchObject({ lastError: null, claim: null });
    // Due again: polled once more, by one of them.
    clock += 61_000;
    await until(() => polls() === 3);
    await ticks(20);
    expect(polls()).toBe(3);
    for (const stop of stops) stop();
  });
});

/** A poller over its own feed index (`prefix`) of the test's Meilisearch, that indexes nothing. */
function timerPoller(prefix: string, now: () => number, instance?: string) {
  const client = createMeiliClient({
    url: ng.opened.meili.url,
    apiKey: ng.opened.searchKey,
    timeoutMs: ng.config.meili.requestTimeoutMs,
  });
  return createFeedPoller({
    store: createFeedStore(client, `${ng.config.meili.indexPrefix}${prefix}`),
    poll: {
      limits: ng.config.fetch,
      readPage: readPageInProcess,
      maxChars: ng.config.maxArticleChars,
      robotsAllow: createRobotsCheck(ng.config.fetch),
      known: async () => new Set<string>(),
    },
    indexArticles: async (records: AsyncIterable<IngestItem>) => {
      const read: IngestItem[] = [];
      for await (const record of records) read.push(record);
      return { read: read.length, indexed: read.length, rejected: 0 };
    },
    config: { defaultIntervalMinutes: 1, maxBackoffMinutes: 10, checkEveryMs: 100 },
    logger: createLogger('warn'),
    now,
    ...(instance && { instance, claims: { settleMs: 300 } }),
  });
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ticks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}
