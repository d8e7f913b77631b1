import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/ingest/block-text.js';
import { parseNewsFeed } from '../../src/ingest/feed-to-articles.js';
import { htmlToText } from '../../src/ingest/html-to-text.js';

const WEB_CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/web');
if (!existsSync(WEB_CORPUS)) console.log(`skipped the real feeds: ${WEB_CORPUS} is absent`);

// Feed items' HTML as feeds carry it (written here): paragraphs, a list, line breaks, entities, nested blocks.
const FRAGMENTS = [
  '<p>The council voted on Monday.</p><p>A third of the homes will be let at <b>controlled</b> rents.</p>',
  'First line<br>second line<br/>third &amp; last line',
  '<div><div><h2>Costs</h2><ul><li>Site: 180 million euros</li><li>Tram: 90 million euros</li></ul></div></div>',
  '<figure><img src="a.jpg"><figcaption>The old freight yard.</figcaption></figure><p>Caf&eacute; owners &#8220;welcome&#8221; it.</p>',
  'Plain text with an entity: 5 &lt; 7',
];

const viaJsdom = (html: string): string => blockText(JSDOM.fragment(html));

describe("feed items' HTML as text", () => {
  it('a fragment gives the same paragraphs as jsdom reads them', () => {
    for (const fragment of FRAGMENTS) expect(htmlToText(fragment)).toBe(viaJsdom(fragment));
  });

  it('a fragment with a stray </body> or <head> keeps the text after it, as a browser reads it', () => {
    const fragment =
      '<p>One paragraph.</p></body></html><p>Second paragraph after the body.</p><p>Third.</p>';
    expect(htmlToText(fragment).split('\n\n')).toEqual([
      'One paragraph.',
      'Second paragraph after the body.',
      'Third.',
    ]);
  });

  it.runIf(existsSync(WEB_CORPUS))('the items of the corpus feeds give the same text as with jsdom', () => {
    const dir = path.join(WEB_CORPUS, 'feeds');
    let compared = 0;
    for (const name of readdirSync(dir).filter((file) => /\.(xml|rss|atom|json)$/.test(file))) {
      let items;
      try {
        items = parseNewsFeed(readFileSync(path.join(dir, name), 'utf8')).items;
      } catch {
        continue;
      }
      for (const item of items) {
        for (const value of [item.content, item.summary, item.title]) {
          if (!value || !/<\w/.test(value)) continue;
          expect(htmlToText(value)).toBe(viaJsdom(value));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
