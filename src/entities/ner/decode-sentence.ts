// Greedy left-to-right decoding of one sentence, shared by training and tagging: features of each token,
// then its previous tags and document history, the best tag the transitions allow, and the history update.

import { bestAllowedTag } from './best-allowed-tag.js';
import {
  extractHistoryFeatures,
  extractTagFeatures,
  keepsHistory,
  MAX_FEATURES,
} from './extract-features.js';
import { finalTagTransitions, tagLabelIds, tagTransitions } from './tag-transitions.js';
import type { PreparedSentence } from './types.js';

/** Per-tag-inventory tables and scratch buffers of the decoder. */
export interface Decoder {
  allowed: Uint8Array;
  allowedLast: Uint8Array;
  labelIds: Int32Array;
  nLabels: number;
  feats: Int32Array;
  scores: Float64Array;
}

/** Label counts per word hash: what the word was tagged earlier in the document. */
export type DocumentHistory = Map<number, Int32Array>;

/** Creates a decoder for the tag inventory `tags`. */
export function createDecoder(tags: readonly string[]): Decoder {
  const labelIds = tagLabelIds(tags);
  return {
    allowed: tagTransitions(tags),
    allowedLast: finalTagTransitions(tags),
    labelIds,
    nLabels: Math.max(0, ...labelIds) + 1,
    feats: new Int32Array(MAX_FEATURES),
    scores: new Float64Array(tags.length),
  };
}

/**
 * Tags sentence `s` into `out`. `features` writes token `i`'s static features, `score` adds the weights of
 * token `i` (its keys in `feats`, and whatever the caller scored ahead for it) to the zeroed `scores`,
 * `learn` (training, and a tagger weighing its margins) sees each decision, with `decoder.scores` still
 * holding its scores, before decoding moves on with it.
 */
export function decodeSentence(
  s: PreparedSentence,
  decoder: Decoder,
  history: DocumentHistory | undefined,
  features: (i: number, out: Int32Array) => number,
  score: (i: number, feats: Int32Array, count: number, scores: Float64Array) => void,
  out: Int32Array,
  learn?: (i: number, feats: Int32Array, count: number, guess: number) => void,
): void {
  const { feats, scores, labelIds } = decoder;
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < s.length; i++) {
    let count = features(i, feats);
    count = extractTagFeatures(s, i, prev1, prev2, feats, count);
    const remember = history !== undefined && keepsHistory(s, i);
    const key = s.hLower[i] ?? 0;
    if (remember) count = extractHistoryFeatures(s, i, history.get(key), feats, count);
    scores.fill(0);
    score(i, feats, count, scores);
    const guess = bestAllowedTag(scores, i === s.length - 1 ? decoder.allowedLast : decoder.allowed, prev1);
    learn?.(i, feats, count, guess);
    out[i] = guess;
    if (remember) {
      let counts = history.get(key);
      if (!counts) {
        counts = new Int32Array(decoder.nLabels);
        history.set(key, counts);
      }
      const label = labelIds[guess] ?? 0;
      counts[label] = (counts[label] ?? 0) + 1;
    }
    prev2 = prev1;
    prev1 = guess;
  }
}
