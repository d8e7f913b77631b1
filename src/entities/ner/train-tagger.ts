// Trains an averaged-perceptron tagger (IOB2 or BIOES tags) with greedy left-to-right decoding on predicted
// previous tags and, optionally, document history. Deterministic for a given seed: documents are shuffled,
// their sentences kept in order. After each epoch an optional callback scores the averaged model on dev,
// and the best-scoring epoch is returned.

import { createAveragedWeights } from './averaged-weights.js';
import { compileLexicon } from './compile-lexicon.js';
import type { CompiledLexicon } from './compile-lexicon.js';
import { createDecoder, decodeSentence } from './decode-sentence.js';
import type { DocumentHistory } from './decode-sentence.js';
import { extractFeatures, MAX_FEATURES } from './extract-features.js';
import { groupDocuments } from './group-documents.js';
import { compileGazetteer } from './match-gazetteer.js';
import { NerModelError } from './ner-model-error.js';
import { prepareSentence } from './prepare-sentence.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { tagInventory, toBioes } from './tag-transitions.js';
import type { TagEncoding } from './tag-transitions.js';
import type { NerModel, PreparedSentence, TaggedSentence } from './types.js';

/** Options of `trainTagger`. */
export interface TrainOptions {
  lang: string;
  /** Entity labels, in the order their tags are numbered. */
  labels: readonly string[];
  epochs: number;
  seed: number;
  /** Averaged weights with an absolute value at or below this are dropped from the model. */
  pruneBelow: number;
  /** Token-level features seen fewer times than this in the training data are not learned. */
  minFeatureCount: number;
  /** Learn from the labels a word got earlier in its document (sentences sharing `doc`). */
  history: boolean;
  /** Tags to learn: IOB2, or BIOES (which did worse on GermEval dev); the tagger reports IOB2 either way. */
  encoding: TagEncoding;
  clusters?: Map<string, string>;
  caseProfile?: Map<string, number>;
  gazetteer?: Map<string, string>;
  /** Per sentence, the gazetteer training sees instead of `gazetteer` (jackknifed training phrases). */
  trainingGazetteers?: readonly Map<string, string>[];
  /** Called after each epoch with the averaged model; returning a number (dev F1) enables best-epoch selection. */
  onEpoch?: (epoch: number, model: NerModel, trainErrorRate: number) => number | void;
}

/** Defaults of `trainTagger`. */
export const TRAIN_DEFAULTS = {
  epochs: 10,
  seed: 1,
  pruneBelow: 0.01,
  minFeatureCount: 1,
  history: false,
  encoding: 'iob2',
} as const;

