// Finds gazetteer phrases in a sentence and codes each token by the types and positions of the phrases
// that cover it: bit `4 * type + position`, position 0 single token, 1 first, 2 inside, 3 last. The
// longest phrase starting at a token wins; phrases that start inside a match are still looked up.
// Separately, a longer word that starts with a one-word phrase (German compounds: "Deutschlandreise",
// "Schweizer", "EU-Kommission") gets that phrase's type bits as its prefix code.

import { GAZETTEER_TYPES } from './build-gazetteer-phrases.js';
import { HASH_SEED, hashString } from './hash-feature.js';
import { intTableFrom, intTableGet } from './int-table.js';
import type { IntTable } from './int-table.js';

const PHRASE_SEED = 0x3c6ef372;
const FILTER_BITS = 1 << 20;

function extendPhrase(h: number, word: number): number {
  return Math.imul(Math.imul(h ^ word, 0x01000193) ^ (h >>> 13), 0x5bd1e995);
}
const MIN_PREFIX = 3;
const MIN_REST = 2;

/**
 * A gazetteer ready for matching, keyed by word hashes: phrase hash -> type bits, and the longest phrase
 * length per first word.
 */
export interface GazetteerIndex {
  phrases: IntTable;
  maxLength: IntTable;
  /** Hash of each one-word phrase of at least `MIN_PREFIX` characters -> its type bits. */
  prefixes: IntTable;
  /** One bit per low 20 bits of those hashes, so most prefixes are rejected without a table lookup. */
  prefixFilter: Uint8Array;
}

/** Compiles phrases (`buildGazetteerPhrases` output) into an index for `matchGazetteer`. */
export function compileGazetteer(phrases: ReadonlyMap<string, string>): GazetteerIndex {
  const index = {
    phrases: new Map<number, number>(),
    maxLength: new Map<number, number>(),
    prefixes: new Map<number, number>(),
    prefixFilter: new Uint8Array(FILTER_BITS >> 3),
  };
  for (const [phrase, types] of phrases) {
    let bits = 0;
    for (const type of types.split('|')) {
      const t = GAZETTEER_TYPES.indexOf(type as (typeof GAZETTEER_TYPES)[number]);
      if (t >= 0) bits |= 1 << t;
    }
    if (bits === 0) continue;
    const words = phrase.split(' ');
    let h = PHRASE_SEED;
    for (const w of words) h = extendPhrase(h, hashString(HASH_SEED, w));
    index.phrases.set(h, (index.phrases.get(h) ?? 0) | bits);
    const first = words[0] ?? '';
    const hFirst = hashString(HASH_SEED, first);
    index.maxLength.set(hFirst, Math.max(index.maxLength.get(hFirst) ?? 0, words.length));
    if (words.length === 1 && first.length >= MIN_PREFIX) {
      index.prefixes.set(hFirst, (index.prefixes.get(hFirst) ?? 0) | bits);
      const f = hFirst & (FILTER_BITS - 1);
      index.prefixFilter[f >> 3] = (index.prefixFilter[f >> 3] ?? 0) | (1 << (f & 7));
    }
  }
  return {
    phrases: intTableFrom(index.phrases),
    maxLength: intTableFrom(index.maxLength),
    prefixes: intTableFrom(index.prefixes),
    prefixFilter: index.prefixFilter,
  };
}

/** Type bits of the longest one-word phrase that `word` starts with (leaving at least two characters), or 0. */
export function matchGazetteerPrefix(word: string, index: GazetteerIndex): number {
  let h = HASH_SEED;
  let found = 0;
  for (let i = 0; i + MIN_REST < word.length; i++) {
    h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    if (i + 1 < MIN_PREFIX) continue;
    const key = Math.imul(h ^ 0x1f, 16777619);
    const f = key & (FILTER_BITS - 1);
    if (((index.prefixFilter[f >> 3] ?? 0) & (1 << (f & 7))) === 0) continue;
    const bits = intTableGet(index.prefixes, key);
    if (bits !== 0) found = bits;
  }
  return found;
}

/**
 * ORs each of the first `n` tokens' gazetteer code into `codes` (zeroed by the caller; 0 where no phrase
 * covers it); `hLower` holds the tokens' lower-cased forms hashed with `hashString(HASH_SEED, ...)`.
 */
export function matchGazetteer(
  hLower: Int32Array,
  index: GazetteerIndex,
  codes: Int32Array,
  n = hLower.length,
): void {
  for (let i = 0; i < n; i++) {
    const longest = intTableGet(index.maxLength, hLower[i] ?? 0);
    if (longest === 0) continue;
    let bestLength = 0;
    let bestBits = 0;
    let h = PHRASE_SEED;
    for (let len = 1; len <= Math.min(longest, n - i); len++) {
      h = extendPhrase(h, hLower[i + len - 1] ?? 0);
      const bits = intTableGet(index.phrases, h);
      if (bits === 0) continue;
      bestLength = len;
      bestBits = bits;
    }
    for (let t = 0; t < GAZETTEER_TYPES.length; t++) {
      if ((bestBits & (1 << t)) === 0) continue;
      for (let j = i; j < i + bestLength; j++) {
        const position = bestLength === 1 ? 0 : j === i ? 1 : j === i + bestLength - 1 ? 3 : 2;
        codes[j] = (codes[j] ?? 0) | (1 << (4 * t + position));
      }
    }
  }
}
