// The BiLSTM-CRF tagger (NER=neural), synchronous like the perceptron's so it plugs into the same `Tagger`
// seam. Everything that depends on a word form alone (embedding, character CNN, casing, case profile,
// gazetteer prefix) is folded into the LSTM's input projection once per form and cached; per token only the
// gazetteer code's share, the two recurrences, the output layer and Viterbi remain. The arithmetic runs in
// WebAssembly SIMD (create-neural-kernels.ts) over float32, as PyTorch computes; createReferenceNeuralTagger
// is the same network in plain loops, which the tests hold this one to, tag for tag.

import { compileLexicon } from './compile-lexicon.js';
import { float32Tensor } from './float32-tensor.js';
import { CHAR_FILTERS, createCharFeatures } from './create-char-features.js';
import { createNeuralKernels } from './create-neural-kernels.js';
import type { Tagger } from './create-tagger.js';
import type { NeuralModel } from './parse-neural-model.js';
import { createPreparedSentence, prepareToken } from './prepare-sentence.js';
import { matchGazetteer } from './match-gazetteer.js';
import type { Lexicon } from './types.js';
import { casingClass } from './casing-class.js';
import { NerModelError } from './ner-model-error.js';
import { lookupNeuralWord } from './lookup-neural-word.js';
import { subwordBuckets } from './subword-buckets.js';

export const NEURAL_TAGGER_DEFAULTS = {
  /** Word forms whose input projections are kept; the cache starts over when full. */
  cacheSize: 65_536,
  /** Tokens of the sentence buffers made at load; a longer sentence grows them. */
  sentenceTokens: 256,
};

const CASING_DIM = 8;
const GAZETTEER_BITS = 32;
const PREFIX_BITS = 8;
const LEXICON_UNITS = 16;

const tensor = (model: NeuralModel, name: string): Float32Array =>
  float32Tensor(model, name, 'createNeuralTagger');

/** Options of the neural tagger: the word lists the linker asks about, and the perceptron's lexicon. */
export interface NeuralTaggerOptions {
  /** Case profile and gazetteer the model was trained with (required when `model.lexicon`). */
  lexicon?: Lexicon;
  /** Answers `isCommonWord` and `isDictionaryNoun`, usually the perceptron tagger of the language. */
  words: Pick<Tagger, 'isCommonWord' | 'isDictionaryNoun'>;
  cacheSize?: number;
}

/** What the cache keeps of a word form: its input projection and the views the sentence needs. */
interface Form {
  projection: Float32Array;
  hLower: number;
  /** Gazetteer prefix code. */
  prefix: number;
}

