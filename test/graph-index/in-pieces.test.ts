import { describe, expect, it } from 'vitest';
import { inPieces } from '../../src/graph-index/in-pieces.js';

describe('inPieces', () => {
  it('keeps each piece within the size and the count, in order, an oversized item alone', () => {
    const sizes = [3, 4, 2, 9, 1, 1, 1, 1, 5];
    const pieces = inPieces(sizes, (size) => size, 6, 3);
    expect(pieces).toEqual([[3], [4, 2], [9], [1, 1, 1], [1, 5]]);
    expect(pieces.flat()).toEqual(sizes);
  });

  it('gives no piece for no items', () => {
    expect(inPieces([], () => 1, 10)).toEqual([]);
  });
});
