// The neural tagger's character CNN (30-d characters, 50 filters of width 3, ReLU, max over positions) as
// a table: the convolution is linear in the character embeddings, so each filter's share of character c
// at kernel offset k is computed once at load (3 × characters × 50 numbers), and a position costs the bias
// plus three table rows instead of 3 × 30 × 50 multiply-adds. The positions past a word's end read only
// padding, so they are the same for every word and computed once too.
import { NerModelError } from './ner-model-error.js';
import type { NeuralModel } from './parse-neural-model.js';

export const CHAR_DIM = 30;
export const CHAR_FILTERS = 50;

/** Writes the 50 character-CNN features of a word to `out` from `at`. */
export type CharFeatures = (token: string, out: Float32Array, at: number) => void;

/** The character CNN of `model` over a precomputed table. */
export function createCharFeatures(model: NeuralModel): CharFeatures {
  const cemb = model.tensors.get('cemb.weight')?.data;
  const convW = model.tensors.get('conv.weight')?.data;
  const convB = model.tensors.get('conv.bias')?.data;
  if (!(cemb instanceof Float32Array && convW instanceof Float32Array && convB instanceof Float32Array)) {
    throw new NerModelError('ner_model_invalid', 'createCharFeatures: the character CNN tensors are missing');
  }
  const nChars = cemb.length / CHAR_DIM;
  // table[(k × nChars + c) × 50 + o]: filter o's share of character c at offset k (position p reads p + k - 1).
  const table = new Float64Array(3 * nChars * CHAR_FILTERS);
  for (let k = 0; k < 3; k++) {
    for (let c = 0; c < nChars; c++) {
      for (let o = 0; o < CHAR_FILTERS; o++) {
        let s = 0;
        for (let e = 0; e < CHAR_DIM; e++) s += convW[(o * CHAR_DIM + e) * 3 + k]! * cemb[c * CHAR_DIM + e]!;
        table[(k * nChars + c) * CHAR_FILTERS + o] = s;
      }
    }
  }
  const M = model.maxChars;
  const padRow = (k: number): number => k * nChars * CHAR_FILTERS;
  const chars = new Int32Array(M);
  const best = new Float64Array(CHAR_FILTERS);
  return (token, out, at) => {
    let cps = Array.from(token);
    if (cps.length > M) cps = [...cps.slice(0, M / 2), ...cps.slice(cps.length - M / 2)];
    const L = cps.length;
    chars.fill(0);
    for (let i = 0; i < L; i++) chars[i] = model.chars.get(cps[i]!) ?? 1;
    best.fill(0);
    // Positions that read a character of the word, then the padding positions (all alike but the last).
    const last = Math.min(L, M - 1);
    for (let p = 0; p <= last; p++) {
      const left = p > 0 ? (0 * nChars + chars[p - 1]!) * CHAR_FILTERS : -1;
      const middle = (nChars + chars[p]!) * CHAR_FILTERS;
      const right = p < M - 1 ? (2 * nChars + chars[p + 1]!) * CHAR_FILTERS : -1;
      for (let o = 0; o < CHAR_FILTERS; o++) {
        let s = convB[o]!;
        if (left >= 0) s += table[left + o]!;
        s += table[middle + o]!;
        if (right >= 0) s += table[right + o]!;
        if (s > best[o]!) best[o] = s;
      }
    }
    for (let o = 0; o < CHAR_FILTERS; o++) {
      const inner = convB[o]! + table[padRow(0) + o]! + table[padRow(1) + o]!;
      if (last + 1 <= M - 2) best[o] = Math.max(best[o]!, inner + table[padRow(2) + o]!);
      if (last + 1 <= M - 1) best[o] = Math.max(best[o]!, inner);
      out[at + o] = best[o]!;
    }
  };
}
