// POST /articles with a url and no body fetches the page (within the fetch limits and SSRF rules), and
// GET /search?url= finds the article of a page; a local server started here plays the web.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlId } from '../../src/ingest/url-id.js';
import { startLocalWebServer, type LocalWebServer } from '../helpers/local-web-server.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const KEY = 'test-admin-key-0123456789';
const PAGE = `<html lang="de"><head><title>Treffen in Paris</title><meta name="author" content="Ada Beispiel">
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body><nav>Start Politik</nav>
<article><h1>Treffen in Paris</h1><p>Angela Merkel traf Emmanuel Macron am Donnerstag in Paris zu einem langen Gespräch.</p>
<p>Beide sprachen über die Lage in der Ukraine und über die Zukunft der Europäischen Union.</p></article>
<aside><h3>Meistgelesen</h3><p>Wetter in Bayern</p></aside></body></html>`;

let web: LocalWebServer;
let open: TestNewsgraph;
let closed: TestNewsgraph;

beforeAll(async () => {
  web = await startLocalWebServer();
  web.route('/paris', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  );
  open = await openTestNewsgraph('fetch_open', { ADMIN_API_KEY: KEY, FETCH_ALLOW_HOSTS: '127.0.0.1' });
  closed = await openTestNewsgraph('fetch_closed', { ADMIN_API_KEY: KEY });
});
afterAll(async () => {
  await web.close();
  await open.opened.close();
  await closed.opened.close();
});

describe('articles by URL', () => {
  it('an article given with a url and no body is fetched, read and indexed; search finds it by url', async () => {
    const url = `${web.origin}/paris`;
    const posted = await request(open.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ url });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ indexed: 1, rejected: 0 });
    const article = await request(open.app)
      .get(`/articles/${urlId(url)}`)
      .expect(200);
    expect(article.body).toMatchObject({
      url,
      title: 'Treffen in Paris',
      author: 'Ada Beispiel',
      lang: 'de',
      published: '2024-05-02T10:00:00.000Z',
    });
    expect(article.body.body).toContain('Beide sprachen über die Lage in der Ukraine');
    expect(article.body.body).not.toMatch(/Meistgelesen|Politik/);
    const found = await request(open.app).get('/search').query({ url }).expect(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id)).toEqual([urlId(url)]);
    const other = await request(open.app)
      .get('/search')
      .query({ url: `${url}?x" OR id != "` })
      .expect(200);
    expect(other.body.total).toBe(0);
  });

  it('search by url is exact and repeatable: each url given finds its page, a prefix or a longer url none', async () => {
    const base = 'https://news.example/2024/haushalt';
    const articles = [
      { id: 'url-a', url: base, body: 'Der Stadtrat beschloss den Haushalt für das kommende Jahr.' },
      {
        id: 'url-b',
        url: `${base}-2`,
        body: 'Die Opposition kritisierte den Haushalt des Stadtrats scharf.',
      },
      {
        id: 'url-c',
        url: `${base}/kommentare`,
        body: 'Leserinnen und Leser diskutierten die Pläne der Stadt.',
      },
    ];
    await request(open.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send(articles)
      .expect(200);
    const ids = async (url: string[]): Promise<string[]> => {
      const found = await request(open.app).get('/search').query({ url }).expect(200);
      return found.body.hits.map((hit: { id: string }) => hit.id).sort();
    };
    expect(await ids([base])).toEqual(['url-a']);
    expect(await ids([base, `${base}/kommentare`])).toEqual(['url-a', 'url-c']);
    expect(await ids(['https://news.example/2024/', `${base}/`, `${base}-2/x`])).toEqual([]);
  });

  it('search by url compares letter case: a URL differing only in case is another page; totals and pages count exact matches', async () => {
    const base = 'https://news.example/2024/Wahl-Ergebnis';
    const articles = [
      { id: 'case-a', url: base, body: 'Die Wahl brachte der Regierung eine knappe Mehrheit im Landtag.' },
      { id: 'case-b', url: base, body: 'Nach der Wahl begannen die Gespräche über eine neue Koalition.' },
      {
        id: 'case-c',
        url: base.toLowerCase(),
        body: 'Die Wahlbeteiligung stieg im Vergleich zur letzten Wahl.',
      },
      {
        id: 'case-d',
        url: base.toUpperCase(),
        body: 'Die Auszählung der Briefwahl dauerte bis in die Nacht.',
      },
    ];
    await request(open.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send(articles)
      .expect(200);
    const search = async (query: Record<string, unknown>) => {
      const found = await request(open.app).get('/search').query(query).expect(200);
      return { total: found.body.total, ids: found.body.hits.map((hit: { id: string }) => hit.id).sort() };
    };
    expect(await search({ url: base })).toEqual({ total: 2, ids: ['case-a', 'case-b'] });
    expect(await search({ url: base.toLowerCase() })).toEqual({ total: 1, ids: ['case-c'] });
    expect(await search({ url: [base.toUpperCase(), base.toLowerCase()] })).toEqual({
      total: 2,
      ids: ['case-c', 'case-d'],
    });
    expect(await search({ url: 'https://NEWS.example/2024/wahl-ergebnis' })).toEqual({ total: 0, ids: [] });
    // Pages of one hit: the exact matches, each once, and the total of exact matches on each page.
    const first = await search({ url: base, limit: 1, offset: 0 });
    const second = await search({ url: base, limit: 1, offset: 1 });
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.ids, ...second.ids].sort()).toEqual(['case-a', 'case-b']);
    // With a keyword too: the URL narrows, the keyword ranks.
    expect(await search({ url: base, q: 'Koalition' })).toEqual({ total: 1, ids: ['case-b'] });
  });

  it('a loopback URL is refused with url_not_allowed when its host is not in FETCH_ALLOW_HOSTS', async () => {
    const posted = await request(closed.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ url: `${web.origin}/paris` });
    expect(posted.status).toBe(403);
    expect(posted.body.error.code).toBe('url_not_allowed');
  });
});
