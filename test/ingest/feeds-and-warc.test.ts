import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { IngestItem } from '../../src/ingest/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-feeds-'));
const WEB_CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/web');

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

async function collect(paths: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, 1_000_000)) items.push(item);
  return items;
}

const articles = (items: IngestItem[]) => items.flatMap((item) => (item.ok ? [item.article] : []));

const STORY =
  'Die Bundesregierung hat am Montag in Berlin einen neuen Haushaltsentwurf vorgestellt, der höhere Ausgaben für Bildung vorsieht.';

describe('feeds', () => {
  it('RSS 2.0: the body is content:encoded where the item has it, else the description', async () => {
    const rss = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Beispiel-Nachrichten</title><language>de-DE</language><link>https://news.example/</link>
<item><title>Haushalt vorgestellt</title><link>https://news.example/haushalt</link><guid>h-1</guid>
<description>Kurzfassung.</description><content:encoded><![CDATA[<p>${STORY}</p><p>Zweiter Absatz.</p>]]></content:encoded>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><dc:creator>Jan Muster</dc:creator></item>
<item><title>Nur Zusammenfassung</title><link>https://news.example/kurz</link><description>&lt;p&gt;Eine kurze Meldung aus München.&lt;/p&gt;</description></item>
<item><title>Leer</title><link>https://news.example/leer</link></item>
</channel></rss>`;
    const items = await collect([file('news.rss', rss)]);
    const [full, short] = articles(items);
    expect(full).toMatchObject({
      title: 'Haushalt vorgestellt',
      body: `${STORY}\n\nZweiter Absatz.`,
      url: 'https://news.example/haushalt',
      published: '2024-03-04T10:00:00.000Z',
      author: 'Jan Muster',
      lang: 'de',
      source: 'Beispiel-Nachrichten',
    });
    expect(short?.body).toBe('Eine kurze Meldung aus München.');
    expect(items[2]).toMatchObject({
      ok: false,
      where: { line: 3, position: 'feed item 3' },
      reason: 'item has no content or summary',
    });
  });

  it('Atom with summaries only: each entry is an article with its link, date and author', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Example Wire</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>Council passes budget</title><id>urn:e1</id><link rel="alternate" href="https://wire.example/e1"/>
<published>2024-01-02T09:30:00Z</published><author><name>Ann Smith</name></author>
<summary type="html">&lt;p&gt;The council passed the budget on Tuesday.&lt;/p&gt;</summary></entry>
</feed>`;
    const [entry] = articles(await collect([file('wire.atom', atom)]));
    expect(entry).toMatchObject({
      title: 'Council passes budget',
      body: 'The council passed the budget on Tuesday.',
      url: 'https://wire.example/e1',
      published: '2024-01-02T09:30:00.000Z',
      author: 'Ann Smith',
    });
  });

  it('a JSON Feed in a .json file is read as a feed, an array as articles', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON News',
      items: [{ id: '1', url: 'https://j.example/1', title: 'Eins', content_html: `<p>${STORY}</p>` }],
    };
    const items = await collect([
      file('feed.json', JSON.stringify(feed)),
      file('list.json', JSON.stringify([{ id: 'a', body: 'Ein Text.' }])),
    ]);
    expect(articles(items).map((article) => [article.url, article.body])).toEqual([
      ['https://j.example/1', STORY],
      [null, 'Ein Text.'],
    ]);
  });

  it.runIf(existsSync(WEB_CORPUS))('the real feeds of the corpus are read', async () => {
    const items = await collect([
      path.join(WEB_CORPUS, 'feeds', 'rss2_guardian-us_en.rss'),
      path.join(WEB_CORPUS, 'feeds', 'atom_heise-developer_de.atom'),
      path.join(WEB_CORPUS, 'feeds', 'jsonfeed1_daringfireball_en.json'),
    ]);
    expect(articles(items).length).toBe(55 + 15 + 2);
  });
});

