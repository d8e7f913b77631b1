// Types shared by the statistical NER tagger: sentences, spans, the trained model and its feature table.
// The model is plain data (typed arrays), so it can be serialised, loaded and shared without hidden state.

/** One sentence with one IOB2 tag per token (`O`, `B-PER`, `I-LOCderiv`, ...). */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** A token span, `end` exclusive, with its label (`PER`, `ORG`, `LOC`, `MISC`, `LOCderiv`, ...). */
export interface Span {
  start: number;
  end: number;
  label: string;
}

/** Looks up a lower-cased token in a knowledge base and returns its type (e.g. `PER`), if any. */
export type Gazetteer = (lowerToken: string) => string | undefined;

/**
 * Sparse weights: `keys[r]` is a feature hash, its non-zero class weights are
 * `cls[rowStart[r] .. rowStart[r + 1])` / `val[...]`. For fast lookup the same data is also packed into
 * `index` (open addressing, two ints per slot: key, then first entry | entry count << 24) and `packed`
 * (class in the top 8 bits, weight / `scale` as a signed 24-bit integer below).
 */
export interface FeatureTable {
  keys: Int32Array;
  rowStart: Int32Array;
  cls: Uint8Array;
  val: Float32Array;
  index: Int32Array;
  packed: Int32Array;
  scale: number;
}

/** A trained averaged-perceptron NER model for one language. */
export interface NerModel {
  lang: string;
  /** Tag inventory; index 0 is `O`. */
  tags: string[];
  table: FeatureTable;
  /** Word-cluster bit strings keyed by lower-cased word, when the model was trained with clusters. */
  clusters?: Map<string, string>;
  /** How often each lower-cased word is capitalised inside sentences in unlabeled text (1 rarely … 4 almost always). */
  caseProfile?: Map<string, number>;
}

/** Word-level resources learned from unlabeled text that feature extraction can use. */
export type Lexicon = Pick<NerModel, 'clusters' | 'caseProfile'>;

/**
 * Per-token view of a sentence that feature extraction reads: strings for affixes, and string hashes
 * computed once so each feature template only mixes integers.
 */
export interface PreparedSentence {
  length: number;
  lower: string[];
  cased: string[];
  /** Bit 0 capitalised, 1 all caps, 2 has digit, 3 has hyphen. */
  flags: Uint8Array;
  hLower: Int32Array;
  hCased: Int32Array;
  hShape: Int32Array;
  hShort: Int32Array;
  /** Four hashes per token: cluster prefixes of length 4, 6, 10 and the full path; 0 without a cluster. */
  hCluster: Int32Array;
  /** Case-profile bucket of the word (1–4), 0 when unknown. */
  caseProfile: Uint8Array;
  /** Hash of the gazetteer type, 0 when the gazetteer has none. */
  hGazetteer: Int32Array;
  /** Hashes of the first and last hyphen-separated parts, 0 without a hyphen. */
  hHyphenFirst: Int32Array;
  hHyphenLast: Int32Array;
}
