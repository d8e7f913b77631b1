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
import { articleIdsOf } from '../../src/graph/article-table.js';

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
  it('rejects each bad record with its reason, indexes the rest normalised, and every indexed id is searchable', async () => {
    const next = random(42);
    const valid = (id: string) =>
      JSON.stringify({ id, body: `Olaf Scholz sprach in Berlin. Nummer ${id}.`, lang: 'de' });
    const parts: Buffer[] = [Buffer.from('\uFEFF' + valid('first') + '\r\n')];
    let lines = 1;
    /** What each line of a.jsonl must give: an indexed id, or a rejection with this reason. */
    const expected = new Map<number, { id: string } | { reason: RegExp }>([[1, { id: 'first' }]]);
    const add = (text: string | Buffer, outcome: { id: string } | { reason: RegExp }) => {
      parts.push(Buffer.isBuffer(text) ? text : Buffer.from(text), Buffer.from('\n'));
      lines += 1;
      expected.set(lines, outcome);
    };
    const controlled: string[] = [];
    for (let i = 0; i < 60; i++) {
      const kind = Math.floor(next() * 12);
      const id = `r${i}`;
      if (kind === 0) {
        // Random bytes, without newlines so that line numbers stay as counted.
        const bytes = Array.from({ length: 40 }, () => Math.floor(next() * 256)).map((b) =>
          b === 10 ? 32 : b,
        );
        add(Buffer.from(bytes), { reason: /^not valid (UTF-8|JSON)/ });
      } else if (kind === 1) add(valid(id).slice(0, 20), { reason: /^not valid JSON/ });
      else if (kind === 2)
        add(
          Buffer.concat([
            Buffer.from(`{"id": "${id}", "body": "ung\u00fcltig `),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from('"}'),
          ]),
          { reason: /^not valid UTF-8$/ },
        );
      else if (kind === 3) add(JSON.stringify({ id, body: null }), { reason: /^body must be a string$/ });
      else if (kind === 4)
        add(JSON.stringify({ id, body: 42, title: ['x'] }), { reason: /^body must be a string$/ });
      else if (kind === 5) add(JSON.stringify({ id, body: '   ' }), { reason: /^body is empty$/ });
      else if (kind === 6)
        add(JSON.stringify({ id: `${id} mit/Zeichen?`, body: 'Text.' }), { reason: /^id may hold only/ });
      else if (kind === 7) add(valid('dup'), { id: 'dup' });
      else if (kind === 8) add(JSON.stringify([1, 2, 3]), { reason: /^a record must be a JSON object$/ });
      else if (kind === 9) {
        add(JSON.stringify({ id, body: 'Text\u0000 mit\u0007 Steuerzeichen\r\nund CRLF.' }), { id });
        controlled.push(id);
      } else add(valid(id), { id });
    }
    add(JSON.stringify({ id: 'huge', body: 'x'.repeat(50 * 1024 * 1024) }), {
      reason: /^line is longer than/,
    });
    add(valid('last'), { id: 'last' });
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
    const rejectedLines = new Map(
      rejections.filter((r) => r.where.file === first).map((r) => [r.where.line, r.reason]),
    );
    for (const [line, outcome] of expected) {
      if ('reason' in outcome) expect(rejectedLines.get(line), `a.jsonl:${line}`).toMatch(outcome.reason);
      else expect(rejectedLines.has(line), `a.jsonl:${line} (${outcome.id})`).toBe(false);
    }
    expect(rejectedLines.size).toBe([...expected.values()].filter((o) => 'reason' in o).length);
    // In b.json, the string and the null are rejected, both as records that are not objects.
    expect(rejections.filter((r) => r.where.file === second).map((r) => r.reason)).toEqual([
      'a record must be a JSON object',
      'a record must be a JSON object',
    ]);
    expect(summary).toEqual({
      read: lines + 4,
      indexed: lines + 2 - rejectedLines.size,
      rejected: rejections.length,
    });
    expect(controlled.length).toBeGreaterThan(0);

    const ids = [...articleIdsOf(ng.store)];
    const found = await ng.opened.search.getArticles(ids, ['id']);
    expect(found.map((doc) => doc.id).sort()).toEqual([...ids].sort());
    expect(await ng.opened.search.countArticles()).toBe(ids.length);
    const indexedIds = [...expected.values()].flatMap((o) => ('id' in o ? [o.id] : []));
    expect(ids.sort()).toEqual([...new Set(indexedIds)].sort());
    const replaced = await request(ng.app).get('/articles/first').expect(200);
    expect(replaced.body.body).toBe('Ersetzt.');
    for (const id of controlled) {
      const res = await request(ng.app).get(`/articles/${id}`).expect(200);
      expect(res.body.body).toBe('Text mit Steuerzeichen\nund CRLF.');
    }
  }, 120_000);
});

describe('bad input over HTTP', () => {
  const post = (value: unknown) =>
    request(ng.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(value));

  it.each([
    [null, 'invalid_json', 'request body is not valid JSON'],
    [1, 'invalid_json', 'request body is not valid JSON'],
    ['text', 'invalid_json', 'request body is not valid JSON'],
    [true, 'invalid_json', 'request body is not valid JSON'],
    [{}, 'invalid_article', 'articles: record 0: body is missing'],
    [{ body: null }, 'invalid_article', 'articles: record 0: body must be a string'],
    [{ body: 42 }, 'invalid_article', 'articles: record 0: body must be a string'],
    [{ body: {} }, 'invalid_article', 'articles: record 0: body must be a string'],
    [{ id: {}, body: 'x' }, 'invalid_article', 'articles: record 0: id must be a string'],
    [{ body: 'x', lang: 5 }, 'invalid_article', expect.stringMatching(/^articles: record 0: lang must be/)],
    [[null], 'invalid_article', 'articles: record 0: a record must be a JSON object'],
  ])('%j is refused with 400 %s', async (value, code, message) => {
    const res = await post(value).expect(400);
    expect(res.body.error).toMatchObject({ code, message });
  });

  it('an empty array indexes nothing and rejects nothing', async () => {
    const res = await post([]).expect(200);
    expect(res.body).toEqual({ read: 0, indexed: 0, rejected: 0, rejections: [] });
  });

  it('random articles are indexed or rejected by index and reason, never crash the API', async () => {
    const next = random(7);
    const records = Array.from({ length: 30 }, (_, i) => ({
      id: `h${i}`,
      body: next() > 0.3 ? `Angela Merkel ${i}` : '',
      published: next() > 0.5 ? '2022-01-32' : null,
    }));
    const res = await post(records).expect(200);
    const expected = records.flatMap((record, index) =>
      record.body === ''
        ? [{ index, id: record.id, reason: 'body is empty' }]
        : record.published !== null
          ? [{ index, id: record.id, reason: 'published must be a date (YYYY-MM-DD or ISO 8601)' }]
          : [],
    );
    expect(res.body).toEqual({
      read: 30,
      indexed: 30 - expected.length,
      rejected: expected.length,
      rejections: expected,
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(30);
  });
});
