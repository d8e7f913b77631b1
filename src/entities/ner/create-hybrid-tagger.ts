// NER=hybrid: the perceptron tags every sentence, and the sentences it is least sure of are tagged again by
// the BiLSTM-CRF. On the dev splits, re-tagging the fifth of sentences with the smallest margin scored above
// either tagger alone (docs/neural-ner.md, "Hybrid").
import type { PerceptronTagger, Tagger } from './create-tagger.js';

export interface HybridTaggerOptions {
  /**
   * A sentence whose smallest decision margin (PerceptronTagger.tagDocumentWithMargins) is below this is
   * tagged by the neural tagger. Margins are on the perceptron model's scale: chosen on dev per model.
   */
  threshold: number;
}

/** A tagger that asks `neural` about the sentences `perceptron` is unsure of. */
export function createHybridTagger(
  perceptron: PerceptronTagger,
  neural: Tagger,
  options: HybridTaggerOptions,
): Tagger {
  const tagDocument = (sentences: readonly (readonly string[])[]): string[][] => {
    const { tags, margins } = perceptron.tagDocumentWithMargins(sentences);
    const unsure = margins.flatMap((margin, k) => (margin < options.threshold ? [k] : []));
    if (unsure.length === 0) return tags;
    const again = neural.tagDocument(unsure.map((k) => sentences[k] ?? []));
    unsure.forEach((k, at) => (tags[k] = again[at] ?? tags[k] ?? []));
    return tags;
  };
  return {
    tag: (tokens) => tagDocument([tokens])[0] ?? [],
    tagDocument,
    isCommonWord: (word) => perceptron.isCommonWord(word),
    isDictionaryNoun: (word) => perceptron.isDictionaryNoun(word),
  };
}
