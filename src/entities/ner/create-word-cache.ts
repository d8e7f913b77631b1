// The tagger's bounded cache per word form: the token views `prepareToken` computes, and the summed weights
// of the keys that depend only on a token's own word or on one neighbour's word (about two thirds of its
// keys). Frequent words recur in every sentence, so one cached row per word and role replaces most table
// lookups. Entries are a pure function of the model, so caching never changes a tag.

import {
  extractNeighbourFeatures,
  extractWordFeatures,
  MAX_FEATURES,
  NEIGHBOUR_OFFSETS,
} from './extract-features.js';
import type { CompiledLexicon } from './compile-lexicon.js';
import { addFeatureScores } from './feature-table.js';
import {
  copyPreparedToken,
  createPreparedSentence,
  matchSentenceGazetteer,
  prepareToken,
} from './prepare-sentence.js';
import type { FeatureTable, PreparedSentence } from './types.js';

/** Defaults of `createWordCache`. */
export const WORD_CACHE_DEFAULTS = {
  /**
   * Word forms kept; the cache starts over when a sentence does not fit, so memory stays bounded: the score
   * rows take capacity x 6 x tags x 4 bytes (German 25 tags: 39 MB, English 9: 14 MB, per thread). 65,536
   * forms tagged the corpus about 1.2x faster than 8,192, which a news archive's vocabulary overflows.
   */
  capacity: 65_536,
};

/** Per-word-form views and score rows of one model. */
export interface WordCache {
  /**
   * Prepares `tokens` as `prepareSentence` does, into buffers reused by the next call (their views may be
   * longer than the sentence), and fills the score rows its tokens need.
   */
  prepare(tokens: readonly string[]): PreparedSentence;
  /**
   * Sets `scores[c]` to the weight, for tag `c`, of token `i`'s word keys and of the keys it gets from its
   * neighbours, in the sentence last prepared.
   */
  setWordScores(i: number, scores: Float64Array): void;
}

// Score rows per word form: its own keys elsewhere and at the sentence start, then as each neighbour.
const OWN = 0;
const OWN_FIRST = 1;
const AS_NEIGHBOUR = 2;
const ROLES = AS_NEIGHBOUR + NEIGHBOUR_OFFSETS.length;
// Rows summed per token: its own and one per neighbour offset.
const PARTS = 1 + NEIGHBOUR_OFFSETS.length;

/** Creates an empty cache over `lexicon` and `table` (a model with `nTags` tags). */
export function createWordCache(
  lexicon: CompiledLexicon,
  table: FeatureTable,
  nTags: number,
  options: Partial<typeof WORD_CACHE_DEFAULTS> = {},
): WordCache {
  const { capacity } = { ...WORD_CACHE_DEFAULTS, ...options };
  const slots = new Map<string, number>();
  const words = createPreparedSentence(capacity);
  // One extra slot holds the rows of the sentence edges, seen where a neighbour would be.
  const edge = capacity;
  const rows = new Int32Array((capacity + 1) * ROLES * nTags);
  // Bit r set when role r of a slot is filled.
  const filled = new Uint8Array(capacity + 1);
  const keys = new Int32Array(MAX_FEATURES);
  const found = new Int32Array(MAX_FEATURES);
  const sums = new Float64Array(nTags);
  // Per token of the last sentence: where its own row and its four neighbour rows start in `rows`.
  let rowsOf = new Int32Array(64 * PARTS);
  let slotOf = new Int32Array(64);
  // Tagging is synchronous, so each sentence can be prepared into the same buffers.
  let sentence = createPreparedSentence(64);
  // A sentence longer than the cache gets a cache of its own.
  let oversized: WordCache | undefined;

  const rowStart = (slot: number, role: number): number => (slot * ROLES + role) * nTags;
  const isFilled = (slot: number, role: number): boolean => ((filled[slot] ?? 0) & (1 << role)) !== 0;
  // Weights are integers in units of the table scale, so int32 sums are exact and keep every arg-max.
  const fillRow = (slot: number, role: number, count: number): void => {
    sums.fill(0);
    addFeatureScores(table, keys, count, sums, found);
    const at = rowStart(slot, role);
    for (let c = 0; c < nTags; c++) rows[at + c] = sums[c] ?? 0;
    filled[slot] = (filled[slot] ?? 0) | (1 << role);
  };

  const prepare = (tokens: readonly string[]): PreparedSentence => {
    const n = tokens.length;
    oversized = n > capacity ? createWordCache(lexicon, table, nTags, { capacity: n }) : undefined;
    if (oversized) return oversized.prepare(tokens);
    // Starting over between sentences keeps the slots of the current sentence valid.
    if (slots.size + n > capacity) slots.clear();
    if (slotOf.length < n) {
      slotOf = new Int32Array(2 * n);
      rowsOf = new Int32Array(2 * n * PARTS);
      sentence = createPreparedSentence(2 * n);
    }
    const s = sentence;
    s.length = n;
    for (let j = 0; j < n; j++) {
      const token = tokens[j] ?? '';
      let slot = slots.get(token);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(token, slot);
        prepareToken(token, lexicon, words, slot);
        filled[slot] = 0;
      }
      copyPreparedToken(words, slot, s, j);
      slotOf[j] = slot;
    }
    matchSentenceGazetteer(s, lexicon);
    for (let i = 0; i < n; i++) {
      const slot = slotOf[i] ?? 0;
      const own = i === 0 ? OWN_FIRST : OWN;
      if (!isFilled(slot, own)) fillRow(slot, own, extractWordFeatures(s, i, keys, 0));
      rowsOf[i * PARTS] = rowStart(slot, own);
      for (let q = 0; q < NEIGHBOUR_OFFSETS.length; q++) {
        const step = NEIGHBOUR_OFFSETS[q] ?? 1;
        const j = i + step;
        const other = j >= 0 && j < n ? (slotOf[j] ?? 0) : edge;
        const role = AS_NEIGHBOUR + q;
        if (!isFilled(other, role)) fillRow(other, role, extractNeighbourFeatures(s, i, step, keys, 0));
        rowsOf[i * PARTS + 1 + q] = rowStart(other, role);
      }
    }
    return s;
  };
  const setWordScores = (i: number, scores: Float64Array): void => {
    if (oversized) return oversized.setWordScores(i, scores);
    const at = i * PARTS;
    const own = rowsOf[at] ?? 0;
    const a = rowsOf[at + 1] ?? 0;
    const b = rowsOf[at + 2] ?? 0;
    const d = rowsOf[at + 3] ?? 0;
    const e = rowsOf[at + 4] ?? 0;
    for (let c = 0; c < nTags; c++) {
      scores[c] =
        (rows[own + c] ?? 0) +
        (rows[a + c] ?? 0) +
        (rows[b + c] ?? 0) +
        (rows[d + c] ?? 0) +
        (rows[e + c] ?? 0);
    }
  };
  return { prepare, setWordScores };
}