/** Creates a synchronous BiLSTM-CRF tagger over `model`. */
export function createNeuralTagger(model: NeuralModel, options: NeuralTaggerOptions): Tagger {
  const H = model.hidden;
  if (H % 4 !== 0) {
    throw new NerModelError(
      'ner_model_invalid',
      `createNeuralTagger: hidden size ${H} is not a multiple of 4`,
    );
  }
  const G = 4 * H;
  const D = model.wordDim;
  const nTags = model.tags.length;
  const tagsPadded = Math.ceil(nTags / 4) * 4;
  const tagsEven = Math.ceil(nTags / 2) * 2;
  const inputs = D + CHAR_FILTERS + CASING_DIM + (model.lexicon ? CASING_DIM + LEXICON_UNITS : 0);
  const lexCol = D + CHAR_FILTERS + 2 * CASING_DIM;
  const emb = model.tensors.get('emb')?.data;
  if (!(emb instanceof Int8Array)) {
    throw new NerModelError('ner_model_invalid', 'createNeuralTagger: word vectors are not int8');
  }
  const embScale = tensor(model, 'embScale');
  const subEmb = model.subwords ? model.tensors.get('subEmb')?.data : undefined;
  if (model.subwords && !(subEmb instanceof Int8Array)) {
    throw new NerModelError('ner_model_invalid', 'createNeuralTagger: subword vectors are not int8');
  }
  const subScale = model.subwords ? tensor(model, 'subScale') : new Float32Array(0);
  const semb = tensor(model, 'semb.weight');
  const outW = tensor(model, 'out.weight');
  const outB = tensor(model, 'out.bias');
  const trans = tensor(model, 'trans');
  const start = tensor(model, 'start');
  const end = tensor(model, 'end');
  if (model.lexicon && !options.lexicon) {
    throw new NerModelError(
      'ner_model_invalid',
      'createNeuralTagger: the model needs the lexicon it was trained with',
    );
  }
  const lexicon = model.lexicon ? compileLexicon(options.lexicon) : compileLexicon({});
  const cpemb = model.lexicon ? tensor(model, 'cpemb.weight') : new Float32Array(0);
  const lexW = model.lexicon ? tensor(model, 'lexlin.weight') : new Float32Array(0);
  const lexB = model.lexicon ? tensor(model, 'lexlin.bias') : new Float32Array(0);
  const cacheSize = options.cacheSize ?? NEURAL_TAGGER_DEFAULTS.cacheSize;
  const charFeatures = createCharFeatures(model);

  // The weights in the kernels' memory, transposed: row k of the input projection holds input k's weight
  // for all 2 × 4H outputs (both directions), row k of a recurrence its weight for the 4H gates.
  const kernels = createNeuralKernels();
  const wIn = kernels.allocate(inputs * 2 * G);
  const biasIn = kernels.allocate(2 * G);
  const whh = [kernels.allocate(H * G), kernels.allocate(H * G)];
  const wOut = kernels.allocate(2 * H * tagsPadded);
  const biasOut = kernels.allocate(tagsPadded);
  const x = kernels.allocate(inputs);
  const delta = kernels.allocate(LEXICON_UNITS);
  const projected = kernels.allocate(2 * G);
  const zeros = kernels.allocate(2 * G);
  const gates = kernels.allocate(G);
  const cell = kernels.allocate(H);
  // Viterbi's transitions and two score rows as doubles (two floats each).
  const transitions = kernels.allocate(2 * nTags * tagsEven);
  const scores = kernels.allocate(2 * tagsEven);
  const nextScores = kernels.allocate(2 * tagsEven);
  const sentence = kernels.allocate(0);
  {
    const m = kernels.f32();
    ['', '_reverse'].forEach((s, d) => {
      const wih = tensor(model, `lstm.weight_ih_l0${s}`);
      const hh = tensor(model, `lstm.weight_hh_l0${s}`);
      const bih = tensor(model, `lstm.bias_ih_l0${s}`);
      const bhh = tensor(model, `lstm.bias_hh_l0${s}`);
      for (let j = 0; j < G; j++) {
        m[biasIn + d * G + j] = bih[j]! + bhh[j]!;
        for (let k = 0; k < inputs; k++) m[wIn + k * 2 * G + d * G + j] = wih[j * inputs + k]!;
        for (let k = 0; k < H; k++) m[whh[d]! + k * G + j] = hh[j * H + k]!;
      }
    });
    const doubles = kernels.f64();
    for (let i = 0; i < nTags; i++) {
      for (let j = 0; j < nTags; j++) doubles[transitions / 2 + i * tagsEven + j] = trans[i * nTags + j]!;
    }
    for (let j = 0; j < nTags; j++) {
      m[biasOut + j] = outB[j]!;
      for (let k = 0; k < 2 * H; k++) m[wOut + k * tagsPadded + j] = outW[j * 2 * H + k]!;
    }
  }

  const lexiconUnits = (gazetteer: number, prefix: number, out: Float32Array, at: number): void => {
    for (let u = 0; u < LEXICON_UNITS; u++) {
      let s = lexB[u]!;
      for (let b = 0; b < GAZETTEER_BITS; b++) {
        if ((gazetteer >>> b) & 1) s += lexW[u * 40 + b]!;
      }
      for (let b = 0; b < PREFIX_BITS; b++) {
        if ((prefix >>> b) & 1) s += lexW[u * 40 + GAZETTEER_BITS + b]!;
      }
      out[at + u] = s > 0 ? s : 0;
    }
  };

  // Input projection of a word form for both directions (2 × 4H), biases included, gazetteer code 0.
  const cache = new Map<string, Form>();
  const one = createPreparedSentence(1);
  const formOf = (token: string): Form => {
    const hit = cache.get(token);
    if (hit) return hit;
    // The case profile and gazetteer prefix depend on the word form alone, as prepareSentence computes them.
    prepareToken(token, lexicon, one, 0);
    const caseBucket = model.lexicon ? one.caseProfile[0]! : 0;
    const prefix = model.lexicon ? one.gazetteerPrefix[0]! : 0;
    const m = kernels.f32();
    const id = lookupNeuralWord(model, token);
    if (id === undefined && model.subwords && subEmb) {
      // A word outside the vocabulary: the mean of its hashed n-gram rows, as in training.
      const rows = subwordBuckets(token, model.subwords);
      const sum = new Float64Array(D);
      for (const r of rows) {
        const scale = subScale[r]! / rows.length;
        for (let k = 0; k < D; k++) sum[k] = sum[k]! + subEmb[r * D + k]! * scale;
      }
      m.set(sum, x);
    } else {
      const row = id ?? 1;
      const scale = embScale[row]!;
      for (let k = 0; k < D; k++) m[x + k] = emb[row * D + k]! * scale;
    }
    charFeatures(token, m, x + D);
    const casing = casingClass(token);
    for (let e = 0; e < CASING_DIM; e++) m[x + D + CHAR_FILTERS + e] = semb[casing * CASING_DIM + e]!;
    if (model.lexicon) {
      for (let e = 0; e < CASING_DIM; e++)
        m[x + D + CHAR_FILTERS + CASING_DIM + e] = cpemb[caseBucket * CASING_DIM + e]!;
      lexiconUnits(0, prefix, m, x + lexCol);
    }
    kernels.affine(projected, biasIn, wIn, x, 1, inputs, 2 * G);
    const form = { projection: m.slice(projected, projected + 2 * G), hLower: one.hLower[0]!, prefix };
    if (cache.size >= cacheSize) cache.clear();
    cache.set(token, form);
    return form;
  };

  let capacity = 0;
  let hLower = new Int32Array(0);
  let codes = new Int32Array(0);
  let prefixes = new Int32Array(0);
  // The gazetteer code's share of the input projection: the lexicon units with the code, less those
  // without it, through their columns of the projection; few (code, prefix) pairs occur, so they are kept.
  const shares = new Map<number, Float32Array>();
  const withGazetteer = new Float32Array(LEXICON_UNITS);
  const withoutGazetteer = new Float32Array(LEXICON_UNITS);
  const gazetteerShare = (code: number, prefix: number): Float32Array => {
    const key = code * 256 + prefix;
    const known = shares.get(key);
    if (known) return known;
    lexiconUnits(code, prefix, withGazetteer, 0);
    lexiconUnits(0, prefix, withoutGazetteer, 0);
    const m = kernels.f32();
    for (let u = 0; u < LEXICON_UNITS; u++) m[delta + u] = withGazetteer[u]! - withoutGazetteer[u]!;
    kernels.affine(projected, zeros, wIn + lexCol * 2 * G, delta, 1, LEXICON_UNITS, 2 * G);
    const share = m.slice(projected, projected + 2 * G);
    if (shares.size >= cacheSize) shares.clear();
    shares.set(key, share);
    return share;
  };
  const tagSentence = (tokens: readonly string[]): string[] => {
    const n = tokens.length;
    if (n === 0) return [];
    if (n > capacity) {
      capacity = Math.max(n, NEURAL_TAGGER_DEFAULTS.sentenceTokens, 2 * capacity);
      kernels.reserve(sentence, capacity * (2 * G + 2 * H + tagsPadded + 2 * tagsEven));
      hLower = new Int32Array(capacity);
      codes = new Int32Array(capacity);
      prefixes = new Int32Array(capacity);
    }
    const proj = sentence;
    const hidden = proj + n * 2 * G;
    const emissions = hidden + n * 2 * H;
    const back = emissions + n * tagsPadded;
    for (let t = 0; t < n; t++) {
      const form = formOf(tokens[t]!);
      kernels.f32().set(form.projection, proj + t * 2 * G);
      hLower[t] = form.hLower;
      prefixes[t] = form.prefix;
    }
    if (model.lexicon && lexicon.gazetteer) {
      codes.fill(0, 0, n);
      matchGazetteer(hLower, lexicon.gazetteer, codes, n);
      const m = kernels.f32();
      for (let t = 0; t < n; t++) {
        if (codes[t] === 0) continue;
        const share = gazetteerShare(codes[t]!, prefixes[t]!);
        const at = proj + t * 2 * G;
        for (let j = 0; j < 2 * G; j++) m[at + j] = m[at + j]! + share[j]!;
      }
    }
    for (let d = 0; d < 2; d++) kernels.lstm(proj, whh[d]!, hidden, gates, cell, n, H, d);
    kernels.affine(emissions, biasOut, wOut, hidden, n, 2 * H, tagsPadded);
    return viterbi(emissions, back, n);
  };

  // Viterbi over the CRF's transitions (the kernel from token 1 on), to IOB2 tags (the model's BIOES tags
  // mapped once).
  const iob2 = model.tags.map((tag) =>
    tag === 'O' ? 'O' : (tag[0] === 'B' || tag[0] === 'S' ? 'B-' : 'I-') + tag.slice(2),
  );
  const viterbi = (emissions: number, back: number, n: number): string[] => {
    const m = kernels.f32();
    const doubles = kernels.f64();
    for (let j = 0; j < nTags; j++) doubles[scores / 2 + j] = start[j]! + m[emissions + j]!;
    const last =
      kernels.viterbi(emissions, tagsPadded, transitions, back, scores, nextScores, n, nTags, tagsEven) / 2;
    let y = 0;
    for (let j = 1; j < nTags; j++) if (doubles[last + j]! + end[j]! > doubles[last + y]! + end[y]!) y = j;
    const out = new Array<string>(n);
    for (let t = n - 1; t >= 0; t--) {
      out[t] = iob2[y]!;
      if (t > 0) y = doubles[back / 2 + t * tagsEven + y]!;
    }
    return out;
  };

  return {
    tag: tagSentence,
    tagDocument: (sentences) => sentences.map(tagSentence),
    isCommonWord: (word) => options.words.isCommonWord(word),
    isDictionaryNoun: (word) => options.words.isDictionaryNoun(word),
  };
}
