// Learns Brown-like hierarchical word clusters from unlabeled sentences: each frequent word gets a PPMI
// vector over its most frequent left/right neighbours, then the words are split recursively by spherical 2-means.
// A word's cluster id is its path of 0/1 choices, so prefixes give coarser clusters.

import { seededRandom } from './seeded-random.js';

/** Defaults of `buildWordClusters`. */
export const CLUSTER_DEFAULTS = { minCount: 3, contextWords: 300, depth: 12, iterations: 8, seed: 1 };

function normalize(v: Float32Array, offset: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (v[offset + d] ?? 0) ** 2;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dims; d++) v[offset + d] = (v[offset + d] ?? 0) * inv;
}

function vectorize(sentences: readonly (readonly string[])[], opts: typeof CLUSTER_DEFAULTS) {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = byFreq.filter(([, c]) => c >= opts.minCount).map(([w]) => w);
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const ctxIndex = new Map(byFreq.slice(0, opts.contextWords).map(([w], i) => [w, i]));
  const nCtx = 2 * opts.contextWords;
  const cooc = new Map<number, number>();
  const rowTotal = new Float64Array(words.length);
  const colTotal = new Float64Array(nCtx);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = wordIndex.get(s[i] ?? '');
      if (wi === undefined) continue;
      const left = i > 0 ? ctxIndex.get(s[i - 1] ?? '') : undefined;
      const right = i + 1 < s.length ? ctxIndex.get(s[i + 1] ?? '') : undefined;
      for (const c of [left, right === undefined ? undefined : right + opts.contextWords]) {
        if (c === undefined) continue;
        const key = wi * nCtx + c;
        cooc.set(key, (cooc.get(key) ?? 0) + 1);
        rowTotal[wi] = (rowTotal[wi] ?? 0) + 1;
        colTotal[c] = (colTotal[c] ?? 0) + 1;
        total++;
      }
    }
  }
  const vectors = new Float32Array(words.length * nCtx);
  for (const [key, n] of cooc) {
    const pmi = Math.log(
      (n * total) / ((rowTotal[Math.floor(key / nCtx)] ?? 1) * (colTotal[key % nCtx] ?? 1)),
    );
    if (pmi > 0) vectors[key] = pmi;
  }
  for (let wi = 0; wi < words.length; wi++) normalize(vectors, wi * nCtx, nCtx);
  return { words, vectors, dims: nCtx };
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
  const random = seededRandom(opts.seed + 1);
  const paths = new Array<string>(words.length).fill('');
  const stack: number[][] = [words.map((_, i) => i)];
  const centroids = new Float32Array(2 * dims);
  while (stack.length > 0) {
    const members = stack.pop() ?? [];
    const depth = paths[members[0] ?? 0]?.length ?? 0;
    if (members.length < 4 || depth >= opts.depth) continue;
    // Seeds: a random member, and the member least similar to it, so the first split is a real one.
    const a = members[Math.floor(random() * members.length)] ?? 0;
    let b = a;
    let lowest = Infinity;
    for (const m of members) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += (vectors[m * dims + d] ?? 0) * (vectors[a * dims + d] ?? 0);
      if (m !== a && dot < lowest) {
        lowest = dot;
        b = m;
      }
    }
    centroids.set(vectors.subarray(a * dims, a * dims + dims), 0);
    centroids.set(vectors.subarray(b * dims, b * dims + dims), dims);
    const side = new Uint8Array(members.length);
    for (let it = 0; it < opts.iterations; it++) {
      members.forEach((m, k) => {
        let d0 = 0;
        let d1 = 0;
        for (let d = 0; d < dims; d++) {
          const x = vectors[m * dims + d] ?? 0;
          d0 += x * (centroids[d] ?? 0);
          d1 += x * (centroids[dims + d] ?? 0);
        }
        side[k] = d1 > d0 ? 1 : 0;
      });
      centroids.fill(0);
      members.forEach((m, k) => {
        const off = (side[k] ?? 0) * dims;
        for (let d = 0; d < dims; d++)
          centroids[off + d] = (centroids[off + d] ?? 0) + (vectors[m * dims + d] ?? 0);
      });
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
  return new Map(words.map((w, i) => [w, paths[i] || '0']));
}
