import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/ingest/block-text.js';
import { extractPage } from '../../src/ingest/extract-page.js';
import { shownText, splitGluedWords } from '../../src/ingest/split-glued-words.js';

// Text that markup keeps apart and a naive join runs together: table cells in minified HTML, and a
// JSON-LD articleBody made by joining the article's elements with nothing between them (written here).
const STORY = [
  'Der Stadtrat von Musterhausen hat am Montag beschlossen, den alten Güterbahnhof in ein Wohnviertel umzubauen. Auf dem Gelände sollen bis 2030 rund 1.200 Wohnungen entstehen.',
  'Neue Straßenbahn geplant',
  'Anwohner fürchten mehr Verkehr. Die Verwaltung will deshalb eine Straßenbahn bauen, die das Viertel mit dem Hauptbahnhof verbindet, und informiert per WhatsApp über die Pläne.',
];

function page(articleBody: string): string {
  const ld = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Güterbahnhof wird Wohnviertel',
    articleBody,
  });
  return `<!doctype html><html lang="de"><head><title>Güterbahnhof wird Wohnviertel</title>
<script type="application/ld+json">${ld}</script></head><body><article><h1>Güterbahnhof wird Wohnviertel</h1>
<p>${STORY[0]}</p><h2>${STORY[1]}</h2><p>${STORY[2]}</p></article></body></html>`;
}

describe('text that markup keeps apart', () => {
  it('cells of a minified table stay apart on their row’s line', () => {
    const { document } = parseHTML(
      '<table><tr><th>Supplement</th><th>Share</th></tr><tr><td>Immune Support</td><td>37.50%</td></tr></table>',
    );
    expect(blockText(document).split('\n\n')).toEqual(['Supplement Share', 'Immune Support 37.50%']);
  });

  it('an articleBody whose heading runs into the next paragraph is split where the page shows two elements', () => {
    const glued = `${STORY[0]}${STORY[1]}${STORY[2]}`;
    expect(glued).toContain('geplantAnwohner');
    expect(extractPage(page(glued), null).body.split('\n\n')).toEqual(STORY);
  });

  it('a name written in camel case that the page shows stays whole, also behind a soft hyphen', () => {
    const shown = shownText('Wir informieren per WhatsApp und Tik\u00adTok.');
    expect(splitGluedWords('per WhatsApp und TikTok informiert', shown)).toBe(
      'per WhatsApp und TikTok informiert',
    );
    expect(splitGluedWords('Verkehr geplantAnwohner', shown)).toBe('Verkehr geplant\n\nAnwohner');
  });
});
