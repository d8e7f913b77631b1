// Compiles a model's word-level resources for fast tagging: one map lookup per token yields the hashes of
// its cluster levels and its case-profile bucket, and the gazetteer becomes a phrase index. A cluster is a
// bit-string path whose prefixes are its levels, or flat levels joined by `|` (coarse to fine).

import { HASH_SEED, hashString } from './hash-feature.js';
import { compileGazetteer } from './match-gazetteer.js';
import type { GazetteerIndex } from './match-gazetteer.js';
import type { Lexicon } from './types.js';

/** Cluster-path prefix lengths whose hashes are stored (the last entry is the full path). */
export const CLUSTER_PREFIXES = [4, 6, 10, 64] as const;

/**
 * `words` maps a word to where its entry starts in `entries`: `[caseProfile, ...cluster prefix hashes]`;
 * hashes are 0 for words without a cluster. One flat array keeps a lookup to one map probe and one read.
 */
export interface CompiledLexicon {
  words: Map<string, number>;
  entries: Int32Array;
  gazetteer?: GazetteerIndex;
}

const LEXICON_ENTRY = 1 + CLUSTER_PREFIXES.length;

/** Compiles `lexicon` (clusters, case profile, gazetteer) into a `CompiledLexicon`. */
export function compileLexicon(lexicon: Lexicon = {}): CompiledLexicon {
  const words = new Map<string, number>();
  for (const word of lexicon.clusters?.keys() ?? []) words.set(word, words.size * LEXICON_ENTRY);
  for (const word of lexicon.caseProfile?.keys() ?? []) {
    if (!words.has(word)) words.set(word, words.size * LEXICON_ENTRY);
  }
  const entries = new Int32Array(words.size * LEXICON_ENTRY);
  for (const [word, path] of lexicon.clusters ?? []) {
    const at = words.get(word) ?? 0;
    const levels = path.includes('|') ? path.split('|') : undefined;
    CLUSTER_PREFIXES.forEach((p, k) => {
      const level = levels?.[Math.min(k, levels.length - 1)];
      entries[at + 1 + k] =
        level === undefined
          ? hashString(HASH_SEED, path, 0, Math.min(p, path.length))
          : hashString(HASH_SEED, level);
    });
  }
  // Cluster keys may keep their case ("Wissen" beside "wissen"); the case profile is keyed lower-cased.
  for (const [word, at] of words) {
    const bucket = lexicon.caseProfile?.get(word) ?? lexicon.caseProfile?.get(word.toLowerCase());
    if (bucket !== undefined) entries[at] = bucket;
  }
  const compiled: CompiledLexicon = { words, entries };
  if (lexicon.gazetteer) compiled.gazetteer = compileGazetteer(lexicon.gazetteer);
  return compiled;
}
