// Mutable perceptron weights used only while training: dense rows per feature key, grown on demand, with
// the Daume "w - u/c" trick for averaging, so no per-weight timestamps are needed.

import { buildFeatureTable } from './feature-table.js';
import type { FeatureTable } from './types.js';

/** Training-time weights; `average` freezes the averaged weights into a sparse table. */
export interface AveragedWeights {
  score(feats: Int32Array, from: number, to: number, scores: Float64Array): void;
  update(feats: Int32Array, from: number, to: number, truth: number, guess: number, time: number): void;
  average(time: number, pruneBelow: number): FeatureTable;
}

/** Creates empty averaged weights for `nTags` classes. */
export function createAveragedWeights(nTags: number): AveragedWeights {
  const rows = new Map<number, number>();
  let w = new Float32Array(1 << 16);
  let u = new Float64Array(1 << 16);
  const rowOf = (key: number): number => {
    let r = rows.get(key);
    if (r === undefined) {
      r = rows.size * nTags;
      rows.set(key, r);
      if (r + nTags > w.length) {
        const w2 = new Float32Array(w.length * 2);
        w2.set(w);
        w = w2;
        const u2 = new Float64Array(u.length * 2);
        u2.set(u);
        u = u2;
      }
    }
    return r;
  };
  return {
    score(feats, from, to, scores) {
      for (let f = from; f < to; f++) {
        const r = rows.get(feats[f] ?? 0);
        if (r === undefined) continue;
        for (let c = 0; c < nTags; c++) scores[c] = (scores[c] ?? 0) + (w[r + c] ?? 0);
      }
    },
    update(feats, from, to, truth, guess, time) {
      for (let f = from; f < to; f++) {
        const r = rowOf(feats[f] ?? 0);
        w[r + truth] = (w[r + truth] ?? 0) + 1;
        u[r + truth] = (u[r + truth] ?? 0) + time;
        w[r + guess] = (w[r + guess] ?? 0) - 1;
        u[r + guess] = (u[r + guess] ?? 0) - time;
      }
    },
    average(time, pruneBelow) {
      const keys: number[] = [];
      const starts: number[] = [0];
      const cls: number[] = [];
      const val: number[] = [];
      for (const [key, r] of rows) {
        const before = cls.length;
        for (let c = 0; c < nTags; c++) {
          const a = (w[r + c] ?? 0) - (u[r + c] ?? 0) / time;
          if (Math.abs(a) > pruneBelow) {
            cls.push(c);
            val.push(a);
          }
        }
        if (cls.length > before) {
          keys.push(key);
          starts.push(cls.length);
        }
      }
      return buildFeatureTable(
        Int32Array.from(keys),
        Int32Array.from(starts),
        Uint8Array.from(cls),
        Float32Array.from(val),
      );
    },
  };
}
