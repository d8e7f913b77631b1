// A fragment of HTML (a feed item's content, a JSON-LD body) as plain paragraphs.
import { JSDOM } from 'jsdom';
import { blockText } from './block-text.js';

/** The text of `html` with paragraphs separated by a blank line; plain text passes through. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  return blockText(JSDOM.fragment(html));
}
