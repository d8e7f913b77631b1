// A fragment of HTML (a feed item's content, a JSON-LD body) as plain paragraphs. Read with linkedom (about
// seven times faster than jsdom on the corpus feeds' items, with the same text: docs/web-ingest.md). A
// fragment with document tags (<html>, <head>, <body> or their ends) is read with jsdom: linkedom drops or
// misplaces what follows them, where a browser reads on.
import { parseHTML } from 'linkedom';
import { blockText } from './block-text.js';
import { loadJsdom } from './load-jsdom.js';

const DOCUMENT_TAG = /<\/?(html|head|body)[\s>/]/i;

/** The text of `html` with paragraphs separated by a blank line; plain text passes through. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  if (!DOCUMENT_TAG.test(html)) {
    try {
      const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
      const body = (document as unknown as Document).body;
      if (body) return blockText(body);
    } catch {
      // linkedom gave up on this markup: jsdom reads it as a browser would.
    }
  }
  return blockText(loadJsdom().JSDOM.fragment(html));
}
