// Reads a news page: its main text without page furniture, and its metadata. Readability over linkedom
// (jsdom where it throws under linkedom) chooses the main text; the JSON-LD articleBody replaces it where
// the page carries a full one, and the page's own <article> where Readability finds too little. Furniture
// is removed before and after.
import { Readability } from '@mozilla/readability';
import { blockText } from './block-text.js';
import { cutAuthorLines } from './cut-author-lines.js';
import { cutEdgeLines } from './cut-edge-lines.js';
import { findNewsArticleLd, type LdArticle } from './find-news-article-ld.js';
import { cutNonText } from './cut-non-text.js';
import { parsePageDom, type DomParser } from './parse-page-dom.js';
import { readPageMetadata, type PageMetadata } from './read-page-metadata.js';
import { hasSeam, shownText, splitGluedWords } from './split-glued-words.js';
import { cutFurnitureText, removeFurnitureElements } from './strip-page-furniture.js';

export interface PageContent extends PageMetadata {
  body: string;
}

export const DEFAULTS = {
  /** A JSON-LD body this share of the Readability text's length or more is taken as the full text. */
  ldShare: 0.9,
  /** JSON-LD bodies shorter than this are teasers. */
  ldMinChars: 200,
  /** A block whose links hold this share of its text is a teaser. */
  linkShare: 0.75,
  /** Linked lines of fewer words are not headlines. */
  headlineWords: 5,
  /** A description shorter than this is a tag line, not a lead. */
  leadMinChars: 60,
  /** The DOM a page is read with first; a page that throws under linkedom is read again with jsdom. */
  parser: 'linkedom' as DomParser,
};

function largestArticle(document: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const element of document.querySelectorAll('article, [itemprop="articleBody"], main')) {
    let length = 0;
    for (const paragraph of element.querySelectorAll('p')) length += paragraph.textContent?.length ?? 0;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}

// video.js's text for browsers without video, which some publishers' articleBody carries (over 4 lines).
const VIDEO_FALLBACK =
  /To view this video please enable JavaScript, and consider upgrading to a\s+web\s+browser\s+that\s+supports\s+HTML5\s+video/g;