/** Precomputes every token's static features, dropping rare ones; returns a CSR layout. */
function staticFeatures(prepared: readonly PreparedSentence[], minCount: number) {
  const scratch = new Int32Array(MAX_FEATURES);
  let buffer = new Int32Array(1 << 20);
  const start: number[] = [0];
  for (const p of prepared) {
    for (let i = 0; i < p.length; i++) {
      const count = extractFeatures(p, i, scratch);
      const used = start[start.length - 1] ?? 0;
      if (used + count > buffer.length) {
        const grown = new Int32Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer.set(scratch.subarray(0, count), used);
      start.push(used + count);
    }
  }
  if (minCount <= 1) return { buffer, start };
  const seen = new Map<number, number>();
  const end = start[start.length - 1] ?? 0;
  for (let j = 0; j < end; j++) seen.set(buffer[j] ?? 0, (seen.get(buffer[j] ?? 0) ?? 0) + 1);
  let kept = 0;
  for (let t = 0; t + 1 < start.length; t++) {
    const from = start[t] ?? 0;
    const to = start[t + 1] ?? 0;
    start[t] = kept;
    for (let j = from; j < to; j++)
      if ((seen.get(buffer[j] ?? 0) ?? 0) >= minCount) buffer[kept++] = buffer[j] ?? 0;
  }
  start[start.length - 1] = kept;
  return { buffer, start };
}

/** Trains a model on `sentences` and returns the best (or last) epoch's averaged model. */
export function trainTagger(
  sentences: readonly TaggedSentence[],
  options: Partial<TrainOptions> & Pick<TrainOptions, 'lang' | 'labels'>,
): { model: NerModel; bestEpoch: number; bestScore: number | undefined } {
  const opts = { ...TRAIN_DEFAULTS, ...options };
  const tags = tagInventory(opts.labels, opts.encoding);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const gold: number[] = [];
  const sentStart: number[] = [];
  sentences.forEach((s, si) => {
    sentStart.push(gold.length);
    for (const tag of opts.encoding === 'bioes' ? toBioes(s.tags) : s.tags) {
      const t = tagIndex.get(tag);
      if (t === undefined) {
        throw new NerModelError('ner_corpus_invalid', `trainTagger: unknown tag "${tag}" in sentence ${si}`);
      }
      gold.push(t);
    }
  });
  const lexicon = compileLexicon(opts);
  const compiled = new Map<Map<string, string>, CompiledLexicon>();
  const lexiconOf = (si: number): CompiledLexicon => {
    const phrases = opts.trainingGazetteers?.[si];
    if (!phrases) return lexicon;
    let c = compiled.get(phrases);
    if (!c) {
      c = { ...lexicon, gazetteer: compileGazetteer(phrases) };
      compiled.set(phrases, c);
    }
    return c;
  };
  const prepared = sentences.map((s, si) => prepareSentence(s.tokens, lexiconOf(si)));
  const documents = groupDocuments(sentences);
  const { buffer, start } = staticFeatures(prepared, opts.minFeatureCount);

  const weights = createAveragedWeights(tags.length);
  const decoder = createDecoder(tags);
  const random = seededRandom(opts.seed);
  const guesses = new Int32Array(Math.max(1, ...sentences.map((s) => s.tokens.length)));
  let time = 1;
  let best: { model: NerModel; epoch: number; score: number | undefined } | undefined;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(documents, random);
    let errors = 0;
    for (const doc of documents) {
      const history: DocumentHistory | undefined = opts.history ? new Map() : undefined;
      for (const si of doc) {
        const p = prepared[si];
        if (!p) continue;
        const base = sentStart[si] ?? 0;
        const features = (i: number, out: Int32Array): number => {
          const from = start[base + i] ?? 0;
          const to = start[base + i + 1] ?? 0;
          out.set(buffer.subarray(from, to));
          return to - from;
        };
        const score = (_i: number, feats: Int32Array, count: number, scores: Float64Array): void =>
          weights.score(feats, 0, count, scores);
        decodeSentence(p, decoder, history, features, score, guesses, (i, feats, count, guess) => {
          const truth = gold[base + i] ?? 0;
          if (guess !== truth) {
            weights.update(feats, 0, count, truth, guess, time);
            errors++;
          }
          time++;
        });
      }
    }
    const model: NerModel = { lang: opts.lang, tags, table: weights.average(time, opts.pruneBelow) };
    if (opts.clusters) model.clusters = opts.clusters;
    if (opts.caseProfile) model.caseProfile = opts.caseProfile;
    if (opts.gazetteer) model.gazetteer = opts.gazetteer;
    if (opts.history) model.history = true;
    const score = opts.onEpoch?.(epoch, model, errors / Math.max(1, gold.length));
    if (
      !best ||
      (typeof score === 'number' && (best.score === undefined || score > best.score)) ||
      score === undefined
    ) {
      best = { model, epoch, score: typeof score === 'number' ? score : undefined };
    }
  }
  if (!best) throw new NerModelError('ner_corpus_invalid', 'trainTagger: epochs must be at least 1');
  return { model: best.model, bestEpoch: best.epoch, bestScore: best.score };
}
