// The runtime tagger: greedy left-to-right decoding of one sentence with a trained averaged-perceptron
// model. Holds no state between calls, so one tagger can serve concurrent requests.

import { bestAllowedTag } from './best-allowed-tag.js';
import { extractFeatures, extractTagFeatures, MAX_FEATURES } from './extract-features.js';
import { addFeatureScores } from './feature-table.js';
import { prepareSentence } from './prepare-sentence.js';
import { tagTransitions } from './tag-transitions.js';
import type { Gazetteer, NerModel } from './types.js';

/** Options of `createTagger`. */
export interface TaggerOptions {
  /** Knowledge-base lookup by lower-cased token; only helps models trained with a gazetteer. */
  gazetteer?: Gazetteer;
}

/** A sentence tagger. */
export interface Tagger {
  /** Returns one IOB2 tag per token (`O`, `B-PER`, `I-LOCpart`, ...). */
  tag(tokens: readonly string[]): string[];
}

/** Creates a tagger over `model`. */
export function createTagger(model: NerModel, options: TaggerOptions = {}): Tagger {
  const allowed = tagTransitions(model.tags);
  const nTags = model.tags.length;
  return {
    tag(tokens) {
      const sentence = prepareSentence(tokens, model, options.gazetteer);
      const feats = new Int32Array(MAX_FEATURES);
      const scores = new Float64Array(nTags);
      const out = new Array<string>(tokens.length);
      let prev1 = -1;
      let prev2 = -1;
      for (let i = 0; i < tokens.length; i++) {
        let count = extractFeatures(sentence, i, feats);
        count = extractTagFeatures(sentence, i, prev1, prev2, feats, count);
        scores.fill(0);
        addFeatureScores(model.table, feats, count, scores);
        const best = bestAllowedTag(scores, allowed, prev1);
        out[i] = model.tags[best] ?? 'O';
        prev2 = prev1;
        prev1 = best;
      }
      return out;
    },
  };
}
