// Issue 14: "any input file also as .gz". Each format the indexer reads gives, gzipped, the same articles
// and the same rejections (file position included) as the plain file, and a folder picks up the .gz files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { IngestItem } from '../../src/ingest/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-gz-'));

const STORY =
  'Der Stadtrat von Freiburg hat am Dienstag nach langer Debatte einen neuen Haushalt für Schulen beschlossen.';

const warcRecord = (uri: string, html: string): string => {
  const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`;
  return (
    `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <urn:uuid:${uri.length}>\r\n` +
    `Content-Type: application/http;msgtype=response\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n${block}\r\n\r\n`
  );
};
const page = (title: string) =>
  `<html lang="de"><head><title>${title}</title></head><body><nav>Start Politik Sport</nav>` +
  `<article><h1>${title}</h1><p>${STORY}</p></article></body></html>`;

/** One input of every format, each with a record that is rejected where the format has records. */
const INPUTS: Record<string, string> = {
  'lines.jsonl': `${JSON.stringify({ id: 'l1', body: STORY })}\n{"id": "l2", "body": \n${JSON.stringify({ id: 'l3', body: `${STORY} Drei.` })}\n`,
  'lines.ndjson': `${JSON.stringify({ id: 'n1', body: STORY })}\n`,
  'array.json': JSON.stringify([{ id: 'a1', body: STORY }, { id: 'a2' }]),
  'jsonfeed.json': JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'JSON News',
    items: [{ id: 'j1', url: 'https://j.example/1', content_text: STORY }, { id: 'j2' }],
  }),
  'notiz.txt': `Haushalt beschlossen\n\n${STORY}`,
  'seite.html': page('Haushalt in Freiburg'),
  'seite2.htm': page('Schulen in Freiburg'),
  'news.rss':
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Beispiel</title><link>https://r.example/</link>` +
    `<item><title>Eins</title><link>https://r.example/1</link><description>${STORY}</description></item>` +
    `<item><title>Leer</title><link>https://r.example/2</link></item></channel></rss>`,
  'news.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><link>https://x.example/</link><item><title>Eins</title><link>https://x.example/1</link><description>${STORY}</description></item></channel></rss>`,
  'wire.atom':
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id>` +
    `<updated>2024-01-01T00:00:00Z</updated><entry><title>Eins</title><id>urn:w1</id>` +
    `<link rel="alternate" href="https://w.example/1"/><summary>${STORY}</summary></entry></feed>`,
  'crawl.warc':
    warcRecord('https://c.example/1', page('Erste Seite')) +
    warcRecord('https://c.example/2', page('Zweite Seite')),
};

async function collect(paths: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, 1_000_000)) items.push(item);
  return items;
}

/** What a reader made of a file, without the file's name and byte offsets (which differ by compression). */
const outcome = (items: IngestItem[]) =>
  items.map((item) =>
    item.ok
      ? { article: item.article }
      : { line: item.where.line, position: item.where.position ?? null, reason: item.reason },
  );

describe('gzipped inputs', () => {
  it.each(Object.keys(INPUTS))('%s gzipped gives the same articles and rejections as plain', async (name) => {
    const plainDir = path.join(dir, 'plain');
    const gzipDir = path.join(dir, 'gzip');
    mkdirSync(plainDir, { recursive: true });
    mkdirSync(gzipDir, { recursive: true });
    const content = Buffer.from(INPUTS[name] as string);
    writeFileSync(path.join(plainDir, name), content);
    writeFileSync(path.join(gzipDir, `${name}.gz`), gzipSync(content));
    const plain = await collect([path.join(plainDir, name)]);
    const gzipped = await collect([path.join(gzipDir, `${name}.gz`)]);
    expect(plain.filter((item) => item.ok).length).toBeGreaterThan(0);
    expect(outcome(gzipped)).toEqual(outcome(plain));
  });

  it('a folder of gzipped files is read whole, none of them skipped as unsupported', async () => {
    const folder = path.join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(INPUTS)) {
      writeFileSync(path.join(folder, `${name}.gz`), gzipSync(Buffer.from(content)));
    }
    const items = await collect([folder]);
    expect(items.filter((item) => !item.ok && /unsupported/.test(item.reason))).toEqual([]);
    const files = new Set(items.map((item) => path.basename(item.where.file)));
    expect([...files].sort()).toEqual(
      Object.keys(INPUTS)
        .map((name) => `${name}.gz`)
        .sort(),
    );
  });
});
