import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { splitTitle } from '../../src/ingest/read-text-file.js';
import type { IngestItem } from '../../src/ingest/types.js';
import { validateArticle } from '../../src/ingest/validate-article.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-ingest-'));
function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

async function collect(paths: string[], maxChars = 1_000_000): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, maxChars)) items.push(item);
  return items;
}

const line = (record: object) => JSON.stringify(record);

describe('ingest', () => {
  it('JSON Lines: a malformed line in the middle is rejected with its line; the rest are read', async () => {
    const target = file(
      'mixed.jsonl',
      [
        line({ id: 'a', body: 'Erster Text.' }),
        '{"id": "b", "body": ',
        '',
        line({ id: 'c', body: 'Dritter.' }),
      ].join('\n'),
    );
    const items = await collect([target]);
    expect(items.map((item) => (item.ok ? item.article.id : `x${item.where.line}`))).toEqual([
      'a',
      'x2',
      'c',
    ]);
    const bad = items[1];
    expect(bad?.ok === false && bad.reason).toMatch(/not valid JSON/);
    expect(bad?.where.file).toBe(target);
  });

  it('JSON Lines: a BOM and CRLF line endings are normalised away', async () => {
    const target = file(
      'crlf.jsonl',
      '\uFEFF' + line({ id: 'a', body: 'Zeile eins.\r\nZeile zwei.' }) + '\r\n',
    );
    const [item] = await collect([target]);
    expect(item?.ok && item.article.body).toBe('Zeile eins.\nZeile zwei.');
  });

  it('a line longer than the limit is rejected without being kept', async () => {
    const target = file(
      'long.jsonl',
      [line({ id: 'big', body: 'x'.repeat(5_000) }), line({ id: 'ok', body: 'y' })].join('\n'),
    );
    const items = await collect([target], 100);
    expect(items.map((item) => item.ok)).toEqual([false, true]);
    expect(items[0]?.ok === false && items[0].reason).toMatch(/longer than/);
  });

  it('JSON arrays stream element by element and name the line of a bad element', async () => {
    const target = file(
      'array.json',
      '[\n  {"id": "a", "body": "Text [mit] {Klammern} und \\"Zitat\\"."},\n  {"id": "b"},\n  {"id": "c", "body": "Drei."}\n]\n',
    );
    const items = await collect([target]);
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
    expect(items[0]?.ok && items[0].article.body).toBe('Text [mit] {Klammern} und "Zitat".');
    expect(items[1]).toMatchObject({ ok: false, where: { line: 3 }, reason: 'body is missing' });
  });

  it('a truncated JSON array is reported', async () => {
    const items = await collect([file('cut.json', '[{"id": "a", "body": "x"}, {"id": "b", "bo')]);
    expect(items.map((item) => item.ok)).toEqual([true, false]);
  });

  it('.txt files: the id is the file name; a title only where the text has one', async () => {
    const items = await collect([file('My Story.txt', 'Big News Today\n\nThe body follows. It is long.')]);
    expect(items[0]?.ok && items[0].article).toMatchObject({ id: 'My_Story', title: 'Big News Today' });
    expect(splitTitle('Anlässlich seines 69. Geburtstages versprach Xi etwas.\nMehr Text.').title).toBeNull();
  });

  it('folders are read recursively in name order, skipping unsupported files', async () => {
    const folder = mkdtempSync(path.join(dir, 'folder-'));
    writeFileSync(path.join(folder, 'b.txt'), 'Zweiter Artikel.');
    writeFileSync(path.join(folder, 'a.jsonl'), line({ id: 'first', body: 'Erster.' }));
    writeFileSync(path.join(folder, 'README.md'), '# not an article');
    const items = await collect([folder]);
    expect(items.map((item) => item.ok && item.article.id)).toEqual(['first', 'b']);
  });

  it('validation names the reason and normalises dates and empty strings', () => {
    expect(validateArticle({ body: '' })).toMatchObject({ reason: 'body is empty' });
    expect(validateArticle({ id: 'a b', body: 'x' })).toMatchObject({
      reason: expect.stringMatching(/id may hold/),
    });
    expect(validateArticle({ body: 'x', published: '2022-13-45' })).toMatchObject({
      reason: expect.stringMatching(/published/),
    });
    expect(validateArticle({ body: 'x', title: 5 })).toMatchObject({
      reason: 'title must be a string or null',
    });
    const ok = validateArticle({ body: 'x', title: '', published: '2022-06-15T10:00:00+02:00', lang: 'DE' });
    expect('article' in ok && ok.article).toMatchObject({
      title: null,
      published: '2022-06-15T08:00:00.000Z',
      lang: 'de',
    });
    const first = validateArticle({ body: 'same text' });
    const second = validateArticle({ body: 'same text' });
    expect('article' in first && 'article' in second && first.article.id === second.article.id).toBe(true);
  });

  it.each([
    [null, 'a record must be a JSON object'],
    [42, 'a record must be a JSON object'],
    ['text', 'a record must be a JSON object'],
    [[{ body: 'x' }], 'a record must be a JSON object'],
    [{}, 'body is missing'],
    [{ body: null }, 'body must be a string'],
    [{ body: 42 }, 'body must be a string'],
    [{ body: {} }, 'body must be a string'],
    [{ body: ['x'] }, 'body must be a string'],
    [{ body: ' \n\t ' }, 'body is empty'],
    [{ body: '\u0000\u0007\u001F' }, 'body is empty'],
    [{ id: {}, body: 'x' }, 'id must be a string'],
    [{ id: 'a/b', body: 'x' }, 'id may hold only letters, digits, "-" and "_", at most 511 of them'],
    [{ body: 'x', lang: 5 }, 'lang must be a language code such as "de" or "en"'],
    [{ body: 'x', lang: 'deutsch' }, 'lang must be a language code such as "de" or "en"'],
    [{ body: 'x', published: 20220101 }, 'published must be a date (YYYY-MM-DD or ISO 8601)'],
    [{ body: 'x', source: ['a'] }, 'source must be a string or null'],
  ])('validation rejects %j: %s', (record, reason) => {
    const result = validateArticle(record);
    expect(result).not.toHaveProperty('article');
    expect('reason' in result && result.reason).toBe(reason);
  });

  it('validation removes control characters but tab and newline, a BOM, and turns CR and CRLF into LF', () => {
    const result = validateArticle({
      body: '\uFEFFEins\u0000 zwei\u0007\u001B\u007F\tdrei\r\nvier\rfünf\n',
      title: ' Titel\u0008 ',
      source: '\u0001',
    });
    expect('article' in result && result.article).toMatchObject({
      body: 'Eins zwei\tdrei\nvier\nfünf\n',
      title: 'Titel',
      source: null,
    });
  });

  it('validation normalises dates to YYYY-MM-DD or an ISO timestamp and counts empty strings as absent', () => {
    const result = validateArticle({
      body: 'x',
      published: ' 2022-06-15 ',
      lang: '',
      url: '',
      category: '  ',
    });
    expect('article' in result && result.article).toMatchObject({
      published: '2022-06-15',
      lang: null,
      url: null,
      category: null,
    });
    expect(validateArticle({ body: 'x', published: '' })).toHaveProperty('article.published', null);
    expect(validateArticle({ body: 'x', published: '2024-02-30' })).toHaveProperty(
      'reason',
      'published must be a date (YYYY-MM-DD or ISO 8601)',
    );
  });

  it('an article without id gets sha- and a hash of its normalised body; numbers are ids too', () => {
    const a = validateArticle({ body: 'same text' });
    const crlf = validateArticle({ body: 'same\r\ntext' });
    const lf = validateArticle({ body: 'same\ntext' });
    const other = validateArticle({ body: 'other text' });
    const id = (result: ReturnType<typeof validateArticle>) => ('article' in result ? result.article.id : '');
    expect(id(a)).toMatch(/^sha-[0-9a-f]{24}$/);
    expect(id(crlf)).toBe(id(lf));
    expect(id(other)).not.toBe(id(a));
    expect(id(validateArticle({ id: 17, body: 'x' }))).toBe('17');
    expect(id(validateArticle({ body: 'x' }, { fallbackId: 'file-name' }))).toBe('file-name');
  });

  it('ids may be up to 511 letters, digits, "-" and "_"', () => {
    expect(validateArticle({ id: 'a'.repeat(511), body: 'x' })).toHaveProperty('article.id', 'a'.repeat(511));
    expect(validateArticle({ id: 'A-z_09', body: 'x' })).toHaveProperty('article.id', 'A-z_09');
    for (const id of ['a'.repeat(512), 'ä', 'a.b', 'a b', '']) {
      expect(validateArticle({ id, body: 'x' }), id).toHaveProperty('reason');
    }
  });

  it('input that is not UTF-8 is rejected, not turned into U+FFFD; a real U+FFFD is kept', async () => {
    const invalid = Buffer.from([0xc3, 0x28, 0xff]);
    const jsonl = file(
      'latin1.jsonl',
      Buffer.concat([
        Buffer.from(line({ id: 'before', body: 'Vorher \uFFFD bleibt.' }) + '\n'),
        Buffer.from('{"id": "bad", "body": "M'),
        invalid,
        Buffer.from('nchen"}\n'),
        Buffer.from(line({ id: 'after', body: 'Nachher.' }) + '\n'),
      ]),
    );
    const array = file(
      'latin1.json',
      Buffer.concat([
        Buffer.from('[' + line({ id: 'a1', body: 'Eins \uFFFD.' }) + ',\n{"id": "a2", "body": "'),
        invalid,
        Buffer.from('"},\n' + line({ id: 'a3', body: 'Drei.' }) + ']'),
      ]),
    );
    const text = file('latin1.txt', Buffer.concat([Buffer.from('Titel\n\nK'), invalid, Buffer.from('se.')]));
    const items = await collect([jsonl, array, text]);
    const summary = items.map((item) => (item.ok ? item.article.id : `${item.where.line}: ${item.reason}`));
    expect(summary).toEqual([
      'before',
      '2: not valid UTF-8',
      'after',
      'a1',
      '2: not valid UTF-8',
      'a3',
      '1: not valid UTF-8',
    ]);
    expect(items[0]?.ok && items[0].article.body).toBe('Vorher \uFFFD bleibt.');
    expect(items[3]?.ok && items[3].article.body).toBe('Eins \uFFFD.');
  });

  it('a JSON array whose characters are cut by the read chunks comes out whole', async () => {
    // 19 ASCII bytes, then two-byte characters: the first 64 KiB chunk ends inside one.
    const body = 'ä'.repeat(100_000) + '€'.repeat(50_000);
    const items = await collect([file('umlauts.json', `[{"id":"u","body":"${body}"}]`)]);
    expect(items.map((item) => item.ok && item.article.body === body)).toEqual([true]);
  });
});
