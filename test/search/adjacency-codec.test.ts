// The text form of neighbour list documents (layout 3): what is written must read back as the same pairs,
// whatever an entity id holds, and a document whose two strings disagree must be refused, never misread.
import { describe, expect, it } from 'vitest';
import { decodeAdjacency, encodeAdjacency, type EncodedPairs } from '../../src/search/adjacency-codec.js';

const decoded = (encoded: EncodedPairs) => {
  const pairs = { neighbors: [] as string[], articles: [] as number[], sentences: [] as number[] };
  decodeAdjacency(encoded, (neighbor, articles, sentences) => {
    pairs.neighbors.push(neighbor);
    pairs.articles.push(articles);
    pairs.sentences.push(sentences);
  });
  return pairs;
};

describe('neighbour pairs as text', () => {
  it('read back as written: negative changes, zeros, and ids holding line breaks, backslashes and spaces', () => {
    const pairs = {
      neighbors: ['prov-angela-merkel', 'Q42', 'a\\nb', 'line\nbreak', 'back\\', '', 'with space', '" OR x'],
      articles: [3, -1, 0, 12_345, 1, 4, 2, -7],
      sentences: [0, -2, 5, 0, 1, 0, 1, 0],
    };
    expect(decoded(encodeAdjacency(pairs))).toEqual(pairs);
    const none = { neighbors: [], articles: [], sentences: [] };
    expect(decoded(encodeAdjacency(none))).toEqual(none);
    const empty = { neighbors: [''], articles: [1], sentences: [1] };
    expect(decoded(encodeAdjacency(empty))).toEqual(empty);
  });

  it('keep one line per neighbour and the counts as decimals', () => {
    const encoded = encodeAdjacency({
      neighbors: ['a', 'b', 'c'],
      articles: [1, 2, 3],
      sentences: [0, 1, 0],
    });
    expect(encoded).toEqual({ neighbors: 'a\nb\nc', counts: '1 0 2 1 3 0' });
  });

  it('refuse a document whose counts and neighbours disagree', () => {
    for (const encoded of [
      { neighbors: 'a\nb', counts: '1 0' },
      { neighbors: 'a', counts: '1 0 2' },
      { neighbors: 'a', counts: '1' },
      { neighbors: 'a', counts: '' },
    ]) {
      expect(() => decoded(encoded)).toThrow(expect.objectContaining({ code: 'graph_list_format' }));
    }
  });
});
