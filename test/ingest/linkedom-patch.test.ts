// linkedom is patched (patches/linkedom+0.18.15.patch, applied by `npm ci`): its EventTarget makes the
// listener map at the first addEventListener instead of for every node it builds, a quarter of the CPU of
// reading a page (docs/web-ingest.md, session 18); a list of tag names is matched without css-select, tag
// names change case once per name, and the parser leaves the class list to its first use (session 19).
// Listeners, queries and classes must work as before.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';

const setWeakEntry = WeakMap.prototype.set;
const { toLowerCase, toUpperCase } = String.prototype;

afterEach(() => {
  WeakMap.prototype.set = setWeakEntry;
  String.prototype.toLowerCase = toLowerCase;
  String.prototype.toUpperCase = toUpperCase;
});

/** Calls of String.prototype.toLowerCase and toUpperCase while `run` runs. */
function caseChanges(run: () => void): number {
  let calls = 0;
  String.prototype.toLowerCase = function (this: string) {
    calls += 1;
    return toLowerCase.call(this);
  };
  String.prototype.toUpperCase = function (this: string) {
    calls += 1;
    return toUpperCase.call(this);
  };
  try {
    run();
  } finally {
    String.prototype.toLowerCase = toLowerCase;
    String.prototype.toUpperCase = toUpperCase;
  }
  return calls;
}

describe('linkedom, as patched', () => {
  it('builds a page without a weak-map entry per node', () => {
    let entries = 0;
    WeakMap.prototype.set = function (this: WeakMap<WeakKey, unknown>, key: WeakKey, value: unknown) {
      entries += 1;
      return setWeakEntry.call(this, key, value);
    };
    const { document } = parseHTML(`<html><body>${'<p class="a">x <b>y</b></p>'.repeat(100)}</body></html>`);
    WeakMap.prototype.set = setWeakEntry;
    expect(document.querySelectorAll('*').length).toBeGreaterThan(200);
    // Unpatched, every element, text and attribute node took one (over 500 here).
    expect(entries).toBeLessThan(10);
  });

  it('still calls, bubbles and removes event listeners', () => {
    const { document, Event } = parseHTML(
      '<html><body><div id="outer"><p id="inner">x</p></div></body></html>',
    );
    const outer = document.getElementById('outer');
    const inner = document.getElementById('inner');
    if (!outer || !inner) throw new Error('fixture elements missing');
    const heard: string[] = [];
    const onInner = (): void => void heard.push('inner');
    const onOuter = (): void => void heard.push('outer');
    inner.addEventListener('ping', onInner);
    outer.addEventListener('ping', onOuter);
    // A node that never had a listener can have one removed.
    expect(() => document.body.removeEventListener('ping', onOuter)).not.toThrow();
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    inner.removeEventListener('ping', onInner);
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(heard).toEqual(['inner', 'outer', 'outer']);
  });

  it('matches lists of tag names as css-select does, by name alone', () => {
    const { document } = parseHTML(
      `<html><body>${'<div><p class="a">x</p><ul><li>y</li></ul><h2>z</h2></div>'.repeat(50)}</body></html>`,
    );
    // Elements made by script keep the case they were given; selectors match them case-insensitively.
    document.body.appendChild(document.createElement('DIV')).appendChild(document.createElement('P'));
    // css-select's adapter asks each element it tests for its document (to know the case rules): counted.
    let documentReads = 0;
    for (const element of document.querySelectorAll('*')) {
      Object.defineProperty(element, 'ownerDocument', {
        get: () => {
          documentReads += 1;
          return document;
        },
      });
    }
    const found = [...document.querySelectorAll('p, LI,h2')];
    const divs = document.querySelectorAll('div');
    expect(documentReads).toBe(0);
    expect(found).toHaveLength(151);
    expect(found.slice(0, 3).map((element) => element.localName)).toEqual(['p', 'li', 'h2']);
    expect(found.at(-1)?.localName).toBe('P');
    expect(divs).toHaveLength(51);
    // html, head, body, 50 times five elements and the two made by script.
    expect(document.querySelectorAll('*')).toHaveLength(255);
    // Other selectors still go to css-select.
    expect(document.querySelectorAll('div > p.a')).toHaveLength(50);
  });

  it('puts each tag name in upper case once, not at every tagName read', () => {
    const { document } = parseHTML(`<html><body>${'<p>x</p><li>y</li>'.repeat(100)}</body></html>`);
    const elements = [...document.querySelectorAll('p, li')];
    let names: string[] = [];
    const calls = caseChanges(() => {
      names = elements.map((element) => element.tagName);
    });
    expect(names.slice(0, 2)).toEqual(['P', 'LI']);
    // Unpatched, every read was a call (200 here).
    expect(calls).toBeLessThan(10);
  });

  it('reads class names from the attribute at their first use', () => {
    const { document } = parseHTML('<html><body><p class=" a  b a">x</p><p class="c">y</p></body></html>');
    const [first, second] = [...document.querySelectorAll('p')];
    if (!first || !second) throw new Error('fixture elements missing');
    // Unpatched, the parser normalised the attribute through the class list ("a b").
    expect(first.getAttributeNode('class')?.value).toBe(' a  b a');
    expect(first.className).toBe('a b');
    expect(first.getAttribute('class')).toBe('a b');
    expect(first.classList.contains('b')).toBe(true);
    expect(document.querySelectorAll('.b')).toHaveLength(1);
    second.classList.add('d');
    expect(second.getAttribute('class')).toBe('c d');
    expect(document.querySelector('p.d')).toBe(second);
    first.setAttribute('class', 'e');
    expect(first.classList.contains('a')).toBe(false);
    expect(first.className).toBe('e');
  });
});
