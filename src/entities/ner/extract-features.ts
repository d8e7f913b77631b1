// Feature templates of the tagger (after Ratinov & Roth 2009): word, shape, affixes, orthographic flags,
// position, a ±2 word window, hyphen parts, word clusters, gazetteer codes, the two previous tags and the
// labels the same word got earlier in the document. Each feature is a template id mixed with precomputed
// string hashes, written into a caller buffer. The tag-independent keys come in three groups (the token's
// own word, each neighbour's word, the context) so a tagger can score the first two once per word form.

import { CLUSTER_PREFIXES } from './compile-lexicon.js';
import { finishHash, hashInt, hashString, hashTemplate } from './hash-feature.js';
import type { PreparedSentence } from './types.js';

const BOS = 0x5bd1e995;
const EOS = 0x27d4eb2f;
const AFFIX_MAX = 5;
const NC = CLUSTER_PREFIXES.length;

const MAX_GAZETTEER_BITS = 6;
// Word and short-shape templates of the neighbours at offsets -2, -1, +1, +2 (short shape is word + 4).
const NEIGHBOUR_TEMPLATES = [21, 20, 0, 22, 23];
const MAX_HISTORY_LABELS = 3;

/** Upper bound on the number of keys the extractors together write per token. */
export const MAX_FEATURES = 112;

function mix(template: number, a: number): number {
  return finishHash(hashInt(hashTemplate(template), a));
}

function mix2(template: number, a: number, b: number): number {
  return finishHash(hashInt(hashInt(hashTemplate(template), a), b));
}

function at(arr: Int32Array, j: number, n: number): number {
  return j < 0 ? BOS : j >= n ? EOS : (arr[j] ?? 0);
}

/** Offsets of the neighbours whose words `extractNeighbourFeatures` describes. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** Writes the tag-independent feature keys of token `i` into `out` from index 0; returns how many. */
export function extractFeatures(s: PreparedSentence, i: number, out: Int32Array): number {
  let k = extractWordFeatures(s, i, out, 0);
  for (const step of NEIGHBOUR_OFFSETS) k = extractNeighbourFeatures(s, i, step, out, k);
  return extractContextFeatures(s, i, out, k);
}

/**
 * Writes the keys that depend only on token `i`'s own word and on whether it starts the sentence, so a
 * tagger can score them once per word form.
 */
export function extractWordFeatures(s: PreparedSentence, i: number, out: Int32Array, offset: number): number {
  const w = s.lower[i] ?? '';
  const flags = s.flags[i] ?? 0;
  const first = i === 0 ? 1 : 0;
  const shape = s.hShape[i] ?? 0;
  let k = offset;
  out[k++] = mix(0, 0);
  out[k++] = mix(1, s.hLower[i] ?? 0);
  out[k++] = mix(2, s.hCased[i] ?? 0);
  out[k++] = mix(3, shape);
  out[k++] = mix2(4, first, shape);
  for (let a = 1; a <= AFFIX_MAX && a < w.length; a++) {
    out[k++] = finishHash(hashString(hashTemplate(100 + a), w, 0, a));
    out[k++] = finishHash(hashString(hashTemplate(110 + a), w, w.length - a));
  }
  out[k++] = mix(12, flags | (first << 4));
  out[k++] = mix(13, (flags & 1) | (first << 1));
  out[k++] = mix(14, flags & 2);
  out[k++] = mix(15, flags & 4);
  out[k++] = mix(16, flags & 8);
  const profile = s.caseProfile[i] ?? 0;
  out[k++] = mix(60, profile | ((flags & 1) << 3) | (first << 4));
  out[k++] = mix(61, (s.hShort[i] ?? 0) ^ profile);
  const hyphenFirst = s.hHyphenFirst[i] ?? 0;
  if (hyphenFirst !== 0) {
    out[k++] = mix(34, hyphenFirst);
    out[k++] = mix(35, s.hHyphenLast[i] ?? 0);
  }
  for (let c = 0; c < NC; c++) {
    const c0 = s.hCluster[i * NC + c] ?? 0;
    if (c0 !== 0) out[k++] = mix(40 + c, c0);
  }
  const gPrefix = s.gazetteerPrefix[i] ?? 0;
  if (gPrefix !== 0) {
    out[k++] = mix(86, gPrefix);
    out[k++] = mix2(87, gPrefix, (flags & 1) | (first << 1));
  }
  return k;
}

/** One of `NEIGHBOUR_OFFSETS`. */
export type NeighbourOffset = (typeof NEIGHBOUR_OFFSETS)[number];

/**
 * Writes the keys token `i` gets from the word at `i + step`: they depend only on that word, or on the
 * sentence edge when it lies outside, so a tagger can score them once per word form.
 */
