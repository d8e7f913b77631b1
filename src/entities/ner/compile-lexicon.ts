// Compiles a model's word-level resources for fast tagging: one map lookup per token yields the hashes of
// its cluster-path prefixes and its case-profile bucket, and the gazetteer becomes a phrase index.

import { HASH_SEED, hashString } from './hash-feature.js';
import { compileGazetteer } from './match-gazetteer.js';
import type { GazetteerIndex } from './match-gazetteer.js';
import type { Lexicon } from './types.js';

/** Cluster-path prefix lengths whose hashes are stored (the last entry is the full path). */
export const CLUSTER_PREFIXES = [4, 6, 10, 64] as const;

/** Per word: `[caseProfile, ...cluster prefix hashes]`; hashes are 0 for words without a cluster. */
export interface CompiledLexicon {
  words: Map<string, Int32Array>;
  gazetteer?: GazetteerIndex;
}

/** Compiles `lexicon` (clusters, case profile, gazetteer) into a `CompiledLexicon`. */
export function compileLexicon(lexicon: Lexicon = {}): CompiledLexicon {
  const words = new Map<string, Int32Array>();
  const entry = (word: string): Int32Array => {
    let e = words.get(word);
    if (!e) {
      e = new Int32Array(1 + CLUSTER_PREFIXES.length);
      words.set(word, e);
    }
    return e;
  };
  for (const [word, path] of lexicon.clusters ?? []) {
    const e = entry(word);
    CLUSTER_PREFIXES.forEach((p, k) => {
      e[1 + k] = hashString(HASH_SEED, path, 0, Math.min(p, path.length));
    });
  }
  for (const [word, bucket] of lexicon.caseProfile ?? []) entry(word)[0] = bucket;
  const compiled: CompiledLexicon = { words };
  if (lexicon.gazetteer) compiled.gazetteer = compileGazetteer(lexicon.gazetteer);
  return compiled;
}
