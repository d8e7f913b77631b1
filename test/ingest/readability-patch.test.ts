// Readability is patched (patches/@mozilla+readability+0.6.0.patch, applied by `npm ci`) to skip work that
// costs a page read with linkedom much and changes nothing (docs/web-ingest.md, "Page CPU, session 19"): a
// node's style is read only where it has a style attribute, its text only where it looks like a byline or
// until the first text that is not white space, and the article is serialised for the log only when logging.
// What Readability keeps and drops must be as before.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';

const restores: Array<() => void> = [];

afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** Counts reads of the getter `name` on `this` objects that `counted` accepts, until the test ends. */
function countReads(sample: object, name: string, counted: (target: object) => boolean): { reads: number } {
  let owner: object | null = sample;
  while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
  const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
  if (!owner || !descriptor?.get) throw new Error(`countReads: no getter ${name}`);
  const { get } = descriptor;
  const count = { reads: 0 };
  Object.defineProperty(owner, name, {
    ...descriptor,
    get(this: object) {
      if (counted(this)) count.reads += 1;
      return get.call(this);
    },
  });
  restores.push(() => Object.defineProperty(owner, name, descriptor));
  return count;
}

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the story, with <span>some words</span> in a span, long enough to be scored, and, ` +
  `with commas, a little longer still so that the article passes the threshold of characters.</p>`;

const PAGE = `<html><head><title>A story</title></head><body>
  <div class="content">
    <div class="spacer"> </div>
    ${[1, 2, 3].map(paragraph).join('')}
    <p style="color: red">Paragraph 4, styled but shown, with enough words to count as a paragraph of text.</p>
    <div style="display: none">Hidden text that the page does not show to its readers at all.</div>
    <p>The last paragraph of the story, which closes it with a few more words, and commas, as stories do.</p>
  </div>
</body></html>`;

function readPage(): { text: string; document: Document } {
  const document = parseHTML(PAGE).document as unknown as Document;
  // As extractPage reads it: the article's element, not its HTML.
  const parsed = new Readability(document, { keepClasses: true, serializer: (node) => node }).parse();
  return { text: parsed?.textContent ?? '', document };
}

describe('Readability, as patched', () => {
  it('reads the style of an element only where it has a style attribute, and still drops hidden ones', () => {
    const sample = parseHTML('<html><body><p>x</p></body></html>').document.querySelector('p') as object;
    const style = countReads(sample, 'style', (target) => !(target as Element).hasAttribute('style'));
    const { text } = readPage();
    // Unpatched, every element of the page (15 here) had its style read, twice.
    expect(style.reads).toBe(0);
    expect(text).toContain('Paragraph 4, styled but shown');
    expect(text).not.toContain('Hidden text');
  });

  it('reads the text of an element only where it looks like a byline or until its first words', () => {
    const sample = parseHTML('<html><body><p>x</p></body></html>').document.querySelector('p') as object;
    const text = countReads(sample, 'textContent', (target) => {
      const element = target as Element;
      return element.tagName === 'SPAN' || element.getAttribute?.('class') === 'spacer';
    });
    const read = readPage();
    // Unpatched, each span's text was read for the byline test and the spacer's for the empty-block test.
    expect(text.reads).toBe(0);
    expect(read.text).toContain('with some words in a span');
    expect(read.document.querySelector('.spacer')).toBeNull();
  });

  it('still takes a byline and drops a block with no text', () => {
    const document = parseHTML(
      PAGE.replace(
        '<div class="spacer"> </div>',
        '<div class="spacer"><br></div><p class="byline">By Jane Doe</p>',
      ),
    ).document as unknown as Document;
    const parsed = new Readability(document).parse();
    expect(parsed?.byline).toBe('By Jane Doe');
    expect(parsed?.textContent).not.toContain('Jane Doe');
    expect(document.querySelector('.spacer')).toBeNull();
  });

  it('serialises the article only when logging', () => {
    const sample = parseHTML('<html><body><p>x</p></body></html>').document.querySelector('p') as object;
    const serialised = countReads(sample, 'innerHTML', (target) => (target as Element).tagName !== 'BODY');
    const { text } = readPage();
    // Unpatched, the article was serialised for a log line that is not written (once here).
    expect(serialised.reads).toBe(0);
    expect(text).toContain('The last paragraph');
  });
});
