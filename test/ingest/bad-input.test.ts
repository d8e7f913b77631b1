// Hostile and broken input through the real pipeline: every record is either indexed or rejected with a
// reason, nothing crashes or hangs, and every indexed id can be found afterwards.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { Rejection } from '../../src/pipeline.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const KEY = 'bad-input-key-0123456789';
let ng: TestNewsgraph;
const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bad-'));

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  ng = await openTestNewsgraph('bad_input', { ADMIN_API_KEY: KEY, MAX_ARTICLE_CHARS: '100000' });
});

describe('bad input files', () => {
  it('read = indexed + rejected, and every indexed id is searchable', async () => {
    const next = random(42);
    const valid = (id: string) =>
      JSON.stringify({ id, body: `Olaf Scholz sprach in Berlin. Nummer ${id}.`, lang: 'de' });
    const parts: Buffer[] = [Buffer.from('\uFEFF' + valid('first') + '\r\n')];
    let lines = 1;
    const add = (text: string | Buffer) => {
      parts.push(Buffer.isBuffer(text) ? text : Buffer.from(text), Buffer.from('\n'));
      lines += 1;
    };
    for (let i = 0; i < 60; i++) {
      const kind = Math.floor(next() * 12);
      const id = `r${i}`;
      if (kind === 0) add(Buffer.from(Array.from({ length: 40 }, () => Math.floor(next() * 256))));
      else if (kind === 1) add(valid(id).slice(0, 20));
      else if (kind === 2)
        add(
          Buffer.concat([
            Buffer.from(`{"id": "${id}", "body": "ung\u00fcltig `),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from('"}'),
          ]),
        );
      else if (kind === 3) add(JSON.stringify({ id, body: null }));
      else if (kind === 4) add(JSON.stringify({ id, body: 42, title: ['x'] }));
      else if (kind === 5) add(JSON.stringify({ id, body: '   ' }));
      else if (kind === 6) add(JSON.stringify({ id: `${id} mit/Zeichen?`, body: 'Text.' }));
      else if (kind === 7) add(valid('dup'));
      else if (kind === 8) add(JSON.stringify([1, 2, 3]));
      else if (kind === 9)
        add(JSON.stringify({ id, body: 'Text\u0000 mit\u0007 Steuerzeichen\r\nund CRLF.' }));
      else add(valid(id));
    }
    add(JSON.stringify({ id: 'huge', body: 'x'.repeat(50 * 1024 * 1024) }));
    const hugeLine = lines;
    add(valid('last'));
    const first = path.join(dir, 'a.jsonl');
    writeFileSync(first, Buffer.concat(parts));
    const second = path.join(dir, 'b.json');
    writeFileSync(
      second,
      JSON.stringify([JSON.parse(valid('dup')), { id: 'first', body: 'Ersetzt.' }, 'text', null]),
    );

    const rejections: Rejection[] = [];
    const summary = await ng.deps.indexArticles(readInputs([first, second], 100_000), (r) =>
      rejections.push(r),
    );
    expect(summary.read).toBe(summary.indexed + summary.rejected);
    expect(rejections.length).toBe(summary.rejected);
    for (const rejection of rejections) {
      expect(rejection.where.file).toMatch(/[ab]\.jsonl?$/);
      expect(rejection.reason.length).toBeGreaterThan(5);
    }
    expect(rejections.find((r) => r.where.line === hugeLine && r.where.file === first)?.reason ?? '').toMatch(
      /longer than/,
    );

    const ids = [...ng.store.articles.keys()];
    const found = await ng.opened.search.getArticles(ids, ['id']);
    expect(found.map((doc) => doc.id).sort()).toEqual([...ids].sort());
    expect(await ng.opened.search.countArticles()).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['first', 'last', 'dup']));
    const replaced = await request(ng.app).get('/articles/first').expect(200);
    expect(replaced.body.body).toBe('Ersetzt.');
  }, 120_000);
});

describe('bad input over HTTP', () => {
  it('random JSON values posted as articles never crash the API', async () => {
    const next = random(7);
    const values: unknown[] = [
      null,
      1,
      'text',
      true,
      [],
      {},
      { body: {} },
      { id: {}, body: 'x' },
      { body: 'x', lang: 5 },
    ];
    for (let i = 0; i < 30; i++) {
      values.push({
        id: `h${i}`,
        body: next() > 0.3 ? `Angela Merkel ${i}` : '',
        published: next() > 0.5 ? '2022-01-32' : null,
      });
    }
    for (const value of values) {
      const res = await request(ng.app)
        .post('/articles')
        .set('Authorization', `Bearer ${KEY}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(value));
      expect([200, 400]).toContain(res.status);
      expect(res.body.error?.code ?? 'ok').not.toBe('internal_error');
    }
  });
});
