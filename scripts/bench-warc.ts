// npm run bench:warc -- --pages N --out FILE: writes a WARC.gz of N HTML response records (one gzip member
// each, as crawlers write them), each under a URI of its own: the real pages of ../shared/corpus/web taken
// in turn (a page appears N / 914 times: copies, as a crawl has), or with --from articles the corpus
// articles (*.jsonl) set in a small page with navigation and footer (small pages: jsdom reads them far faster).
// Index it with `/usr/bin/time -v npm run index -- FILE` to see whether memory stays bounded
// (docs/web-ingest.md, "Memory").
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../src/config.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage: 'npm run bench:warc -- --out FILE [--pages N] [--from pages|articles] [--corpus DIR]',
  description: 'Writes a WARC.gz of N HTML response records built from the corpus pages or articles.',
  options: {
    out: { type: 'string', value: 'FILE', description: 'the WARC.gz to write (outside the repository)' },
    pages: { type: 'string', value: 'N', default: '10000', description: 'HTML response records' },
    from: {
      type: 'string',
      value: 'pages|articles',
      default: 'pages',
      description: 'the web corpus pages, or the corpus articles set in a small page',
    },
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus'),
      description: 'the corpus (web/fundus-news/, web/wcxb-dev-articles/, *.jsonl)',
    },
  },
});

/** A page of the corpus: its HTML and the URL it was crawled from. */
function corpusPages(corpus: string): Array<{ html: Buffer; url: string }> {
  const pages: Array<{ html: Buffer; url: string }> = [];
  for (const set of ['fundus-news', 'wcxb-dev-articles']) {
    const dir = path.join(corpus, 'web', set);
    if (!existsSync(dir)) continue;
    const truth = JSON.parse(readFileSync(path.join(dir, 'ground_truth.json'), 'utf8')) as Record<
      string,
      { url?: string }
    >;
    for (const name of readdirSync(path.join(dir, 'html')).sort()) {
      const id = name.replace(/\.html\.gz$/, '');
      const html = gunzipSync(readFileSync(path.join(dir, 'html', name)));
      pages.push({ html, url: truth[id]?.url ?? `https://${set}.example/${id}` });
    }
  }
  return pages;
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The corpus articles, each as a small news page: navigation, the story in <article>, a footer. */
function articlePages(corpus: string): Array<{ html: Buffer; url: string }> {
  const pages: Array<{ html: Buffer; url: string }> = [];
  for (const name of ['de-news.jsonl', 'en-news.jsonl']) {
    const file = path.join(corpus, name);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const article = JSON.parse(line) as { id: string; title?: string | null; body: string; lang?: string };
      const paragraphs = article.body
        .split(/\n+|(?<=[.!?])\s+(?=\p{Lu})/u)
        .map((text) => `<p>${escape(text)}</p>`)
        .join('');
      const html =
        `<!doctype html><html lang="${article.lang ?? 'de'}"><head><title>${escape(article.title ?? article.id)}</title></head>` +
        `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>` +
        `${article.title ? `<h1>${escape(article.title)}</h1>` : ''}${paragraphs}</article>` +
        `<aside class="related"><h2>More stories</h2><ul><li>Another headline</li></ul></aside></main>` +
        `<footer>© 2026 Example</footer></body></html>`;
      pages.push({ html: Buffer.from(html), url: `https://articles.example/${article.id}` });
    }
  }
  return pages;
}

function responseRecord(url: string, html: Buffer, n: number): Buffer {
  const http = Buffer.concat([
    Buffer.from(
      `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`,
    ),
    html,
  ]);
  const head =
    `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2026-12-06T00:00:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}>\r\n` +
    `Content-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return gzipSync(Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]));
}

async function main(): Promise<void> {
  const count = Number(values.pages);
  if (!values.out || !Number.isInteger(count) || count < 1) {
    throw new Error('bench:warc: --out FILE and a whole number of --pages are needed');
  }
  if (values.from !== 'pages' && values.from !== 'articles') {
    throw new Error('bench:warc: --from is pages or articles');
  }
  const corpus = path.resolve(values.corpus);
  const pages = values.from === 'pages' ? corpusPages(corpus) : articlePages(corpus);
  if (pages.length === 0) throw new Error(`bench:warc: no ${values.from} under ${corpus}`);
  const out = createWriteStream(values.out);
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const page = pages[n % pages.length] as (typeof pages)[number];
    const separator = page.url.includes('?') ? '&' : '?';
    const record = responseRecord(`${page.url}${separator}warc-copy=${n}`, page.html, n);
    bytes += record.length;
    if (!out.write(record)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  process.stdout.write(
    `${values.out}: ${count} records from ${pages.length} corpus ${values.from}, ${(bytes / 2 ** 20).toFixed(0)} MiB\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