/** JSON-LD text as plain paragraphs: some pages put markup or entities into it. */
function ldText(document: Document, value: string): string {
  value = value.replace(VIDEO_FALLBACK, '');
  // Some publishers escape twice ("&amp;ccedil;"): one level of references is decoded, markup stays text.
  if (/&amp;[#\w]+;/.test(value)) {
    const holder = document.createElement('div');
    holder.innerHTML = value.replace(/</g, '&lt;');
    value = holder.textContent ?? '';
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

// Soft hyphens and zero-width characters split words in the markup, not in the text.
const squash = (text: string): string =>
  text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Paragraphs before the title are a kicker, a section name or a date line: up to this many words. */
const KICKER_WORDS = 25;

/** A title shorter than this is not looked for inside a longer line (a section name, a one-word title). */
const TITLE_MIN_CHARS = 20;
/** … and a kicker run into the title ("SVP-Sonderparteitag zur MigrationChiesa ruft …") is at most this long. */
const KICKER_CHARS = 80;

/** Whether `line` holds the title with a kicker or a section name run into it, before or after. */
function holdsTitle(line: string, headings: Set<string>): boolean {
  for (const heading of headings) {
    if (heading.length < TITLE_MIN_CHARS || line.length > heading.length + KICKER_CHARS) continue;
    if (line.endsWith(heading) || line.startsWith(heading)) return true;
  }
  return false;
}

/**
 * The body from after the title, where the title is among its first paragraphs (after a kicker); a line
 * that is the title wins over one that holds it with a kicker run into it.
 */
function afterTitle(body: string, headings: Set<string>): string {
  const paragraphs = body.split('\n\n');
  for (const isTitle of [
    (line: string) => headings.has(line),
    (line: string) => holdsTitle(line, headings),
  ]) {
    let words = 0;
    for (const [index, paragraph] of paragraphs.slice(0, 4).entries()) {
      if (index + 1 < paragraphs.length && isTitle(squash(paragraph))) {
        return paragraphs.slice(index + 1).join('\n\n');
      }
      words += paragraph.split(/\s+/).length;
      if (words > KICKER_WORDS) break;
    }
  }
  return body;
}

// A description that calls on the reader ("Learn how to …", "Find out which …", "Check out these …") is the
// page's advertisement in search results, not a lead of the story.
const PROMOTION =
  /\b(learn (how|more|about|what|why)|find out|check out|discover|get all|click|read on|here['’]s how|in this (article|post|guide)|this (post|article|guide) (shows|explains|covers))\b/i;

/** The page's description (JSON-LD, Open Graph, meta) where the page also shows it: its lead. */
function shownLead(document: Document, ld: LdArticle | null, shown: string): string {
  const candidates = [
    ld?.description,
    document.querySelector('meta[property="og:description"]')?.getAttribute('content'),
    document.querySelector('meta[name="description"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const lead = squash(candidate ?? '');
    if (
      lead.length >= DEFAULTS.leadMinChars &&
      !/(\.\.\.|…)$/.test(lead) &&
      !PROMOTION.test(lead) &&
      shown.includes(lead)
    )
      return lead;
  }
  return '';
}

const LINK_BLOCK = /^(P|LI|H[2-6])$/;

/**
 * Whether `element` is a paragraph, list item or sub-heading that is all link to another page: a headline of
 * another article. Links within the page (a heading's own anchor, a table of contents) and short link lines
 * (a shop's name in a list of buying options) are the article's.
 */
function isLinkBlock(element: Element): boolean {
  if (!LINK_BLOCK.test(element.tagName.toUpperCase())) return false;
  const text = squash(element.textContent ?? '');
  if (text.split(' ').length < DEFAULTS.headlineWords) return false;
  let linked = 0;
  for (const link of element.querySelectorAll('a[href]')) {
    if (!link.getAttribute('href')?.startsWith('#')) linked += squash(link.textContent ?? '').length;
  }
  return linked >= text.length * DEFAULTS.linkShare;
}

/** Removes the blocks that are all link to another page (`isLinkBlock`), in the order of the page. */
function removeLinkBlocks(root: ParentNode): void {
  for (const element of root.querySelectorAll('p, li, h2, h3, h4, h5, h6')) {
    if (isLinkBlock(element)) element.remove();
  }
}

/**
 * Removes the other stories a page holds in `<article>`s of their own, each under its own `<h1>` (the next
 * article that infinite scroll appends, saved with the page), where one article's `<h1>` is the page's
 * title: that one is the page's story.
 */
function removeOtherStories(document: Document, titles: Set<string>): void {
  const articles = [...document.querySelectorAll('article')].filter((article) => article.querySelector('h1'));
  if (articles.length < 2) return;
  const isTitled = (article: Element): boolean =>
    [...article.querySelectorAll('h1')].some((h1) => titles.has(squash(h1.textContent ?? '')));
  const story = articles.find(isTitled);
  if (!story) return;
  for (const article of articles) {
    if (!isTitled(article) && !article.contains(story) && !story.contains(article)) article.remove();
  }
}

const start = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 60);

/** The JSON-LD body with the lead (its description) before it, where the page shows the lead too. */
function ldBody(document: Document, ld: LdArticle, readable: string, apart: string | null): string {
  let body = ld.body ? ldText(document, ld.body) : '';
  // Elements' texts joined with nothing between them: a heading runs into the next paragraph.
  if (apart !== null) body = splitGluedWords(body, apart);
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

/** Readability's article as paragraphs, without lines that are all link; '' where it finds none. */
function readabilityText(document: Document): string {
  // The article's element itself, not its HTML to parse again; its classes kept, since its text is read
  // without them (Readability's pass removing them was work for nothing).
  const parsed = new Readability(document, {
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse();
  if (!parsed?.content) return '';
  const holder = parsed.content;
  // After Readability, which weighs link density itself: before, teaser texts lose their links.
  removeLinkBlocks(holder);
  return cutFurnitureText(blockText(holder));
}

/** Readability on a fresh copy of the page without the class and id rules: where those left nothing. */
function plainReadability(html: string, url: string | null, parser: DomParser): string {
  const { document, close } = parsePageDom(html, url, parser);
  try {
    removeFurnitureElements(document, false);
    const parsed = new Readability(document).parse();
    if (!parsed?.content) return '';
    const holder = document.createElement('div');
    holder.innerHTML = parsed.content;
    return cutFurnitureText(blockText(holder));
  } catch (cause) {
    if (parser === 'linkedom') throw cause;
    return '';
  } finally {
    close();
  }
}

/** The page read with one parser; under linkedom, whatever throws is thrown for the jsdom retry. */
function extractWith(html: string, url: string | null, parser: DomParser): PageContent {
  const { document, close } = parsePageDom(html, url, parser);
  try {
    const ld = findNewsArticleLd(document);
    const metadata = readPageMetadata(document, ld, url);
    const titles = [
      metadata.title,
      document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    ]
      .map((text) => squash(text ?? ''))
      .filter((text) => text !== '');
    removeOtherStories(document, new Set(titles));
    const headings = new Set([
      ...titles,
      ...[...document.querySelectorAll('h1')].map((h1) => squash(h1.textContent ?? '')),
    ]);
    removeFurnitureElements(document);
    // The title's own furniture (a hidden variant of it) may be gone now.
    for (const h1 of document.querySelectorAll('h1')) headings.add(squash(h1.textContent ?? ''));
    // The page's text as shown, before Readability takes the document apart.
    const shown = squash(document.body?.textContent ?? '');
    const lead = shownLead(document, ld, shown);
    // The page's text with its elements apart, where articleBody may have run them together.
    const apart = ld?.body && hasSeam(ld.body) && document.body ? shownText(blockText(document.body)) : null;
    // Read without its link blocks rather than changed: Readability reads the page after this.
    const article = largestArticle(document);
    const articleText = article ? cutFurnitureText(blockText(article, isLinkBlock)) : '';
    let readable = '';
    try {
      readable = readabilityText(document);
    } catch (cause) {
      // Under jsdom, Readability gives up on some markup; the <article> and JSON-LD texts remain.
      if (parser === 'linkedom') throw cause;
    }
    let body = readable.length >= articleText.length * 0.5 ? readable : articleText;
    // Publishers put captions and credits into articleBody too.
    const structured = ld ? cutFurnitureText(ldBody(document, ld, body, apart)) : '';
    if (structured.length >= DEFAULTS.ldMinChars && structured.length >= body.length * DEFAULTS.ldShare) {
      body = structured;
    }
    if (body.trim() === '') body = plainReadability(html, url, parser);
    // The title is the article's, not its text's: a body that shows it starts after it.
    body = afterTitle(body, headings);
    // A lead whose start or last 100 characters the text holds is there already (a description cut from the
    // first paragraph, after a byline).
    const flatBody = squash(body);
    if (lead !== '' && !flatBody.includes(lead.slice(0, 60)) && !flatBody.includes(lead.slice(-100))) {
      body = `${lead}\n\n${body}`;
    }
    // Lines that the title had kept from the head of the text (a date line, a byline under it).
    body = cutFurnitureText(body);
    // The site's lines at the text's head or end: comment rules, newsletter, donations, wire credits.
    body = cutEdgeLines(body);
    // The author's blurb under the story, known by the name the page gives as its author.
    body = cutAuthorLines(body, metadata.author, metadata.source);
    return { ...metadata, body };
  } finally {
    close();
  }
}

/**
 * Extracts the main text and metadata of an HTML page; `url` is where it came from, when known. The page
 * is read with `parser` (linkedom by default); a page on which Readability or a rule throws under
 * linkedom is read again with jsdom.
 */
export function extractPage(page: string, url: string | null = null, parser = DEFAULTS.parser): PageContent {
  const html = cutNonText(page);
  if (parser === 'jsdom') return extractWith(html, url, 'jsdom');
  try {
    return extractWith(html, url, 'linkedom');
  } catch {
    return extractWith(html, url, 'jsdom');
  }
}
