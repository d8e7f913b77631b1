import { describe, expect, it } from 'vitest';
import { addFeatureScores, buildFeatureTable } from '../../../src/entities/ner/feature-table.js';
import { finishHash } from '../../../src/entities/ner/hash-feature.js';
import { intTableFrom, intTableGet } from '../../../src/entities/ner/int-table.js';

describe('the feature table', () => {
  it('scores every stored key, rows short and long, and no absent one, past its Bloom filter', () => {
    const nKeys = 5000;
    const keys = Int32Array.from({ length: nKeys }, (_, r) => finishHash(r * 7919 + 1));
    // Rows of 1 to 7 entries: some fit the index slot, some go on past it.
    const rowStart = new Int32Array(nKeys + 1);
    for (let r = 0; r < nKeys; r++) rowStart[r + 1] = (rowStart[r] ?? 0) + 1 + (r % 7);
    const nWeights = rowStart[nKeys] ?? 0;
    const cls = Uint8Array.from({ length: nWeights }, (_, j) => (j * 3) % 5);
    const val = Float32Array.from({ length: nWeights }, (_, j) => (j % 2 === 0 ? 1 : -0.5) * (1 + (j % 3)));
    const table = buildFeatureTable(keys, rowStart, cls, val);
    const scores = new Float64Array(5);
    for (let r = 0; r < nKeys; r++) {
      scores.fill(0);
      addFeatureScores(table, keys.subarray(r, r + 1), 1, scores);
      const expected = new Float64Array(5);
      for (let j = rowStart[r] ?? 0; j < (rowStart[r + 1] ?? 0); j++) {
        const c = cls[j] ?? 0;
        expected[c] = (expected[c] ?? 0) + Math.round((val[j] ?? 0) / table.scale);
      }
      expect([...scores]).toEqual([...expected]);
    }
    const stored = new Set(keys);
    const absent = Int32Array.from({ length: nKeys }, (_, r) => finishHash(r * 7919 + 2)).filter(
      (k) => !stored.has(k),
    );
    scores.fill(0);
    addFeatureScores(table, absent, absent.length, scores);
    expect([...scores]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('the int table', () => {
  it('finds every key of its map, including 0 and negative keys, and 0 for others', () => {
    const map = new Map([
      [0, 5],
      [-1, 7],
      [123456789, 1],
      [-2147483648, 3],
      ...Array.from({ length: 300 }, (_, i) => [i * 65536, i + 1] as [number, number]),
    ]);
    const table = intTableFrom(map);
    for (const [key, value] of map) expect(intTableGet(table, key)).toBe(value);
    expect(intTableGet(table, 42)).toBe(0);
    expect(intTableGet(table, -42)).toBe(0);
  });
});
