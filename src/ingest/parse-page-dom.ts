// A page's DOM from one of two parsers: linkedom (an order of magnitude faster to build, measured in
// docs/web-ingest.md) or jsdom (the standard DOM, slower; the fallback where Readability or our rules
// throw under linkedom). jsdom is loaded at its first page: it takes a second to load, and a page thread
// that never falls back to it would pay that at every start.
import { parseHTML } from 'linkedom';
import { NewsgraphError } from '../errors.js';
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
  if (!moveIntoBody(document)) throw new NewsgraphError('no_body', 'parsePageDom: no <body> under <html>');
  lowerCaseAttributes(document);
  return { document, close: () => {} };
}

const HEAD_ELEMENTS = /^(TITLE|META|LINK|BASE|STYLE|SCRIPT|NOSCRIPT|TEMPLATE)$/;

/**
 * Moves what stands outside `<body>` in linkedom's tree to where the HTML parser of a browser puts it:
 * linkedom leaves an element inside `<head>` and whatever follows `</body>` or `</html>` where it was
 * written (Readability then misses that text, or throws). A browser's parser opens the body at the first
 * element in the head that does not belong there, and appends what follows the body's end to the body.
 * Returns false where the page has no `<body>` to move into (a case for jsdom). Mutates the document.
 */
export function moveIntoBody(document: Document): boolean {
  const root = document.documentElement;
  const body = document.body;
  if (!root || !body || body.parentNode !== root) return false;
  const before: Node[] = [];
  const after: Node[] = [];
  let past = false;
  for (const child of [...root.childNodes]) {
    if (child === body) past = true;
    else if ((child as Element).tagName === 'HEAD') {
      let opened = false;
      for (const inHead of [...child.childNodes]) {
        opened ||= inHead.nodeType === 1 && !HEAD_ELEMENTS.test((inHead as Element).tagName);
        if (opened) before.push(inHead);
      }
    } else (past ? after : before).push(child);
  }
  past = false;
  for (const child of [...document.childNodes]) {
    if (child === root) past = true;
    else if (past && (child.nodeType === 1 || child.nodeType === 3)) after.push(child);
  }
  const first = body.firstChild;
  for (const node of before) body.insertBefore(node, first);
  for (const node of after) body.appendChild(node);
  return true;
}

/**
 * linkedom keeps attribute names as written (for SVG's viewBox); HTML's are case-insensitive, and the
 * selectors of extraction (`meta[name=…]`, `[class]`, JSON-LD's `script[type=…]`) are written in lower case.
 */
function lowerCaseAttributes(document: Document): void {
  // The names alone: linkedom makes a list of attribute nodes for `attributes`, twice as slow over a page.
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      const value = element.getAttribute(name) ?? '';
      element.removeAttribute(name);
      if (!element.hasAttribute(lower)) element.setAttribute(lower, value);
    }
  }
}