function warcRecord(type: string, uri: string, block: string, declared?: number): Buffer {
  const bytes = Buffer.from(block);
  const head =
    `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <urn:uuid:${uri.length}-${type}>\r\n` +
    `Content-Type: application/http;msgtype=${type}\r\nContent-Length: ${declared ?? bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from('\r\n\r\n')]);
}

const response = (text: string) =>
  `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html lang="de"><body><article><h1>T</h1><p>${text}</p></article></body></html>`;

describe('WARC', () => {
  it('HTML responses become articles, other records are skipped, a truncated record is rejected with its offset', async () => {
    const first = gzipSync(warcRecord('response', 'https://a.example/1', response(STORY)));
    const cut = gzipSync(warcRecord('response', 'https://a.example/2', response(STORY), 5_000));
    const request = gzipSync(warcRecord('request', 'https://a.example/3', 'GET /3 HTTP/1.1\r\n\r\n'));
    const third = gzipSync(warcRecord('response', 'https://a.example/3', response(`Dritte Seite. ${STORY}`)));
    const items = await collect([file('crawl.warc.gz', Buffer.concat([first, request, third, cut]))]);
    expect(items.map((item) => (item.ok ? item.article.url : item.where.position))).toEqual([
      'https://a.example/1',
      'https://a.example/3',
      `WARC offset ${first.length + request.length + third.length}`,
    ]);
    expect(items[2]).toMatchObject({ ok: false, reason: expect.stringMatching(/^truncated record/) });
    expect(articles(items)[1]).toMatchObject({ lang: 'de', body: `Dritte Seite. ${STORY}` });
  });

  it("an article's url is the record's target URI, not the canonical URL its page names", async () => {
    const page = response(STORY).replace(
      '<body>',
      '<head><link rel="canonical" href="https://a.example/story"></head><body>',
    );
    const items = await collect([
      file('canonical.warc.gz', gzipSync(warcRecord('response', 'https://a.example/story?ref=rss', page))),
    ]);
    expect(articles(items).map((article) => article.url)).toEqual(['https://a.example/story?ref=rss']);
  });

  it('an uncompressed WARC: a record cut off mid-file, or longer than it says, is rejected with its offset and the records after it are read', async () => {
    const first = warcRecord('response', 'https://b.example/1', response(STORY));
    // Its writer stopped partway through the 5,000-byte block it announced; the next record follows at once.
    const cut = warcRecord('response', 'https://b.example/2', response(STORY), 5_000).subarray(0, 300);
    const request = warcRecord('request', 'https://b.example/3', 'GET /3 HTTP/1.1\r\n\r\n');
    const third = warcRecord('response', 'https://b.example/3', response(`Dritte Seite. ${STORY}`));
    const long = warcRecord('response', 'https://b.example/4', response(STORY), 60);
    const fifth = warcRecord('response', 'https://b.example/5', response(`Fünfte Seite. ${STORY}`));
    const bytes = Buffer.concat([first, cut, request, third, long, fifth]);
    const items = await collect([file('crawl.warc', bytes)]);
    expect(items.map((item) => (item.ok ? item.article.url : item.where.position))).toEqual([
      'https://b.example/1',
      `WARC offset ${first.length}`,
      'https://b.example/3',
      `WARC offset ${first.length + cut.length + request.length + third.length}`,
      'https://b.example/5',
    ]);
    expect(items[1]).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^truncated record: \d+ of 5000/),
    });
    expect(items[3]).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/longer than its Content-Length/),
    });
    expect(articles(items).map((article) => article.body)).toEqual([
      STORY,
      `Dritte Seite. ${STORY}`,
      `Fünfte Seite. ${STORY}`,
    ]);
  });

  it.runIf(existsSync(WEB_CORPUS))(
    'the real WARCs: truncated capture rejected, EUC-JP pages read',
    async () => {
      const warc = (name: string) => path.join(WEB_CORPUS, 'warc', name);
      const truncated = await collect([warc('resiliparse_clipped-truncated_houstonpress-2016.warc.gz')]);
      expect(truncated).toMatchObject([{ ok: false, where: { position: 'WARC offset 0' } }]);
      const japanese = articles(await collect([warc('resiliparse_clueweb-quirk_euc-jp.warc.gz')]));
      expect(japanese.length).toBe(29);
      expect(japanese.some((article) => /[\u3040-\u30ff]/.test(article.body))).toBe(true);
      // The same captures uncompressed (an older WARC version, bare-LF payloads) are cut into the same records.
      const plain = file(
        'euc-jp.warc',
        gunzipSync(readFileSync(warc('resiliparse_clueweb-quirk_euc-jp.warc.gz'))),
      );
      expect(articles(await collect([plain]))).toEqual(japanese);
    },
    // 58 pages read: past the 60 s default on a machine loaded by other work (it timed out at load 17).
    300_000,
  );
});
