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
});
