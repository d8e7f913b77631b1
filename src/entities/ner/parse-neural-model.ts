// Reads a BiLSTM-CRF model file written by scripts/export-ner-neural.py: gzip of the magic "NGNEUR01", a
// uint32 header length, a JSON header (tags, vocabulary, sizes, tensor table) and little-endian tensors.
// Checks every tensor's shape against the header's sizes, so a truncated or foreign file fails clearly.
// Optional (files written before them keep working): `fallback` (German endings tried before <unk>) and
// `subwords`, a hashed character n-gram table (int8 rows `subEmb`, float32 scales `subScale`) that gives a
// word outside the vocabulary a vector.

import { gunzipSync } from 'node:zlib';
import { NerModelError } from './ner-model-error.js';
import type { SubwordTableShape } from './subword-buckets.js';

export const NEURAL_MODEL_MAGIC = 'NGNEUR01';

/** Weights of a BiLSTM-CRF tagger: word, character-CNN, casing and lexicon inputs, one BiLSTM layer, a CRF. */
export interface NeuralModel {
  lang: string;
  /** BIOES tags; index 0 is `O`. */
  tags: string[];
  words: Map<string, number>;
  chars: Map<string, number>;
  lowercaseWords: boolean;
  hidden: number;
  wordDim: number;
  maxChars: number;
  /** Whether the model takes the case-profile bucket and gazetteer codes of the perceptron's lexicon. */
  lexicon: boolean;
  /** Whether a word without a vector tries its form without a German ending (lookupNeuralWord). */
  fallback: boolean;
  /** The hashed n-gram table's sizes when the file has one (tensors `subEmb`, `subScale`). */
  subwords?: SubwordTableShape;
  tensors: Map<string, { shape: number[]; data: Float32Array | Int8Array }>;
}

interface Header {
  lang: string;
  tags: string[];
  words: string[];
  chars: string[];
  hidden: number;
  wordDim: number;
  maxChars: number;
  lowercaseWords: boolean;
  clusters: boolean;
  lexicon: boolean;
  fallback?: boolean;
  subwords?: SubwordTableShape;
  tensors: Record<string, { shape: number[]; dtype: 'f32' | 'i8'; offset: number }>;
}

function invalid(reason: string, cause?: unknown): NerModelError {
  return new NerModelError('ner_model_invalid', `parseNeuralModel: ${reason}`, { cause });
}

/** Expected shapes, by tensor name, of a model with `h` hidden units per direction. */
function expectedShapes(header: Header): Record<string, number[]> {
  const { hidden: h, wordDim, words, chars, tags } = header;
  const inputs = wordDim + 50 + 8 + (header.lexicon ? 24 : 0);
  const shapes: Record<string, number[]> = {
    emb: [words.length, wordDim],
    embScale: [words.length],
    'cemb.weight': [chars.length, 30],
    'conv.weight': [50, 30, 3],
    'conv.bias': [50],
    'semb.weight': [9, 8],
    'out.weight': [tags.length, 2 * h],
    'out.bias': [tags.length],
    trans: [tags.length, tags.length],
    start: [tags.length],
    end: [tags.length],
  };
  if (header.lexicon) {
    shapes['cpemb.weight'] = [8, 8];
    shapes['lexlin.weight'] = [16, 40];
    shapes['lexlin.bias'] = [16];
  }
  if (header.subwords) {
    shapes.subEmb = [header.subwords.buckets, wordDim];
    shapes.subScale = [header.subwords.buckets];
  }
  for (const suffix of ['', '_reverse']) {
    shapes[`lstm.weight_ih_l0${suffix}`] = [4 * h, inputs];
    shapes[`lstm.weight_hh_l0${suffix}`] = [4 * h, h];
    shapes[`lstm.bias_ih_l0${suffix}`] = [4 * h];
    shapes[`lstm.bias_hh_l0${suffix}`] = [4 * h];
  }
  return shapes;
}

/** Parses a gzipped neural model; throws `NerModelError` (`ner_model_invalid`) if it is not a valid one. */
export function parseNeuralModel(gz: Uint8Array): NeuralModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (cause) {
    throw invalid('not a gzipped neural NER model', cause);
  }
  if (raw.subarray(0, 8).toString('latin1') !== NEURAL_MODEL_MAGIC) {
    throw invalid('bad magic, not a newsgraph neural NER model');
  }
  if (raw.length < 12) throw invalid('file ends inside the header');
  const headerLength = raw.readUInt32LE(8);
  if (12 + headerLength > raw.length) throw invalid('file ends inside the header');
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(12, 12 + headerLength).toString('utf8')) as Header;
  } catch (cause) {
    throw invalid('header is not JSON', cause);
  }
  if (header.clusters) throw invalid('models with word-cluster inputs are not supported');
  const sub = header.subwords;
  if (
    sub &&
    (![sub.buckets, sub.minn, sub.maxn].every((n) => Number.isInteger(n) && n > 0) || sub.minn > sub.maxn)
  ) {
    throw invalid('subwords needs positive integers buckets, minn and maxn with minn <= maxn');
  }
  const base = 12 + headerLength + ((4 - ((12 + headerLength) % 4)) % 4);
  const tensors = new Map<string, { shape: number[]; data: Float32Array | Int8Array }>();
  for (const [name, shape] of Object.entries(expectedShapes(header))) {
    const entry = header.tensors[name];
    if (!entry) throw invalid(`tensor ${name} is missing`);
    if (entry.shape.join('x') !== shape.join('x')) {
      throw invalid(`tensor ${name} has shape ${entry.shape.join('x')}, expected ${shape.join('x')}`);
    }
    const count = shape.reduce((n, d) => n * d, 1);
    const start = base + entry.offset;
    const bytes = count * (entry.dtype === 'i8' ? 1 : 4);
    if (start + bytes > raw.length) throw invalid(`file ends inside tensor ${name}`);
    // Copied out so the typed arrays are aligned whatever the buffer's offset in Node's pool.
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(start, start + bytes));
    const data = entry.dtype === 'i8' ? new Int8Array(copy.buffer) : new Float32Array(copy.buffer);
    tensors.set(name, { shape, data });
  }
  return {
    lang: header.lang,
    tags: header.tags,
    words: new Map(header.words.map((w, i) => [w, i])),
    chars: new Map(header.chars.map((c, i) => [c, i])),
    lowercaseWords: header.lowercaseWords,
    hidden: header.hidden,
    wordDim: header.wordDim,
    maxChars: header.maxChars,
    lexicon: header.lexicon,
    fallback: header.fallback === true,
    ...(sub ? { subwords: { buckets: sub.buckets, minn: sub.minn, maxn: sub.maxn } } : {}),
    tensors,
  };
}
