// linkedom is patched (patches/linkedom+0.18.15.patch, applied by `npm ci`): its EventTarget makes the
// listener map at the first addEventListener instead of for every node it builds, a quarter of the CPU of
// reading a page (docs/web-ingest.md, session 18). Listeners must work as before.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';

const setWeakEntry = WeakMap.prototype.set;

afterEach(() => {
  WeakMap.prototype.set = setWeakEntry;
});

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
});
