// The vocabulary row of a token for the neural tagger: the form as written, then lower-cased (English
// models look up lower-case only); where the model was trained so (`fallback`), then the form and its
// lower-case without a German inflection ending, in the order scripts/train-ner-neural.py tries them.

/** Endings tried, longest first among those that share a letter, as the training script lists them. */
export const GERMAN_ENDINGS = ['es', 'en', 's', 'n', 'e'] as const;

/** What the lookup reads of a neural model. */
export interface NeuralVocabulary {
  words: ReadonlyMap<string, number>;
  lowercaseWords: boolean;
  fallback: boolean;
}

/** Row of `token` in `vocabulary.words`, or undefined when it has none (the caller uses subwords or <unk>). */
export function lookupNeuralWord(vocabulary: NeuralVocabulary, token: string): number | undefined {
  const { words } = vocabulary;
  const lower = token.toLowerCase();
  if (vocabulary.lowercaseWords) return words.get(lower);
  const direct = words.get(token) ?? words.get(lower);
  if (direct !== undefined || !vocabulary.fallback) return direct;
  for (const form of [token, lower]) {
    const length = Array.from(form).length;
    for (const ending of GERMAN_ENDINGS) {
      if (length > ending.length + 2 && form.endsWith(ending)) {
        const row = words.get(form.slice(0, -ending.length));
        if (row !== undefined) return row;
      }
    }
  }
  return undefined;
}
