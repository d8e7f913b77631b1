// Computes the per-token views (normalised and lower-cased forms, orthographic flags, hashes of word,
// shape, cluster and gazetteer code) once per sentence, so each feature template only mixes integers.
// All views but the gazetteer code depend on the word form alone, so a tagger can cache and copy them.

import { CLUSTER_PREFIXES } from './compile-lexicon.js';
import type { CompiledLexicon } from './compile-lexicon.js';
import { HASH_SEED, hashString } from './hash-feature.js';
import { matchGazetteer, matchGazetteerPrefix } from './match-gazetteer.js';
import { normalizeToken } from './normalize-token.js';
import { hashWordShapes } from './word-shape.js';
import type { PreparedSentence } from './types.js';

const NC = CLUSTER_PREFIXES.length;

function orthography(cased: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let hyphen = 0;
  for (let i = 0; i < cased.length; i++) {
    const code = cased.charCodeAt(i);
    if (code >= 48 && code <= 57) digit = 1;
    else if (code === 45) hyphen = 1;
    else if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
    else if (code > 127) {
      const ch = cased.charAt(i);
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  const first = cased.charAt(0);
  const cap = first !== first.toLowerCase() ? 1 : 0;
  const allCaps = upper > 0 && lower === 0 ? 1 : 0;
  return cap | (allCaps << 1) | (digit << 2) | (hyphen << 3);
}

/** Allocates the per-token views of a sentence (or of a cache of word forms) of `n` tokens. */
export function createPreparedSentence(n: number): PreparedSentence {
  return {
    length: n,
    lower: new Array<string>(n),
    cased: new Array<string>(n),
    flags: new Uint8Array(n),
    hLower: new Int32Array(n),
    hCased: new Int32Array(n),
    hShape: new Int32Array(n),
    hShort: new Int32Array(n),
    hCluster: new Int32Array(n * NC),
    caseProfile: new Uint8Array(n),
    gazetteer: new Int32Array(n),
    gazetteerPrefix: new Int32Array(n),
    hHyphenFirst: new Int32Array(n),
    hHyphenLast: new Int32Array(n),
  };
}

/** Writes the views of `token` that depend on its word form alone (all but `gazetteer`) to `s` at `i`. */
export function prepareToken(token: string, lexicon: CompiledLexicon, s: PreparedSentence, i: number): void {
  const cased = normalizeToken(token);
  const lower = cased.toLowerCase();
  s.cased[i] = cased;
  s.lower[i] = lower;
  s.flags[i] = orthography(cased);
  const hLower = hashString(HASH_SEED, lower);
  s.hLower[i] = hLower;
  s.hCased[i] = cased === lower ? hLower : hashString(HASH_SEED, cased);
  hashWordShapes(cased, s.hShape, s.hShort, i);
  // Cased first: word clusters learned with case kept tell the noun "Wissen" from the verb "wissen".
  const at = lexicon.words.get(cased) ?? lexicon.words.get(lower);
  const { entries } = lexicon;
  s.caseProfile[i] = at === undefined ? 0 : (entries[at] ?? 0);
  for (let k = 0; k < NC; k++) s.hCluster[i * NC + k] = at === undefined ? 0 : (entries[at + 1 + k] ?? 0);
  const firstHyphen = lower.indexOf('-');
  const hyphenated = firstHyphen > 0 && firstHyphen < lower.length - 1;
  s.hHyphenFirst[i] = hyphenated ? hashString(HASH_SEED, lower, 0, firstHyphen) : 0;
  s.hHyphenLast[i] = hyphenated ? hashString(HASH_SEED, lower, lower.lastIndexOf('-') + 1) : 0;
  const { gazetteer } = lexicon;
  s.gazetteerPrefix[i] = gazetteer && lower.length >= 5 ? matchGazetteerPrefix(lower, gazetteer) : 0;
}

/** Copies the word-form views of token `j` of `from` to token `i` of `to`. */
export function copyPreparedToken(from: PreparedSentence, j: number, to: PreparedSentence, i: number): void {
  to.cased[i] = from.cased[j] ?? '';
  to.lower[i] = from.lower[j] ?? '';
  to.flags[i] = from.flags[j] ?? 0;
  to.hLower[i] = from.hLower[j] ?? 0;
  to.hCased[i] = from.hCased[j] ?? 0;
  to.hShape[i] = from.hShape[j] ?? 0;
  to.hShort[i] = from.hShort[j] ?? 0;
  for (let k = 0; k < NC; k++) to.hCluster[i * NC + k] = from.hCluster[j * NC + k] ?? 0;
  to.caseProfile[i] = from.caseProfile[j] ?? 0;
  to.gazetteerPrefix[i] = from.gazetteerPrefix[j] ?? 0;
  to.hHyphenFirst[i] = from.hHyphenFirst[j] ?? 0;
  to.hHyphenLast[i] = from.hHyphenLast[j] ?? 0;
}

/**
 * Codes the tokens of `s` by the gazetteer phrases that cover them, once its word-form views are set;
 * the views may be longer than `s.length` (a reused buffer).
 */
export function matchSentenceGazetteer(s: PreparedSentence, lexicon: CompiledLexicon): void {
  s.gazetteer.fill(0, 0, s.length);
  if (lexicon.gazetteer) matchGazetteer(s.hLower, lexicon.gazetteer, s.gazetteer, s.length);
}

/** Prepares `tokens` for feature extraction with the word-level resources in `lexicon`. */
export function prepareSentence(tokens: readonly string[], lexicon: CompiledLexicon): PreparedSentence {
  const s = createPreparedSentence(tokens.length);
  for (let i = 0; i < tokens.length; i++) prepareToken(tokens[i] ?? '', lexicon, s, i);
  matchSentenceGazetteer(s, lexicon);
  return s;
}
