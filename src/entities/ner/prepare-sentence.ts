// Computes the per-token views (normalised and lower-cased forms, orthographic flags, hashes of word,
// shape, cluster and gazetteer code) once per sentence, so each feature template only mixes integers.

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

/** Prepares `tokens` for feature extraction with the word-level resources in `lexicon`. */
export function prepareSentence(tokens: readonly string[], lexicon: CompiledLexicon): PreparedSentence {
  const n = tokens.length;
  const s: PreparedSentence = {
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
  for (let i = 0; i < n; i++) {
    const cased = normalizeToken(tokens[i] ?? '');
    const lower = cased.toLowerCase();
    s.cased[i] = cased;
    s.lower[i] = lower;
    s.flags[i] = orthography(cased);
    const hLower = hashString(HASH_SEED, lower);
    s.hLower[i] = hLower;
    s.hCased[i] = cased === lower ? hLower : hashString(HASH_SEED, cased);
    hashWordShapes(cased, s.hShape, s.hShort, i);
    const word = lexicon.words.get(lower);
    if (word) {
      s.caseProfile[i] = word[0] ?? 0;
      for (let k = 0; k < NC; k++) s.hCluster[i * NC + k] = word[1 + k] ?? 0;
    }
    const firstHyphen = lower.indexOf('-');
    if (firstHyphen > 0 && firstHyphen < lower.length - 1) {
      s.hHyphenFirst[i] = hashString(HASH_SEED, lower, 0, firstHyphen);
      s.hHyphenLast[i] = hashString(HASH_SEED, lower, lower.lastIndexOf('-') + 1);
    }
  }
  const { gazetteer } = lexicon;
  if (gazetteer) {
    matchGazetteer(s.hLower, gazetteer, s.gazetteer);
    for (let i = 0; i < n; i++) {
      const lower = s.lower[i] ?? '';
      if (lower.length >= 5) s.gazetteerPrefix[i] = matchGazetteerPrefix(lower, gazetteer);
    }
  }
  return s;
}
