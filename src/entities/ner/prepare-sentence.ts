// Computes the per-token views (normalised and lower-cased forms, orthographic flags, hashes of word,
// shape, cluster and gazetteer type) once per sentence, so each feature template only mixes integers.

import { hashString } from './hash-feature.js';
import { normalizeToken } from './normalize-token.js';
import { wordShape } from './word-shape.js';
import type { Gazetteer, Lexicon, PreparedSentence } from './types.js';

const SEED = 0x811c9dc5;

/** Cluster-path prefix lengths whose hashes `prepareSentence` stores (the last entry is the full path). */
export const CLUSTER_PREFIXES = [4, 6, 10, 64] as const;

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

/** Prepares `tokens` for feature extraction; `lexicon` and `gazetteer` are optional word-level resources. */
export function prepareSentence(
  tokens: readonly string[],
  lexicon: Lexicon = {},
  gazetteer?: Gazetteer,
): PreparedSentence {
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
    hCluster: new Int32Array(n * CLUSTER_PREFIXES.length),
    caseProfile: new Uint8Array(n),
    hGazetteer: new Int32Array(n),
    hHyphenFirst: new Int32Array(n),
    hHyphenLast: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const cased = normalizeToken(tokens[i] ?? '');
    const lower = cased.toLowerCase();
    const [shape, shortShape] = wordShape(cased);
    s.cased[i] = cased;
    s.lower[i] = lower;
    s.flags[i] = orthography(cased);
    s.hLower[i] = hashString(SEED, lower);
    s.hCased[i] = hashString(SEED, cased);
    s.hShape[i] = hashString(SEED, shape);
    s.hShort[i] = hashString(SEED, shortShape);
    s.caseProfile[i] = lexicon.caseProfile?.get(lower) ?? 0;
    const cluster = lexicon.clusters?.get(lower);
    if (cluster !== undefined) {
      CLUSTER_PREFIXES.forEach((p, k) => {
        s.hCluster[i * CLUSTER_PREFIXES.length + k] = hashString(
          SEED,
          cluster,
          0,
          Math.min(p, cluster.length),
        );
      });
    }
    const type = gazetteer?.(lower);
    if (type !== undefined) s.hGazetteer[i] = hashString(SEED, type);
    const firstHyphen = lower.indexOf('-');
    if (firstHyphen > 0 && firstHyphen < lower.length - 1) {
      s.hHyphenFirst[i] = hashString(SEED, lower, 0, firstHyphen);
      s.hHyphenLast[i] = hashString(SEED, lower, lower.lastIndexOf('-') + 1);
    }
  }
  return s;
}
