// Learns Brown-like hierarchical word clusters from unlabeled sentences: each frequent word gets a sparse
// PPMI vector over its most frequent neighbours at each offset in a ±`window` context, then the words are
// split recursively by spherical 2-means. A word's cluster id is its path of 0/1 choices, so prefixes give
// coarser clusters.

import { bisectVectors } from './bisect-vectors.js';
import type { VectorRows } from './bisect-vectors.js';

/** Defaults of `buildWordClusters`. */
export const CLUSTER_DEFAULTS = {
  minCount: 3,
  contextWords: 300,
  window: 1,
  depth: 12,
  iterations: 8,
  seed: 1,
};

/** Sparse row-normalised vectors: row `w` is `idx/val[rowStart[w] .. rowStart[w + 1])`. */
interface SparseVectors {
  rowStart: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

function vectorize(sentences: readonly (readonly string[])[], opts: typeof CLUSTER_DEFAULTS) {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = byFreq.filter(([, c]) => c >= opts.minCount).map(([w]) => w);
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const ctxIndex = new Map(byFreq.slice(0, opts.contextWords).map(([w], i) => [w, i]));
  const offsets: number[] = [];
  for (let d = 1; d <= opts.window; d++) offsets.push(-d, d);
  const dims = offsets.length * opts.contextWords;
  const rows = words.map(() => new Map<number, number>());
  const colTotal = new Float64Array(dims);
  const rowTotal = new Float64Array(words.length);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = wordIndex.get(s[i] ?? '');
      if (wi === undefined) continue;
      const row = rows[wi] as Map<number, number>;
      offsets.forEach((off, k) => {
        const c = i + off >= 0 && i + off < s.length ? ctxIndex.get(s[i + off] ?? '') : undefined;
        if (c === undefined) return;
        const col = k * opts.contextWords + c;
        row.set(col, (row.get(col) ?? 0) + 1);
        rowTotal[wi] = (rowTotal[wi] ?? 0) + 1;
        colTotal[col] = (colTotal[col] ?? 0) + 1;
        total++;
      });
    }
  }
  const rowStart = new Int32Array(words.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  rows.forEach((row, wi) => {
    const from = idx.length;
    for (const [col, n] of [...row].sort((a, b) => a[0] - b[0])) {
      const pmi = Math.log((n * total) / ((rowTotal[wi] ?? 1) * (colTotal[col] ?? 1)));
      if (pmi > 0) {
        idx.push(col);
        val.push(pmi);
      }
    }
    let norm = 0;
    for (let j = from; j < val.length; j++) norm += (val[j] ?? 0) ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = from; j < val.length; j++) val[j] = (val[j] ?? 0) * inv;
    rowStart[wi + 1] = idx.length;
  });
  const vectors: SparseVectors = { rowStart, idx: Int32Array.from(idx), val: Float32Array.from(val) };
  return { words, vectors, dims };
}

function dot(v: SparseVectors, row: number, dense: Float32Array, offset: number): number {
  let sum = 0;
  for (let j = v.rowStart[row] ?? 0; j < (v.rowStart[row + 1] ?? 0); j++) {
    sum += (v.val[j] ?? 0) * (dense[offset + (v.idx[j] ?? 0)] ?? 0);
  }
  return sum;
}

function addInto(v: SparseVectors, row: number, dense: Float32Array, offset: number): void {
  for (let j = v.rowStart[row] ?? 0; j < (v.rowStart[row + 1] ?? 0); j++) {
    const at = offset + (v.idx[j] ?? 0);
    dense[at] = (dense[at] ?? 0) + (v.val[j] ?? 0);
  }
}

/**
 * Returns a map from word to its cluster bit string for words seen at least `minCount` times in
 * `sentences` (already lower-cased tokens).
 */
export function buildWordClusters(
  sentences: readonly (readonly string[])[],
  options: Partial<typeof CLUSTER_DEFAULTS> = {},
): Map<string, string> {
  const opts = { ...CLUSTER_DEFAULTS, ...options };
  const { words, vectors, dims } = vectorize(sentences, opts);
  const rows: VectorRows = {
    count: words.length,
    dims,
    dot: (row, dense, offset) => dot(vectors, row, dense, offset),
    addInto: (row, dense, offset) => addInto(vectors, row, dense, offset),
  };
  const paths = bisectVectors(rows, opts);
  return new Map(words.map((w, i) => [w, paths[i] ?? '0']));
}
