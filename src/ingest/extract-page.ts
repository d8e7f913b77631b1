// Reads a news page: its main text without page furniture, and its metadata. Readability over jsdom
// chooses the main text; the JSON-LD articleBody replaces it where the page carries a full one, and the
// page's own <article> where Readability finds too little. Furniture is removed before and after.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blockText } from './block-text.js';
import { findNewsArticleLd, type LdArticle } from './find-news-article-ld.js';
import { readPageMetadata, type PageMetadata } from './read-page-metadata.js';
import { cutFurnitureText, removeFurnitureElements } from './strip-page-furniture.js';

export interface PageContent extends PageMetadata {
  body: string;
}

export const DEFAULTS = {
  /** A JSON-LD body this share of the Readability text's length or more is taken as the full text. */
  ldShare: 0.9,
  /** JSON-LD bodies shorter than this are teasers. */
  ldMinChars: 200,
};

function largestArticle(document: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const element of document.querySelectorAll('article, [itemprop="articleBody"]')) {
    let length = 0;
    for (const paragraph of element.querySelectorAll('p')) length += paragraph.textContent?.length ?? 0;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}

/** JSON-LD text as plain paragraphs: some pages put markup or entities into it. */
function ldText(document: Document, value: string): string {
  // Some publishers escape twice ("&amp;ccedil;").
  if (/&amp;[#\w]+;/.test(value)) {
    const holder = document.createElement('textarea');
    holder.innerHTML = value;
    value = holder.value;
  }
  if (/[<&]/.test(value)) {
    const holder = document.createElement('div');
    holder.innerHTML = value.replace(/\r?\n/g, '<br>');
    return blockText(holder).replace(/\n\n/g, '\n').replace(/\n/g, '\n\n');
  }
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n\n');
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

const start = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 60);

/** The JSON-LD body with the lead (its description) before it, where the page shows the lead too. */
function ldBody(document: Document, ld: LdArticle, readable: string): string {
  let body = ld.body ? ldText(document, ld.body) : '';
  // Some publishers repeat the whole text in articleBody.
  const again = body.length > 200 ? body.indexOf(body.slice(0, 100), 100) : -1;
  if (again > 0 && body.slice(again).startsWith(body.slice(0, Math.min(again, body.length - again)))) {
    body = body.slice(0, again).trim();
  }
  const lead = ld.description ? ldText(document, ld.description) : '';
  if (lead === '' || body.includes(start(lead)) || !readable.replace(/\s+/g, ' ').includes(start(lead))) {
    return body;
  }
  return `${lead}\n\n${body}`;
}

/** Readability on a fresh copy of the page without the class and id rules: where those left nothing. */
function plainReadability(html: string, url: string | null): string {
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole() });
  try {
    removeFurnitureElements(dom.window.document, false);
    const parsed = new Readability(dom.window.document).parse();
    if (!parsed?.content) return '';
    const holder = dom.window.document.createElement('div');
    holder.innerHTML = parsed.content;
    return cutFurnitureText(blockText(holder));
  } catch {
    return '';
  } finally {
    dom.window.close();
  }
}

/** Extracts the main text and metadata of an HTML page; `url` is where it came from, when known. */
export function extractPage(html: string, url: string | null = null): PageContent {
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  try {
    const ld = findNewsArticleLd(document);
    const metadata = readPageMetadata(document, ld, url);
    const headings = new Set(
      [metadata.title, document.querySelector('h1')?.textContent].map((text) => squash(text ?? '')),
    );
    removeFurnitureElements(document);
    const article = largestArticle(document);
    const articleText = article ? cutFurnitureText(blockText(article)) : '';
    let readable = '';
    try {
      const parsed = new Readability(document, { keepClasses: false }).parse();
      if (parsed?.content) {
        const holder = document.createElement('div');
        holder.innerHTML = parsed.content;
        readable = cutFurnitureText(blockText(holder));
      }
    } catch {
      // Readability gives up on some markup; the <article> and JSON-LD texts remain.
    }
    let body = readable.length >= articleText.length * 0.5 ? readable : articleText;
    const structured = ld ? ldBody(document, ld, body) : '';
    if (structured.length >= DEFAULTS.ldMinChars && structured.length >= body.length * DEFAULTS.ldShare) {
      body = structured;
    }
    if (body.trim() === '') body = plainReadability(html, url);
    // The title is the article's, not its text's: a body that opens with it starts after it.
    const [first, ...rest] = body.split('\n\n');
    if (rest.length > 0 && headings.has(squash(first ?? ''))) body = rest.join('\n\n');
    return { ...metadata, body };
  } finally {
    dom.window.close();
  }
}
