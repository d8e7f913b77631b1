// Gazetteer phrases from labelled sentences: every gold span, lower-cased, with its label's gazetteer type
// (`LOCderiv` -> DEMONYM, `ORGpart` -> PART). Training uses them jackknifed: a sentence only sees the
// phrases of the other folds, so the feature is as reliable in training as on unseen text.

import { addPhrase } from './build-gazetteer-phrases.js';
import { decodeSpans } from './decode-spans.js';
import { normalizeToken } from './normalize-token.js';
import type { TaggedSentence } from './types.js';

function typeOf(label: string): string {
  if (label.endsWith('deriv')) return 'DEMONYM';
  if (label.endsWith('part')) return 'PART';
  return label;
}

/** Adds the gold spans of `sentences` to `phrases` (a copy of `base` when given) and returns it. */
export function buildTrainingPhrases(
  sentences: Iterable<TaggedSentence>,
  base: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const phrases = new Map(base);
  for (const s of sentences) {
    for (const span of decodeSpans(s.tokens, s.tags)) {
      const key = s.tokens
        .slice(span.start, span.end)
        .map((t) => normalizeToken(t).toLowerCase())
        .join(' ');
      addPhrase(phrases, key, typeOf(span.label));
    }
  }
  return phrases;
}

/**
 * Splits `sentences` into `folds` by document (see `groupDocuments`), and returns for each sentence the
 * phrases of `base` plus the spans of all other folds.
 */
export function jackknifePhrases(
  documents: readonly number[][],
  sentences: readonly TaggedSentence[],
  base: ReadonlyMap<string, string>,
  folds: number,
): Map<string, string>[] {
  const foldOf = new Int32Array(sentences.length);
  documents.forEach((doc, d) => doc.forEach((i) => (foldOf[i] = d % folds)));
  const perFold = Array.from({ length: folds }, (_, k) =>
    buildTrainingPhrases(
      sentences.filter((_, i) => foldOf[i] !== k),
      base,
    ),
  );
  return sentences.map((_, i) => perFold[foldOf[i] ?? 0] ?? new Map<string, string>());
}
