// A gold-annotated document as running text, for scoring the whole extraction as POST /analyze returns it:
// tokens joined as they would be written (a space between words, none before closing punctuation and "'s",
// none after an opening bracket), sentences by newlines (a newline always ends a sentence in extraction),
// and the gold spans of the chosen labels as character ranges of that text.

import { decodeSpans } from './decode-spans.js';
import type { TaggedSentence } from './types.js';

const TIGHT_BEFORE = /^(?:[.,;:!?)\]}%]|'s|n't|'re|'ve|'ll|'d|'m)$/i;
const TIGHT_AFTER = /^[([{]$/;

/** A labelled character range [start, end) of a text. */
export interface CharSpan {
  start: number;
  end: number;
  label: string;
}

/** The text of `sentences` and their gold spans with one of `labels`. */
export function goldDocument(
  sentences: readonly TaggedSentence[],
  labels: readonly string[],
): { text: string; spans: CharSpan[] } {
  const keep = new Set(labels);
  const spans: CharSpan[] = [];
  let text = '';
  for (const sentence of sentences) {
    if (text !== '') text += '\n';
    const starts: number[] = [];
    sentence.tokens.forEach((token, i) => {
      if (i > 0 && !TIGHT_BEFORE.test(token) && !TIGHT_AFTER.test(sentence.tokens[i - 1] ?? '')) text += ' ';
      starts.push(text.length);
      text += token;
    });
    for (const span of decodeSpans(sentence.tokens, sentence.tags)) {
      if (!keep.has(span.label)) continue;
      const last = span.end - 1;
      const end = (starts[last] ?? 0) + (sentence.tokens[last] ?? '').length;
      spans.push({ start: starts[span.start] ?? 0, end, label: span.label });
    }
  }
  return { text, spans };
}

/** Micro precision, recall and F1 of exact, labelled character spans. */
export function scoreCharSpans(
  gold: readonly CharSpan[],
  predicted: readonly CharSpan[],
): { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number } {
  const key = (s: CharSpan): string => `${s.start}:${s.end}:${s.label}`;
  const goldKeys = new Set(gold.map(key));
  const tp = new Set(predicted.map(key).filter((k) => goldKeys.has(k))).size;
  const fp = predicted.length - tp;
  const fn = gold.length - tp;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}
