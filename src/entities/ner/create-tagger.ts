// The runtime tagger: greedy left-to-right decoding with a trained averaged-perceptron model, one sentence
// or a whole document at a time (models trained with document history remember earlier labels of a word
// within the document). Between calls it keeps only a bounded cache of per-word scores, a pure function of
// the model, so one tagger can serve concurrent requests.

import { compileLexicon } from './compile-lexicon.js';
import { COMMON_NOUN_BUCKET } from './mark-common-nouns.js';
import { normalizeToken } from './normalize-token.js';
import { createDecoder, decodeSentence } from './decode-sentence.js';
import { decisionMargin } from './decision-margin.js';
import type { DocumentHistory } from './decode-sentence.js';
import { createWordCache } from './create-word-cache.js';
import { extractContextFeatures, MAX_FEATURES } from './extract-features.js';
import { addFeatureScores } from './feature-table.js';
import { iob2Tags } from './tag-transitions.js';
import type { NerModel } from './types.js';

/** A sentence and document tagger. */
export interface Tagger {
  /** Returns one IOB2 tag per token (`O`, `B-PER`, `I-LOCpart`, ...). */
  tag(tokens: readonly string[]): string[];
  /** Tags the sentences of one document in order; returns one IOB2 tag list per sentence. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
  /**
   * Whether the model's lexicon knows `word` as a common word: one rarely capitalised inside sentences of
   * unlabeled text, or a dictionary common noun (German).
   */
  isCommonWord(word: string): boolean;
  /** Whether `word` is a form of a dictionary common noun (German models; false for others). */
  isDictionaryNoun(word: string): boolean;
}

/** A perceptron tagger, which can also say how sure it was of each sentence. */
export interface PerceptronTagger extends Tagger {
  /**
   * Tags like `tagDocument`, and gives per sentence the smallest decision margin (the chosen tag's score
   * above the best other allowed tag) over its tokens that start upper-case or were tagged part of a name;
   * `Infinity` for a sentence without such a token.
   */
  tagDocumentWithMargins(sentences: readonly (readonly string[])[]): { tags: string[][]; margins: number[] };
}

/** Case-profile buckets of common words: capitalised in under half the cases, or a dictionary noun. */
const COMMON_BUCKETS = new Set([1, 2, COMMON_NOUN_BUCKET]);

const UPPER_START = /^\p{Lu}/u;

/** Creates a tagger over `model`. */
export function createTagger(model: NerModel): PerceptronTagger {
  const lexicon = compileLexicon(model);
  const reported = iob2Tags(model.tags);
  const { table } = model;
  const nTags = model.tags.length;
  const words = createWordCache(lexicon, table, nTags);
  const rows = new Int32Array(MAX_FEATURES);
  const score = (i: number, feats: Int32Array, count: number, scores: Float64Array): void => {
    words.setWordScores(i, scores);
    addFeatureScores(table, feats, count, scores, rows);
  };
  // Tagging is synchronous, so calls can share the decoder's and the word cache's scratch buffers.
  const decoder = createDecoder(model.tags);
  let ids = new Int32Array(64);
  const outsideTag = reported.indexOf('O');
  // With `margins`, each sentence's smallest margin is pushed there (a pass over the tags per name token).
  const run = (sentences: readonly (readonly string[])[], margins?: number[]): string[][] => {
    const history: DocumentHistory | undefined = model.history ? new Map() : undefined;
    return sentences.map((tokens) => {
      const sentence = words.prepare(tokens);
      const n = sentence.length;
      if (ids.length < n) ids = new Int32Array(2 * n);
      const features = (i: number, out: Int32Array): number => extractContextFeatures(sentence, i, out, 0);
      let least = Infinity;
      let prev = -1;
      const weigh = margins
        ? (i: number, _feats: Int32Array, _count: number, guess: number): void => {
            if (guess !== outsideTag || UPPER_START.test(tokens[i] ?? '')) {
              const allowed = i === n - 1 ? decoder.allowedLast : decoder.allowed;
              least = Math.min(least, decisionMargin(decoder.scores, allowed, prev, guess));
            }
            prev = guess;
          }
        : undefined;
      decodeSentence(sentence, decoder, history, features, score, ids, weigh);
      margins?.push(least);
      const tags = new Array<string>(n);
      for (let i = 0; i < n; i++) tags[i] = reported[ids[i] ?? 0] ?? 'O';
      return tags;
    });
  };
  const tagDocument = (sentences: readonly (readonly string[])[]): string[][] => run(sentences);
  const tagDocumentWithMargins = (
    sentences: readonly (readonly string[])[],
  ): { tags: string[][]; margins: number[] } => {
    const margins: number[] = [];
    return { tags: run(sentences, margins), margins };
  };
  return {
    tag: (tokens) => tagDocument([tokens])[0] ?? [],
    tagDocument,
    tagDocumentWithMargins,
    isCommonWord(word) {
      const cased = normalizeToken(word);
      const at = lexicon.words.get(cased) ?? lexicon.words.get(cased.toLowerCase());
      return at !== undefined && COMMON_BUCKETS.has(lexicon.entries[at] ?? 0);
    },
    isDictionaryNoun(word) {
      const at = lexicon.words.get(normalizeToken(word).toLowerCase());
      return at !== undefined && lexicon.entries[at] === COMMON_NOUN_BUCKET;
    },
  };
}
