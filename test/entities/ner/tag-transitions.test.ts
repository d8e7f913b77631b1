import { describe, expect, it } from 'vitest';
import { groupDocuments } from '../../../src/entities/ner/group-documents.js';
import {
  finalTagTransitions,
  iob2Tags,
  tagInventory,
  tagTransitions,
  toBioes,
} from '../../../src/entities/ner/tag-transitions.js';

const tags = tagInventory(['PER', 'LOC'], 'bioes');
const allowedAfter = (matrix: Uint8Array, prev: string | undefined, cur: string): boolean => {
  const p = prev === undefined ? tags.length : tags.indexOf(prev);
  return matrix[p * tags.length + tags.indexOf(cur)] === 1;
};

describe('BIOES tags', () => {
  it('rewrites IOB2 spans with single-token and end tags and back', () => {
    const iob2 = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'];
    const bioes = toBioes(iob2);
    expect(bioes).toEqual(['B-PER', 'I-PER', 'E-PER', 'O', 'S-LOC', 'B-LOC', 'E-LOC']);
    expect(iob2Tags(bioes)).toEqual(iob2);
  });

  it('lets an open span continue only with its own label', () => {
    const allowed = tagTransitions(tags);
    expect(allowedAfter(allowed, 'B-PER', 'I-PER')).toBe(true);
    expect(allowedAfter(allowed, 'B-PER', 'E-PER')).toBe(true);
    expect(allowedAfter(allowed, 'B-PER', 'E-LOC')).toBe(false);
    expect(allowedAfter(allowed, 'B-PER', 'O')).toBe(false);
    expect(allowedAfter(allowed, 'E-PER', 'S-LOC')).toBe(true);
    expect(allowedAfter(allowed, 'O', 'I-PER')).toBe(false);
    expect(allowedAfter(allowed, undefined, 'E-PER')).toBe(false);
  });

  it('closes every span at the last token of a sentence', () => {
    const last = finalTagTransitions(tags);
    expect(allowedAfter(last, 'I-PER', 'E-PER')).toBe(true);
    expect(allowedAfter(last, 'I-PER', 'I-PER')).toBe(false);
    expect(allowedAfter(last, 'O', 'B-LOC')).toBe(false);
    expect(allowedAfter(last, 'O', 'S-LOC')).toBe(true);
  });
});

describe('groupDocuments', () => {
  it('joins consecutive sentences of one document and leaves the rest alone', () => {
    expect(groupDocuments([{ doc: 0 }, { doc: 0 }, { doc: 1 }, {}, {}])).toEqual([[0, 1], [2], [3], [4]]);
  });
});
