import { describe, expect, it } from 'vitest';
import { decodeSpans } from '../../../src/entities/ner/decode-spans.js';

const words = (n: number): string[] => Array.from({ length: n }, (_, i) => `w${i}`);

describe('decodeSpans', () => {
  it('joins a B- tag with the I- tags that continue it', () => {
    const tags = ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'];
    expect(decodeSpans(words(5), tags)).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
    ]);
  });

  it('starts a span at a stray I- tag, as conlleval does', () => {
    expect(decodeSpans(words(4), ['O', 'I-ORG', 'I-ORG', 'O'])).toEqual([{ start: 1, end: 3, label: 'ORG' }]);
  });

  it('splits spans where the label changes or a new B- begins', () => {
    const tags = ['B-PER', 'I-LOC', 'B-LOC', 'B-LOC', 'I-LOC'];
    expect(decodeSpans(words(5), tags)).toEqual([
      { start: 0, end: 1, label: 'PER' },
      { start: 1, end: 2, label: 'LOC' },
      { start: 2, end: 3, label: 'LOC' },
      { start: 3, end: 5, label: 'LOC' },
    ]);
  });

  it('keeps deriv and part labels and closes a span at the sentence end', () => {
    expect(decodeSpans(words(3), ['B-LOCderiv', 'O', 'B-LOCpart'])).toEqual([
      { start: 0, end: 1, label: 'LOCderiv' },
      { start: 2, end: 3, label: 'LOCpart' },
    ]);
  });

  it('returns no spans for an all-O or empty sentence', () => {
    expect(decodeSpans(words(2), ['O', 'O'])).toEqual([]);
    expect(decodeSpans([], [])).toEqual([]);
  });
});
