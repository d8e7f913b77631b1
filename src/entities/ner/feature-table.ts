// Builds and reads the sparse weight table of a trained model: rows of (class, weight) pairs addressed by
// feature hash. The lookup layout packs key and row bounds into one 8-byte slot and class and weight into
// one int, so scoring a feature costs about two cache misses.

import type { FeatureTable } from './types.js';

const SLOT = 2;
const MAX_Q = (1 << 23) - 1;

/** Builds a table (with its packed hash index) from row keys and CSR-style sparse rows. */
export function buildFeatureTable(
  keys: Int32Array,
  rowStart: Int32Array,
  cls: Uint8Array,
  val: Float32Array,
): FeatureTable {
  if (val.length > 0xffffff) throw new RangeError('buildFeatureTable: more than 2^24 weights');
  let size = 1024;
  while (size < keys.length * 2) size *= 2;
  const index = new Int32Array(size * SLOT);
  const mask = size - 1;
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r] ?? 0;
    let s = key & mask;
    while (index[s * SLOT] !== 0 && index[s * SLOT] !== key) s = (s + 1) & mask;
    index[s * SLOT] = key;
    const start = rowStart[r] ?? 0;
    index[s * SLOT + 1] = start | (((rowStart[r + 1] ?? 0) - start) << 24);
  }
  let maxAbs = 0;
  for (const v of val) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / MAX_Q : 1;
  const packed = new Int32Array(val.length);
  for (let j = 0; j < val.length; j++) {
    packed[j] = ((cls[j] ?? 0) << 24) | (Math.round((val[j] ?? 0) / scale) & 0xffffff);
  }
  return { keys, rowStart, cls, val, index, packed, scale };
}

/**
 * Adds the weights of the `count` feature keys in `feats` to `scores` (one entry per tag), in units of
 * `table.scale`; the arg-max is the same as with real weights.
 */
export function addFeatureScores(
  table: FeatureTable,
  feats: Int32Array,
  count: number,
  scores: Float64Array,
): void {
  const { index, packed } = table;
  const mask = (index.length >> 1) - 1;
  for (let f = 0; f < count; f++) {
    const key = feats[f] ?? 0;
    let s = key & mask;
    let found = index[s * SLOT] ?? 0;
    while (found !== key && found !== 0) {
      s = (s + 1) & mask;
      found = index[s * SLOT] ?? 0;
    }
    if (found === 0) continue;
    const bounds = index[s * SLOT + 1] ?? 0;
    const start = bounds & 0xffffff;
    const end = start + (bounds >>> 24);
    for (let j = start; j < end; j++) {
      const e = packed[j] ?? 0;
      const c = e >>> 24;
      scores[c] = (scores[c] ?? 0) + ((e << 8) >> 8);
    }
  }
}
