// The BiLSTM-CRF tagger (NER=neural) as first written: straightforward loops over the model's tensors as
// PyTorch lays them out. Not used by extraction; kept as the specification that createNeuralTagger (the fast
// one) is tested against tag for tag, and benchmarked beside (`npm run bench:ner -- --reference`).

import { compileLexicon } from './compile-lexicon.js';
import { float32Tensor } from './float32-tensor.js';
import type { Tagger } from './create-tagger.js';
import type { NeuralModel } from './parse-neural-model.js';
import { prepareSentence } from './prepare-sentence.js';
import { casingClass } from './casing-class.js';
import { NEURAL_TAGGER_DEFAULTS, type NeuralTaggerOptions } from './create-neural-tagger.js';
import { NerModelError } from './ner-model-error.js';
import { lookupNeuralWord } from './lookup-neural-word.js';
import { subwordBuckets } from './subword-buckets.js';

const CHAR_DIM = 30;
const CHAR_FILTERS = 50;
const CASING_DIM = 8;
const GAZETTEER_BITS = 32;
const PREFIX_BITS = 8;
const LEXICON_UNITS = 16;

const tensor = (model: NeuralModel, name: string): Float32Array =>
  float32Tensor(model, name, 'createReferenceNeuralTagger');

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The straightforward BiLSTM-CRF tagger over `model` (the reference for createNeuralTagger). */
export function createReferenceNeuralTagger(model: NeuralModel, options: NeuralTaggerOptions): Tagger {
  const H = model.hidden;
  const G = 4 * H;
  const D = model.wordDim;
  const nTags = model.tags.length;
  const inputs = D + CHAR_FILTERS + CASING_DIM + (model.lexicon ? CASING_DIM + LEXICON_UNITS : 0);
  const emb = model.tensors.get('emb')?.data;
  if (!(emb instanceof Int8Array)) {
    throw new NerModelError('ner_model_invalid', 'createReferenceNeuralTagger: word vectors are not int8');
  }
  const embScale = tensor(model, 'embScale');
  const subEmb = model.subwords ? model.tensors.get('subEmb')?.data : undefined;
  if (model.subwords && !(subEmb instanceof Int8Array)) {
    throw new NerModelError('ner_model_invalid', 'createReferenceNeuralTagger: subword vectors are not int8');
  }
  const subScale = model.subwords ? tensor(model, 'subScale') : new Float32Array(0);
  const cemb = tensor(model, 'cemb.weight');
  const convW = tensor(model, 'conv.weight');
  const convB = tensor(model, 'conv.bias');
  const semb = tensor(model, 'semb.weight');
  const outW = tensor(model, 'out.weight');
  const outB = tensor(model, 'out.bias');
  const trans = tensor(model, 'trans');
  const start = tensor(model, 'start');
  const end = tensor(model, 'end');
  const dirs = ['', '_reverse'].map((s) => ({
    wih: tensor(model, `lstm.weight_ih_l0${s}`),
    whh: tensor(model, `lstm.weight_hh_l0${s}`),
    bias: tensor(model, `lstm.bias_ih_l0${s}`).map(
      (b, j) => b + (tensor(model, `lstm.bias_hh_l0${s}`)[j] ?? 0),
    ),
  }));
  if (model.lexicon && !options.lexicon) {
    throw new NerModelError(
      'ner_model_invalid',
      'createReferenceNeuralTagger: the model needs the lexicon it was trained with',
    );
  }
  const lexicon = model.lexicon ? compileLexicon(options.lexicon) : compileLexicon({});
  const cpemb = model.lexicon ? tensor(model, 'cpemb.weight') : new Float32Array(0);
  const lexW = model.lexicon ? tensor(model, 'lexlin.weight') : new Float32Array(0);
  const lexB = model.lexicon ? tensor(model, 'lexlin.bias') : new Float32Array(0);
  const lexCol = D + CHAR_FILTERS + 2 * CASING_DIM;
  const cacheSize = options.cacheSize ?? NEURAL_TAGGER_DEFAULTS.cacheSize;

  const lexiconUnits = (gazetteer: number, prefix: number, out: Float32Array): void => {
    for (let u = 0; u < LEXICON_UNITS; u++) {
      let s = lexB[u] ?? 0;
      for (let b = 0; b < GAZETTEER_BITS; b++) {
        if ((gazetteer >>> b) & 1) s += lexW[u * 40 + b] ?? 0;
      }
      for (let b = 0; b < PREFIX_BITS; b++) {
        if ((prefix >>> b) & 1) s += lexW[u * 40 + GAZETTEER_BITS + b] ?? 0;
      }
      out[u] = s > 0 ? s : 0;
    }
  };

  // Input projection of a word form for both directions (2 × 4H), biases included, gazetteer code 0.
  const cache = new Map<string, Float32Array>();
  const x = new Float32Array(inputs);
  const chars = new Int32Array(model.maxChars);
  const charVec = new Float32Array(model.maxChars * CHAR_DIM);
  const formProjection = (token: string, caseBucket: number, prefix: number): Float32Array => {
    const key = `${token}\u0000${caseBucket}\u0000${prefix}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const id = lookupNeuralWord(model, token);
    if (id === undefined && model.subwords && subEmb) {
      // A word outside the vocabulary: the mean of its hashed n-gram rows, as in training.
      const rows = subwordBuckets(token, model.subwords);
      x.fill(0, 0, D);
      for (const r of rows) {
        const scale = (subScale[r] ?? 0) / rows.length;
        for (let k = 0; k < D; k++) x[k] = (x[k] ?? 0) + (subEmb[r * D + k] ?? 0) * scale;
      }
    } else {
      const row = id ?? 1;
      const scale = embScale[row] ?? 0;
      for (let k = 0; k < D; k++) x[k] = (emb[row * D + k] ?? 0) * scale;
    }
    // Characters: code points, the first and last half of a long word.
    let cps = Array.from(token);
    const M = model.maxChars;
    if (cps.length > M) cps = [...cps.slice(0, M / 2), ...cps.slice(cps.length - M / 2)];
    chars.fill(0);
    cps.forEach((c, i) => (chars[i] = model.chars.get(c) ?? 1));
    for (let p = 0; p < M; p++) {
      const c = chars[p] ?? 0;
      for (let e = 0; e < CHAR_DIM; e++) charVec[p * CHAR_DIM + e] = cemb[c * CHAR_DIM + e] ?? 0;
    }
    for (let o = 0; o < CHAR_FILTERS; o++) {
      let best = 0;
      for (let p = 0; p < M; p++) {
        let s = convB[o] ?? 0;
        for (let k = 0; k < 3; k++) {
          const q = p + k - 1;
          if (q < 0 || q >= M) continue;
          for (let e = 0; e < CHAR_DIM; e++)
            s += (convW[(o * CHAR_DIM + e) * 3 + k] ?? 0) * (charVec[q * CHAR_DIM + e] ?? 0);
        }
        if (s > best) best = s;
      }
      x[D + o] = best;
    }
    const casing = casingClass(token);
    for (let e = 0; e < CASING_DIM; e++) x[D + CHAR_FILTERS + e] = semb[casing * CASING_DIM + e] ?? 0;
    if (model.lexicon) {
      for (let e = 0; e < CASING_DIM; e++)
        x[D + CHAR_FILTERS + CASING_DIM + e] = cpemb[caseBucket * CASING_DIM + e] ?? 0;
      lexiconUnits(0, prefix, x.subarray(lexCol));
    }
    const out = new Float32Array(2 * G);
    dirs.forEach(({ wih, bias }, d) => {
      for (let j = 0; j < G; j++) {
        let s = bias[j] ?? 0;
        const r = j * inputs;
        for (let k = 0; k < inputs; k++) s += (wih[r + k] ?? 0) * (x[k] ?? 0);
        out[d * G + j] = s;
      }
    });
    if (cache.size >= cacheSize) cache.clear();
    cache.set(key, out);
    return out;
  };

  // One direction of the LSTM (PyTorch's gate order i, f, g, o) over the projected inputs of a sentence.
  const gates = new Float32Array(G);
  const h = new Float32Array(H);
  const c = new Float32Array(H);
  const runDirection = (
    whh: Float32Array,
    proj: Float32Array,
    hidden: Float32Array,
    n: number,
    d: number,
  ): void => {
    h.fill(0);
    c.fill(0);
    for (let step = 0; step < n; step++) {
      const t = d === 0 ? step : n - 1 - step;
      const base = t * 2 * G + d * G;
      for (let j = 0; j < G; j++) {
        let s = proj[base + j]!;
        const r = j * H;
        for (let k = 0; k < H; k++) s += whh[r + k]! * h[k]!;
        gates[j] = s;
      }
      for (let k = 0; k < H; k++) {
        const cell = sigmoid(gates[H + k]!) * c[k]! + sigmoid(gates[k]!) * Math.tanh(gates[2 * H + k]!);
        c[k] = cell;
        h[k] = sigmoid(gates[3 * H + k]!) * Math.tanh(cell);
      }
      hidden.set(h, t * 2 * H + d * H);
    }
  };

  const withGazetteer = new Float32Array(LEXICON_UNITS);
  const withoutGazetteer = new Float32Array(LEXICON_UNITS);
  const tagSentence = (tokens: readonly string[]): string[] => {
    const n = tokens.length;
    if (n === 0) return [];
    const prepared = prepareSentence(tokens, lexicon);
    const proj = new Float32Array(n * 2 * G);
    for (let t = 0; t < n; t++) {
      const cp = model.lexicon ? (prepared.caseProfile[t] ?? 0) : 0;
      const gp = model.lexicon ? (prepared.gazetteerPrefix[t] ?? 0) : 0;
      proj.set(formProjection(tokens[t] ?? '', cp, gp), t * 2 * G);
      const gz = model.lexicon ? (prepared.gazetteer[t] ?? 0) : 0;
      if (gz === 0) continue;
      lexiconUnits(gz, gp, withGazetteer);
      lexiconUnits(0, gp, withoutGazetteer);
      dirs.forEach(({ wih }, d) => {
        for (let j = 0; j < G; j++) {
          let s = 0;
          for (let u = 0; u < LEXICON_UNITS; u++) {
            s += (wih[j * inputs + lexCol + u] ?? 0) * ((withGazetteer[u] ?? 0) - (withoutGazetteer[u] ?? 0));
          }
          proj[t * 2 * G + d * G + j] = (proj[t * 2 * G + d * G + j] ?? 0) + s;
        }
      });
    }
    const hidden = new Float32Array(n * 2 * H);
    for (let d = 0; d < 2; d++) runDirection(dirs[d]!.whh, proj, hidden, n, d);
    // Emissions, then Viterbi over the CRF's transitions.
    const emissions = new Float32Array(n * nTags);
    for (let t = 0; t < n; t++) {
      for (let j = 0; j < nTags; j++) {
        let s = outB[j]!;
        const r = j * 2 * H;
        const at = t * 2 * H;
        for (let k = 0; k < 2 * H; k++) s += outW[r + k]! * hidden[at + k]!;
        emissions[t * nTags + j] = s;
      }
    }
    const back = new Int32Array(n * nTags);
    let v = new Float64Array(nTags);
    let next = new Float64Array(nTags);
    for (let j = 0; j < nTags; j++) v[j] = start[j]! + emissions[j]!;
    for (let t = 1; t < n; t++) {
      for (let j = 0; j < nTags; j++) {
        let best = -Infinity;
        let arg = 0;
        for (let i = 0; i < nTags; i++) {
          const s = v[i]! + trans[i * nTags + j]!;
          if (s > best) {
            best = s;
            arg = i;
          }
        }
        next[j] = best + emissions[t * nTags + j]!;
        back[t * nTags + j] = arg;
      }
      [v, next] = [next, v];
    }
    let y = 0;
    for (let j = 1; j < nTags; j++) if ((v[j] ?? 0) + (end[j] ?? 0) > (v[y] ?? 0) + (end[y] ?? 0)) y = j;
    const out = new Array<string>(n);
    for (let t = n - 1; t >= 0; t--) {
      const tag = model.tags[y] ?? 'O';
      out[t] = tag === 'O' ? 'O' : (tag[0] === 'B' || tag[0] === 'S' ? 'B-' : 'I-') + tag.slice(2);
      if (t > 0) y = back[t * nTags + y] ?? 0;
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
