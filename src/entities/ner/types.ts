// Types shared by the statistical NER tagger: sentences, spans, the trained model and its feature table.
// The model is plain data (typed arrays), so it can be serialised, loaded and shared without hidden state.

/** One sentence with one IOB2 tag per token (`O`, `B-PER`, `I-LOCderiv`, ...). */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
  /** Index of the document the sentence belongs to, where the corpus marks documents. */
  doc?: number;
}

/** A token span, `end` exclusive, with its label (`PER`, `ORG`, `LOC`, `MISC`, `LOCderiv`, ...). */
export interface Span {
  start: number;
  end: number;
  label: string;
}

/**
 * Sparse weights: `keys[r]` is a feature hash, its non-zero class weights are
 * `cls[rowStart[r] .. rowStart[r + 1])` / `val[...]`. For fast lookup the same data is also packed into
 * `index` (open addressing, two ints per slot: key, then first entry | entry count << 24) and `packed`
 * (class in the top 8 bits, weight / `scale` as a signed 24-bit integer below). `filter` is a Bloom filter
 * of the keys: two bits, chosen by key bits 20-29, of the word its low bits choose.
 */
export interface FeatureTable {
  keys: Int32Array;
  rowStart: Int32Array;
  cls: Uint8Array;
  val: Float32Array;
  index: Int32Array;
  packed: Int32Array;
  scale: number;
  filter: Int32Array;
}

/** A trained averaged-perceptron NER model for one language. */
export interface NerModel {
  lang: string;
  /** Tag inventory; index 0 is `O`. */
  tags: string[];
  table: FeatureTable;
  /**
   * Word clusters, when the model was trained with them: a bit-string path, or flat levels joined by `|`,
   * keyed by lower-cased word (or by the word as written, for clusters learned with case kept).
   */
  clusters?: Map<string, string>;
  /** How often each lower-cased word is capitalised inside sentences in unlabeled text (1 rarely … 4 almost always). */
  caseProfile?: Map<string, number>;
  /** Whether the model was trained with document-history features (earlier labels of the same word). */
  history?: boolean;
  /** Lower-cased gazetteer phrases (tokens joined by a space) and their types joined by `|` (`PER|LOC`). */
  gazetteer?: Map<string, string>;
}

/** Word-level resources that feature extraction can use. */
export type Lexicon = Pick<NerModel, 'clusters' | 'caseProfile' | 'gazetteer'>;

/**
 * Per-token view of a sentence that feature extraction reads: strings for affixes, and string hashes
 * computed once so each feature template only mixes integers. The views may be longer than `length`
 * (a tagger reuses one set of buffers).
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
  /** Gazetteer code of the token (`matchGazetteer`), 0 when no phrase covers it. */
  gazetteer: Int32Array;
  /** Type bits of the longest one-word gazetteer phrase the token starts with (`matchGazetteerPrefix`). */
  gazetteerPrefix: Int32Array;
  /** Hashes of the first and last hyphen-separated parts, 0 without a hyphen. */
  hHyphenFirst: Int32Array;
  hHyphenLast: Int32Array;
}
