// Recursive spherical 2-means over unit vectors: the set is split in two, then each half again, down to a
// fixed depth. A member's path of 0/1 choices is its cluster id, so path prefixes are coarser clusters.
// The vectors sit behind a small interface, so sparse context vectors and dense embeddings share it.

import { seededRandom } from './seeded-random.js';

/** Row-normalised vectors of `dims` dimensions, read through dot products with dense centroids. */
export interface VectorRows {
  count: number;
  dims: number;
  /** Dot product of row `row` with `dense[offset .. offset + dims)`. */
  dot(row: number, dense: Float32Array, offset: number): number;
  /** Adds row `row` into `dense[offset .. offset + dims)`. */
  addInto(row: number, dense: Float32Array, offset: number): void;
}

/** Options of `bisectVectors`. */
export interface BisectOptions {
  depth: number;
  iterations: number;
  seed: number;
}

function normalize(v: Float32Array, offset: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (v[offset + d] ?? 0) ** 2;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dims; d++) v[offset + d] = (v[offset + d] ?? 0) * inv;
}

/** Returns each row's bit-string path (`'0'` for a row never split off). Deterministic for a seed. */
export function bisectVectors(vectors: VectorRows, options: BisectOptions): string[] {
  const { dims } = vectors;
  const random = seededRandom(options.seed + 1);
  const paths = new Array<string>(vectors.count).fill('');
  const stack: number[][] = [Array.from({ length: vectors.count }, (_, i) => i)];
  const centroids = new Float32Array(2 * dims);
  while (stack.length > 0) {
    const members = stack.pop() ?? [];
    const depth = paths[members[0] ?? 0]?.length ?? 0;
    if (members.length < 4 || depth >= options.depth) continue;
    // Seeds: a random member, and the member least similar to it, so the first split is a real one.
    const a = members[Math.floor(random() * members.length)] ?? 0;
    centroids.fill(0);
    vectors.addInto(a, centroids, 0);
    let b = a;
    let lowest = Infinity;
    for (const m of members) {
      const d = vectors.dot(m, centroids, 0);
      if (m !== a && d < lowest) {
        lowest = d;
        b = m;
      }
    }
    vectors.addInto(b, centroids, dims);
    const side = new Uint8Array(members.length);
    for (let it = 0; it < options.iterations; it++) {
      members.forEach((m, k) => {
        side[k] = vectors.dot(m, centroids, dims) > vectors.dot(m, centroids, 0) ? 1 : 0;
      });
      centroids.fill(0);
      members.forEach((m, k) => vectors.addInto(m, centroids, (side[k] ?? 0) * dims));
      normalize(centroids, 0, dims);
      normalize(centroids, dims, dims);
    }
    const parts: [number[], number[]] = [[], []];
    members.forEach((m, k) => {
      (side[k] ? parts[1] : parts[0]).push(m);
      paths[m] = `${paths[m] ?? ''}${side[k] ?? 0}`;
    });
    if (parts[0].length === 0 || parts[1].length === 0) continue;
    stack.push(parts[1], parts[0]);
  }
  return paths.map((p) => p || '0');
}