export function extractNeighbourFeatures(
  s: PreparedSentence,
  i: number,
  step: NeighbourOffset,
  out: Int32Array,
  offset: number,
): number {
  const j = i + step;
  const inside = j >= 0 && j < s.length;
  const edge = step < 0 ? BOS : EOS;
  const word = inside ? (s.hLower[j] ?? 0) : edge;
  const short = inside ? (s.hShort[j] ?? 0) : edge;
  let k = offset;
  out[k++] = mix(NEIGHBOUR_TEMPLATES[step + 2] ?? 0, word);
  out[k++] = mix((NEIGHBOUR_TEMPLATES[step + 2] ?? 0) + 4, short);
  if (step === -2 || step === 2) return k;
  // Endings of the neighbours carry German case and English morphology (des ...s, the ...ing).
  const w = inside ? (s.lower[j] ?? '') : '';
  out[k++] = finishHash(hashString(hashTemplate(step < 0 ? 37 : 38), w, Math.max(0, w.length - 3)));
  if (inside && (s.hCluster[j * NC] ?? 0) !== 0) {
    const template = step < 0 ? 50 : 52;
    out[k++] = mix(template, s.hCluster[j * NC + 1] ?? 0);
    out[k++] = mix(template + 1, s.hCluster[j * NC + NC - 1] ?? 0);
  }
  return k;
}

/** Writes the keys that join token `i` with its neighbours and the gazetteer phrases around it. */
export function extractContextFeatures(
  s: PreparedSentence,
  i: number,
  out: Int32Array,
  offset: number,
): number {
  const n = s.length;
  const flags = s.flags[i] ?? 0;
  const first = i === 0 ? 1 : 0;
  const w0 = s.hLower[i] ?? 0;
  const s0 = s.hShort[i] ?? 0;
  let k = offset;
  out[k++] = mix2(28, at(s.hLower, i - 1, n), w0);
  out[k++] = mix2(29, w0, at(s.hLower, i + 1, n));
  out[k++] = mix2(30, mix2(30, at(s.hShort, i - 1, n), s0), at(s.hShort, i + 1, n));
  out[k++] = mix2(31, at(s.hLower, i - 1, n), s0);
  out[k++] = mix2(32, s0, at(s.hLower, i + 1, n));
  out[k++] = mix2(33, at(s.hCased, i - 1, n), at(s.hCased, i + 1, n));
  out[k++] = mix2(36, at(s.hLower, i - 1, n), at(s.hLower, i + 1, n));
  const g0 = s.gazetteer[i] ?? 0;
  if (g0 !== 0) {
    out[k++] = mix(81, g0);
    out[k++] = mix2(84, g0, (flags & 3) | (first << 2));
    let bits = 0;
    for (let b = 0; b < 32 && bits < MAX_GAZETTEER_BITS; b++) {
      if ((g0 & (1 << b)) === 0) continue;
      out[k++] = mix(85, b);
      bits++;
    }
  }
  const gPrev = i > 0 ? (s.gazetteer[i - 1] ?? 0) : 0;
  if (gPrev !== 0) out[k++] = mix(80, gPrev);
  const gNext = i + 1 < n ? (s.gazetteer[i + 1] ?? 0) : 0;
  if (gNext !== 0) out[k++] = mix(82, gNext);
  return k;
}

/** True when token `i` takes part in the document history (capitalised or all caps). */
export function keepsHistory(s: PreparedSentence, i: number): boolean {
  return ((s.flags[i] ?? 0) & 3) !== 0;
}

/**
 * Writes the keys from `counts`: how often each label (index 0 = `O`) was predicted for this word earlier
 * in the document (Ratinov & Roth's extended prediction history).
 */
export function extractHistoryFeatures(
  s: PreparedSentence,
  i: number,
  counts: Int32Array | undefined,
  out: Int32Array,
  offset: number,
): number {
  let k = offset;
  if (!counts) return k;
  let total = 0;
  let best = 0;
  let bestCount = -1;
  for (let l = 0; l < counts.length; l++) {
    const c = counts[l] ?? 0;
    total += c;
    if (c > bestCount) {
      best = l;
      bestCount = c;
    }
  }
  if (total === 0) return k;
  const shape = ((s.flags[i] ?? 0) & 3) | ((i === 0 ? 1 : 0) << 2);
  out[k++] = mix(70, best);
  out[k++] = mix2(71, best, shape);
  out[k++] = mix2(72, best, Math.min(total, 4));
  out[k++] = mix(74, Math.round((4 * (total - (counts[0] ?? 0))) / total));
  let labels = 0;
  for (let l = 1; l < counts.length && labels < MAX_HISTORY_LABELS; l++) {
    if ((counts[l] ?? 0) === 0) continue;
    out[k++] = mix(73, l);
    labels++;
  }
  return k;
}

/** Writes the keys that depend on the two previous predicted tags (`-1` before the sentence start). */
export function extractTagFeatures(
  s: PreparedSentence,
  i: number,
  prev1: number,
  prev2: number,
  out: Int32Array,
  offset: number,
): number {
  let k = offset;
  out[k++] = mix(90, prev1);
  out[k++] = mix2(91, prev2, prev1);
  out[k++] = mix2(92, prev1, s.hLower[i] ?? 0);
  out[k++] = mix2(93, prev1, s.hShort[i] ?? 0);
  out[k++] = mix2(96, prev1, s.hCluster[i * NC + 1] ?? 0);
  // Lookahead under the previous tag decides whether a lower-case particle (von, della) continues a name.
  out[k++] = mix2(94, prev1, i + 1 < s.length ? (s.hShort[i + 1] ?? 0) : EOS);
  out[k++] = mix2(95, mix2(95, prev1, s.hLower[i] ?? 0), i + 1 < s.length ? (s.hShort[i + 1] ?? 0) : EOS);
  return k;
}
