// The runtime tagger: greedy left-to-right decoding with a trained averaged-perceptron model, one sentence
// or a whole document at a time (models trained with document history remember earlier labels of a word
// within the document). Holds no state between calls, so one tagger can serve concurrent requests.

import { compileLexicon } from './compile-lexicon.js';
import { createDecoder, decodeSentence } from './decode-sentence.js';
import type { DocumentHistory } from './decode-sentence.js';
import { extractFeatures } from './extract-features.js';
import { addFeatureScores } from './feature-table.js';
import { prepareSentence } from './prepare-sentence.js';
import { iob2Tags } from './tag-transitions.js';
import type { NerModel } from './types.js';

/** A sentence and document tagger. */
export interface Tagger {
  /** Returns one IOB2 tag per token (`O`, `B-PER`, `I-LOCpart`, ...). */
  tag(tokens: readonly string[]): string[];
  /** Tags the sentences of one document in order; returns one IOB2 tag list per sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

/** Creates a tagger over `model`. */
export function createTagger(model: NerModel): Tagger {
  const lexicon = compileLexicon(model);
  const reported = iob2Tags(model.tags);
  const { table } = model;
  const score = (feats: Int32Array, count: number, scores: Float64Array): void =>
    addFeatureScores(table, feats, count, scores);
  // Tagging is synchronous, so calls can share the decoder's scratch buffers.
  const decoder = createDecoder(model.tags);
  const tagDocument = (sentences: readonly (readonly string[])[]): string[][] => {
    const history: DocumentHistory | undefined = model.history ? new Map() : undefined;
    return sentences.map((tokens) => {
      const sentence = prepareSentence(tokens, lexicon);
      const ids = new Int32Array(sentence.length);
      decodeSentence(sentence, decoder, history, (i, out) => extractFeatures(sentence, i, out), score, ids);
      return Array.from(ids, (t) => reported[t] ?? 'O');
    });
  };
  return {
    tag: (tokens) => tagDocument([tokens])[0] ?? [],
    tagDocument,
  };
}
