import { describe, expect, it } from 'vitest';
import { HASH_SEED, hashString } from '../../../src/entities/ner/hash-feature.js';
import { hashWordShapes } from '../../../src/entities/ner/word-shape.js';

function shapes(token: string): [number, number] {
  const long = new Int32Array(1);
  const short = new Int32Array(1);
  hashWordShapes(token, long, short, 0);
  return [long[0] ?? 0, short[0] ?? 0];
}
const hash = (s: string): number => hashString(HASH_SEED, s);

describe('hashWordShapes', () => {
  it('hashes the long shape with runs capped at four and the collapsed short shape', () => {
    expect(shapes('Berlin')).toEqual([hash('Xxxxx'), hash('Xx')]);
    expect(shapes('1990er')).toEqual([hash('ddddxx'), hash('dx')]);
    expect(shapes('U.S.')).toEqual([hash('X.X.'), hash('X.X.')]);
  });

  it('maps accented letters by their case and keeps other characters', () => {
    expect(shapes('Ökö-Öl')).toEqual([hash('Xxx-Xx'), hash('Xx-Xx')]);
    expect(shapes('€5')).toEqual([hash('€d'), hash('€d')]);
  });
});
