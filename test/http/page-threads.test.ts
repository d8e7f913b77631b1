// The API reads a page it fetches for POST /articles {"url"} on the page pool's worker threads, started with
// the first page, not on its own thread (where parsing a page stalls every other request); with
// EXTRACT_THREADS=0 it reads pages in-process.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as PagePoolModule from '../../src/ingest/create-page-pool.js';
import { startLocalWebServer, type LocalWebServer } from '../helpers/local-web-server.js';
import { openTestNewsgraph } from '../helpers/test-newsgraph.js';

// The real pool, counted: how many were started, with how many threads, and the pages they were given.
const pools = vi.hoisted(() => ({ started: [] as number[], pages: 0 }));
vi.mock('../../src/ingest/create-page-pool.js', async (importOriginal) => {
  const real = await importOriginal<typeof PagePoolModule>();
  return {
    ...real,
    createPagePool: (threads: number) => {
      pools.started.push(threads);
      const pool = real.createPagePool(threads);
      return {
        ...pool,
        readPage: (html: string, url: string | null) => {
          pools.pages += 1;
          return pool.readPage(html, url);
        },
      };
    },
  };
});

const KEY = 'test-admin-key-0123456789';
const page = (title: string): string =>
  `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  '<p>Angela Merkel met Emmanuel Macron in Paris on Thursday for a long talk about Europe.</p>' +
  '<p>Both spoke about the war in Ukraine and the future of the European Union.</p></article></body></html>';

let web: LocalWebServer;

beforeAll(async () => {
  web = await startLocalWebServer();
  for (const name of ['one', 'two', 'three']) {
    web.route(`/${name}`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`Talks ${name}`)),
    );
  }
});
afterAll(() => web.close());

describe('pages fetched by the API', () => {
  it('are read on one page pool, started with the first page, with EXTRACT_THREADS threads', async () => {
    const api = await openTestNewsgraph('page_threads', {
      ADMIN_API_KEY: KEY,
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      EXTRACT_THREADS: '2',
    });
    try {
      expect(pools.started).toEqual([]);
      for (const name of ['one', 'two']) {
        const posted = await request(api.app)
          .post('/articles')
          .set('Authorization', `Bearer ${KEY}`)
          .send({ url: `${web.origin}/${name}` })
          .expect(200);
        expect(posted.body).toMatchObject({ indexed: 1, rejected: 0 });
      }
      expect(pools.started).toEqual([2]);
      expect(pools.pages).toBe(2);
    } finally {
      await api.opened.close();
    }
  });

  it('are read in-process with EXTRACT_THREADS=0', async () => {
    const before = { started: pools.started.length, pages: pools.pages };
    const api = await openTestNewsgraph('page_threads_none', {
      ADMIN_API_KEY: KEY,
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      EXTRACT_THREADS: '0',
    });
    try {
      const posted = await request(api.app)
        .post('/articles')
        .set('Authorization', `Bearer ${KEY}`)
        .send({ url: `${web.origin}/three` })
        .expect(200);
      expect(posted.body).toMatchObject({ indexed: 1, rejected: 0 });
      expect({ started: pools.started.length, pages: pools.pages }).toEqual(before);
    } finally {
      await api.opened.close();
    }
  });
});
