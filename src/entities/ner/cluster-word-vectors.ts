// Hierarchical word clusters from pretrained word embeddings: the vectors are centred on their mean and
// scaled to unit length, then split recursively by spherical 2-means (`bisectVectors`). A word's cluster
// id is its path of 0/1 choices, the same form as the clusters learned from unlabeled text.

import { bisectVectors } from './bisect-vectors.js';
import type { VectorRows } from './bisect-vectors.js';

/** Defaults of `clusterWordVectors`. */
export const VECTOR_CLUSTER_DEFAULTS = {
  depth: 12,
  iterations: 8,
  seed: 1,
  /** Subtract the mean vector first, so the common direction all embeddings share does not dominate. */
  center: true,
};

/**
 * Returns a map from word to its cluster bit string; `vectors` holds `words.length` rows of `dims` numbers,
 * row-major.
 */
export function clusterWordVectors(
  words: readonly string[],
  vectors: Float32Array,
  dims: number,
  options: Partial<typeof VECTOR_CLUSTER_DEFAULTS> = {},
): Map<string, string> {
  const opts = { ...VECTOR_CLUSTER_DEFAULTS, ...options };
  const n = words.length;
  const unit = new Float32Array(n * dims);
  const mean = new Float64Array(dims);
  if (opts.center) {
    for (let i = 0; i < n * dims; i++) mean[i % dims] = (mean[i % dims] ?? 0) + (vectors[i] ?? 0) / n;
  }
  for (let w = 0; w < n; w++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const v = (vectors[w * dims + d] ?? 0) - (mean[d] ?? 0);
      unit[w * dims + d] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) unit[w * dims + d] = (unit[w * dims + d] ?? 0) * inv;
  }
  const rows: VectorRows = {
    count: n,
    dims,
    dot(row, dense, offset) {
      let sum = 0;
      for (let d = 0; d < dims; d++) sum += (unit[row * dims + d] ?? 0) * (dense[offset + d] ?? 0);
      return sum;
    },
    addInto(row, dense, offset) {
      for (let d = 0; d < dims; d++)
        dense[offset + d] = (dense[offset + d] ?? 0) + (unit[row * dims + d] ?? 0);
    },
  };
  const paths = bisectVectors(rows, opts);
  return new Map(words.map((w, i) => [w, paths[i] ?? '0']));
}
