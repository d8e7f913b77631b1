// The neural tagger's character CNN read from its precomputed table gives what the convolution over the
// character embeddings gives, for words shorter than, as long as and longer than the model's window.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CHAR_DIM,
  CHAR_FILTERS,
  createCharFeatures,
} from '../../../src/entities/ner/create-char-features.js';
import { loadNeuralModel } from '../../../src/entities/ner/load-neural-model.js';
import type { NeuralModel } from '../../../src/entities/ner/parse-neural-model.js';
import { seededRandom } from '../../../src/entities/ner/seeded-random.js';

const modelPath = fileURLToPath(new URL('../../../data/models/ner-en-neural.bin.gz', import.meta.url));
const present = existsSync(modelPath);
if (!present) console.log('char-features.test: skipped, data/models/ner-en-neural.bin.gz not found');

/** The convolution written out: zero-padded by one on each side, ReLU, max over the window's positions. */
function convolve(model: NeuralModel, token: string): number[] {
  const cemb = model.tensors.get('cemb.weight')!.data as Float32Array;
  const convW = model.tensors.get('conv.weight')!.data as Float32Array;
  const convB = model.tensors.get('conv.bias')!.data as Float32Array;
  const M = model.maxChars;
  let cps = Array.from(token);
  if (cps.length > M) cps = [...cps.slice(0, M / 2), ...cps.slice(cps.length - M / 2)];
  const ids = Array.from({ length: M }, (_, i) => (i < cps.length ? (model.chars.get(cps[i]!) ?? 1) : 0));
  return Array.from({ length: CHAR_FILTERS }, (_, o) => {
    let best = 0;
    for (let p = 0; p < M; p++) {
      let s = convB[o]!;
      for (let k = 0; k < 3; k++) {
        const q = p + k - 1;
        if (q < 0 || q >= M) continue;
        for (let e = 0; e < CHAR_DIM; e++)
          s += convW[(o * CHAR_DIM + e) * 3 + k]! * cemb[ids[q]! * CHAR_DIM + e]!;
      }
      best = Math.max(best, s);
    }
    return best;
  });
}

/** A small random CNN whose padding character has a vector and whose biases are large, so padding counts. */
function randomModel(maxChars: number): NeuralModel {
  const random = seededRandom(3);
  const chars = ['<pad>', '<unk>', 'a', 'b', 'C'];
  const tensor = (n: number, scale: number, shift = 0) => ({
    shape: [n],
    data: Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale + shift),
  });
  const tensors = new Map([
    ['cemb.weight', tensor(chars.length * CHAR_DIM, 1)],
    ['conv.weight', tensor(CHAR_FILTERS * CHAR_DIM * 3, 0.3)],
    ['conv.bias', tensor(CHAR_FILTERS, 1, 1)],
  ]);
  return { tensors, chars: new Map(chars.map((c, i) => [c, i])), maxChars } as unknown as NeuralModel;
}

describe('character CNN table', () => {
  it('counts the padding positions and the window edges as the convolution does', () => {
    const model = randomModel(6);
    const features = createCharFeatures(model);
    const out = new Float32Array(CHAR_FILTERS);
    for (const word of ['a', 'ab', 'Cba', 'abCb', 'abCba', 'abCbaC', 'abCbaCab', 'z', 'zz']) {
      features(word, out, 0);
      const want = convolve(model, word);
      want.forEach((v, o) => expect(Math.abs(out[o]! - v), `${word} filter ${o}`).toBeLessThan(1e-5));
    }
  });

  it.skipIf(!present)(
    'gives the convolution’s features for short, window-long and longer words',
    async () => {
      const model = await loadNeuralModel(modelPath);
      const features = createCharFeatures(model);
      const M = model.maxChars;
      const words = [
        'a',
        'EU',
        'Merkel',
        '1996',
        '€',
        'x'.repeat(M - 2),
        'Q'.repeat(M - 1),
        'W'.repeat(M),
        'Donaudampfschifffahrtsgesellschaftskapitän',
        '😀ab',
      ];
      const out = new Float32Array(CHAR_FILTERS + 3);
      for (const word of words) {
        features(word, out, 3);
        const want = convolve(model, word);
        want.forEach((v, o) => expect(Math.abs(out[3 + o]! - v), `${word} filter ${o}`).toBeLessThan(1e-5));
      }
    },
  );
});
