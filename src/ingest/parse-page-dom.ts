// A page's DOM from one of two parsers: linkedom (an order of magnitude faster to build, measured in
// docs/web-ingest.md) or jsdom (the standard DOM, slower; the fallback where Readability or our rules
// throw under linkedom).
import { parseHTML } from 'linkedom';
import { loadJsdom } from './load-jsdom.js';

export type DomParser = 'linkedom' | 'jsdom';

export interface PageDom {
  document: Document;
  /** Frees the parser's window (jsdom keeps timers and listeners until closed). */
  close(): void;
}

/** Parses `html` with `parser`; `url` is the page's address, when known (jsdom resolves links against it). */
export function parsePageDom(html: string, url: string | null, parser: DomParser): PageDom {
  if (parser === 'jsdom') {
    const { JSDOM, VirtualConsole } = loadJsdom();
    const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole() });
    return { document: dom.window.document, close: () => dom.window.close() };
  }
  // linkedom's Document implements the parts of the DOM that extraction uses, under its own types.
  const document = parseHTML(html).document as unknown as Document;
  lowerCaseAttributes(document);
  return { document, close: () => {} };
}

const HEAD_ELEMENTS = /^(TITLE|META|LINK|BASE|STYLE|SCRIPT|NOSCRIPT|TEMPLATE)$/;

/** Text outside <body> up to this many characters (a stray <noscript> or pixel) does not matter. */
const STRAY_CHARS = 100;

/**
 * Whether the page's text stands where a browser would put it: linkedom does not move what stands after
 * </body> or inside <head> into the body as the HTML parser does (Readability throws on such a page under
 * linkedom, or misses that text), so a page with text there is one for jsdom.
 */
export function bodyHoldsContent(document: Document): boolean {
  const root = document.documentElement;
  if (!root || !document.body) return false;
  const outside = [...document.children].filter((child) => child !== root);
  for (const child of root.children) {
    if (child.tagName === 'HEAD') {
      outside.push(...[...child.children].filter((element) => !HEAD_ELEMENTS.test(element.tagName)));
    } else if (child !== document.body) {
      outside.push(child);
    }
  }
  let chars = 0;
  for (const element of outside) chars += element.textContent?.trim().length ?? 0;
  return chars <= STRAY_CHARS;
}

/**
 * linkedom keeps attribute names as written (for SVG's viewBox); HTML's are case-insensitive, and the
 * selectors of extraction (`meta[name=…]`, `[class]`, JSON-LD's `script[type=…]`) are written in lower case.
 */
function lowerCaseAttributes(document: Document): void {
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      element.removeAttribute(name);
      if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
    }
  }
}
