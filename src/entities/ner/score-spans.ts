// Exact-span scoring as conlleval and the GermEval 2014 outer-span metric compute it: a predicted span
// counts only if its start, end and label all match a gold span; micro-averaged over the chosen labels.

import { decodeSpans } from './decode-spans.js';
import type { TaggedSentence } from './types.js';

/** Precision, recall and F1 with the counts they come from. */
export interface SpanScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores per label and micro-averaged over all scored labels. */
export interface SpanScores {
  byLabel: Record<string, SpanScore>;
  overall: SpanScore;
}

function finish(tp: number, fp: number, fn: number): SpanScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Scores predicted tags against gold sentences. With `labels`, only spans with those labels count (on both
 * sides), which is how PER/ORG/LOC-only figures are computed.
 */
export function scoreSpans(
  gold: readonly TaggedSentence[],
  predicted: readonly (readonly string[])[],
  labels?: readonly string[],
): SpanScores {
  const keep = labels ? new Set(labels) : undefined;
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (label: string, field: 'tp' | 'fp' | 'fn'): void => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(label, c);
  };
  gold.forEach((sentence, i) => {
    const want = decodeSpans(sentence.tokens, sentence.tags).filter((s) => !keep || keep.has(s.label));
    const got = decodeSpans(sentence.tokens, predicted[i] ?? []).filter((s) => !keep || keep.has(s.label));
    const wanted = new Set(want.map((s) => `${s.start}:${s.end}:${s.label}`));
    const found = new Set(got.map((s) => `${s.start}:${s.end}:${s.label}`));
    for (const s of got) bump(s.label, wanted.has(`${s.start}:${s.end}:${s.label}`) ? 'tp' : 'fp');
    for (const s of want) if (!found.has(`${s.start}:${s.end}:${s.label}`)) bump(s.label, 'fn');
  });
  const byLabel: Record<string, SpanScore> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const label of [...counts.keys()].sort()) {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    byLabel[label] = finish(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { byLabel, overall: finish(tp, fp, fn) };
}
