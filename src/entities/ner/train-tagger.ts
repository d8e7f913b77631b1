// Trains an averaged-perceptron tagger with greedy left-to-right decoding on predicted previous tags.
// Deterministic for a given seed; after each epoch an optional callback scores the averaged model on dev,
// and the best-scoring epoch is returned.

import { createAveragedWeights } from './averaged-weights.js';
import { bestAllowedTag } from './best-allowed-tag.js';
import { extractFeatures, extractTagFeatures, MAX_FEATURES } from './extract-features.js';
import { NerModelError } from './ner-model-error.js';
import { prepareSentence } from './prepare-sentence.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { tagInventory, tagTransitions } from './tag-transitions.js';
import type { Gazetteer, NerModel, TaggedSentence } from './types.js';

/** Options of `trainTagger`. */
export interface TrainOptions {
  lang: string;
  /** Entity labels, in the order their tags are numbered. */
  labels: readonly string[];
  epochs: number;
  seed: number;
  /** Averaged weights with an absolute value at or below this are dropped from the model. */
  pruneBelow: number;
  clusters?: Map<string, string>;
  caseProfile?: Map<string, number>;
  gazetteer?: Gazetteer;
  /** Called after each epoch with the averaged model; returning a number (dev F1) enables best-epoch selection. */
  onEpoch?: (epoch: number, model: NerModel, trainErrorRate: number) => number | void;
}

/** Defaults of `trainTagger`. */
export const TRAIN_DEFAULTS = { epochs: 10, seed: 1, pruneBelow: 0.01 } as const;

/** Trains a model on `sentences` and returns the best (or last) epoch's averaged model. */
export function trainTagger(
  sentences: readonly TaggedSentence[],
  options: Partial<TrainOptions> & Pick<TrainOptions, 'lang' | 'labels'>,
): { model: NerModel; bestEpoch: number; bestScore: number | undefined } {
  const opts = { ...TRAIN_DEFAULTS, ...options };
  const tags = tagInventory(opts.labels);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const allowed = tagTransitions(tags);
  const nTags = tags.length;

  const featStart: number[] = [];
  const featCount: number[] = [];
  const gold: number[] = [];
  const sentStart: number[] = [];
  const prepared = sentences.map((s) => prepareSentence(s.tokens, opts, opts.gazetteer));
  let buffer = new Int32Array(1 << 20);
  let used = 0;
  const scratch = new Int32Array(MAX_FEATURES);
  sentences.forEach((s, si) => {
    sentStart.push(gold.length);
    const p = prepared[si];
    if (!p) return;
    for (let i = 0; i < s.tokens.length; i++) {
      const t = tagIndex.get(s.tags[i] ?? '');
      if (t === undefined) {
        throw new NerModelError(
          'ner_corpus_invalid',
          `trainTagger: unknown tag "${s.tags[i]}" in sentence ${si}`,
        );
      }
      const count = extractFeatures(p, i, scratch);
      if (used + count > buffer.length) {
        const grown = new Int32Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer.set(scratch.subarray(0, count), used);
      featStart.push(used);
      featCount.push(count);
      gold.push(t);
      used += count;
    }
  });
  sentStart.push(gold.length);

  const weights = createAveragedWeights(nTags);
  const random = seededRandom(opts.seed);
  const order = sentences.map((_, i) => i);
  const feats = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(nTags);
  let time = 1;
  let best: { model: NerModel; epoch: number; score: number | undefined } | undefined;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    let errors = 0;
    for (const si of order) {
      const p = prepared[si];
      if (!p) continue;
      const base = sentStart[si] ?? 0;
      let prev1 = -1;
      let prev2 = -1;
      for (let i = 0; i < p.lower.length; i++) {
        const start = featStart[base + i] ?? 0;
        let count = featCount[base + i] ?? 0;
        feats.set(buffer.subarray(start, start + count));
        count = extractTagFeatures(p, i, prev1, prev2, feats, count);
        scores.fill(0);
        weights.score(feats, 0, count, scores);
        const guess = bestAllowedTag(scores, allowed, prev1);
        const truth = gold[base + i] ?? 0;
        if (guess !== truth) {
          weights.update(feats, 0, count, truth, guess, time);
          errors++;
        }
        time++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    const model: NerModel = { lang: opts.lang, tags, table: weights.average(time, opts.pruneBelow) };
    if (opts.clusters) model.clusters = opts.clusters;
    if (opts.caseProfile) model.caseProfile = opts.caseProfile;
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
