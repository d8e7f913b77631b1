// Builds and reads the sparse weight table of a trained model: rows of (class, weight) pairs addressed by
// feature hash. The lookup layout packs key and row bounds into one 8-byte slot and class and weight into
// one int, so scoring a feature costs about two cache misses; a small Bloom filter answers most lookups of
// absent keys (most pairs of words) without touching the large index at all.

import type { FeatureTable } from './types.js';

const SLOT = 2;
const MAX_Q = (1 << 23) - 1;
// At least a quarter filter word (8 bits) per key: an absent key then passes the filter about 2% of the time.
const FILTER_WORDS_PER_KEY = 0.25;

// A key sets two bits, chosen by its bits 20-29, of the filter word its low bits choose.
function filterMask(key: number): number {
  return (1 << ((key >>> 20) & 31)) | (1 << ((key >>> 25) & 31));
}

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
  let filterBits = 6;
  while (1 << filterBits < keys.length * FILTER_WORDS_PER_KEY) filterBits++;
  const filter = new Int32Array(1 << filterBits);
  const filterWord = filter.length - 1;
  for (const key of keys) filter[key & filterWord] = (filter[key & filterWord] ?? 0) | filterMask(key);
  let maxAbs = 0;
  for (const v of val) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / MAX_Q : 1;
  const packed = new Int32Array(val.length);
  for (let j = 0; j < val.length; j++) {
    packed[j] = ((cls[j] ?? 0) << 24) | (Math.round((val[j] ?? 0) / scale) & 0xffffff);
  }
  return { keys, rowStart, cls, val, index, packed, scale, filter };
}

/**
 * Adds the weights of the `count` feature keys in `feats` to `scores` (one entry per tag), in units of
 * `table.scale`; the arg-max is the same as with real weights. `rows` is scratch for `count` row bounds.
 */
export function addFeatureScores(
  table: FeatureTable,
  feats: Int32Array,
  count: number,
  scores: Float64Array,
  rows: Int32Array = new Int32Array(count),
): void {
  const { index, packed, filter } = table;
  const mask = (index.length >> 1) - 1;
  const filterWord = filter.length - 1;
  // First find every key's row, then add the rows: the lookups do not wait on each other, so their cache
  // misses overlap.
  let found = 0;
  for (let f = 0; f < count; f++) {
    const key = feats[f] ?? 0;
    const bits = filterMask(key);
    if (((filter[key & filterWord] ?? 0) & bits) !== bits) continue;
    let s = key & mask;
    let k = index[s * SLOT] ?? 0;
    while (k !== key && k !== 0) {
      s = (s + 1) & mask;
      k = index[s * SLOT] ?? 0;
    }
    if (k !== 0) rows[found++] = index[s * SLOT + 1] ?? 0;
  }
  for (let r = 0; r < found; r++) {
    const bounds = rows[r] ?? 0;
    const start = bounds & 0xffffff;
    const end = start + (bounds >>> 24);
    for (let j = start; j < end; j++) {
      const e = packed[j] ?? 0;
      const c = e >>> 24;
      scores[c] = (scores[c] ?? 0) + ((e << 8) >> 8);
    }
  }
}
