// The neural tagger's WebAssembly kernels: the committed bytes are what the committed source builds to, and
// their arithmetic matches plain float64 loops closely enough (the tagger tests compare tags).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWat, wasmModuleSource } from '../../../scripts/compile-wat.js';
import { createNeuralKernels } from '../../../src/entities/ner/create-neural-kernels.js';
import { NEURAL_KERNELS_WASM } from '../../../src/entities/ner/neural-kernels-wasm.js';
import { seededRandom } from '../../../src/entities/ner/seeded-random.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('neural tagger kernels', () => {
  it('the committed wasm is a fresh build of neural-kernels.wat (npm run build:wasm)', async () => {
    const bytes = await compileWat(here('../../../src/entities/ner/neural-kernels.wat'));
    expect(Buffer.from(NEURAL_KERNELS_WASM, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(wasmModuleSource('X', bytes, 'a.wat')).toContain(`'${Buffer.from(bytes).toString('base64')}'`);
  });

  it('affine gives bias + x W for each row, as a float64 loop does to float32 precision', () => {
    const kernels = createNeuralKernels();
    const [rows, K, N] = [3, 37, 24];
    const random = seededRandom(7);
    const w = kernels.allocate(K * N);
    const bias = kernels.allocate(N);
    const x = kernels.allocate(rows * K);
    const out = kernels.allocate(rows * N);
    const m = kernels.f32();
    for (let i = 0; i < K * N; i++) m[w + i] = random() * 2 - 1;
    for (let i = 0; i < N; i++) m[bias + i] = random();
    // Some inputs zero: the kernel skips them.
    for (let i = 0; i < rows * K; i++) m[x + i] = random() < 0.3 ? 0 : random() * 4 - 2;
    kernels.affine(out, bias, w, x, rows, K, N);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < N; j++) {
        let want = m[bias + j]!;
        for (let k = 0; k < K; k++) want += m[x + r * K + k]! * m[w + k * N + j]!;
        expect(Math.abs(m[out + r * N + j]! - want)).toBeLessThan(1e-5);
      }
    }
  });

  it("an LSTM step's sigmoid and tanh are within 1e-6 of Math's, also far out (±60)", () => {
    const kernels = createNeuralKernels();
    const H = 4;
    const values = [-60, -20, -5.5, -1, -0.3, -1e-4, 0, 2e-5, 0.25, 0.9, 3, 8.5, 17, 60];
    const proj = kernels.allocate(2 * 4 * H);
    const hidden = kernels.allocate(2 * H);
    const gates = kernels.allocate(4 * H);
    const cell = kernels.allocate(H);
    const whh = kernels.allocate(H * 4 * H);
    for (const a of values) {
      for (const b of values) {
        const m = kernels.f32();
        // One token, direction 0: gates i = a, f = b, g = b, o = a in every unit (no previous state).
        for (let k = 0; k < H; k++) [a, b, b, a].forEach((v, gate) => (m[proj + gate * H + k] = v));
        kernels.lstm(proj, whh, hidden, gates, cell, 1, H, 0);
        const c = Math.fround(sigmoid(Math.fround(a))) * Math.tanh(Math.fround(b));
        expect(Math.abs(m[cell]! - c)).toBeLessThan(1e-6);
        expect(Math.abs(m[hidden]! - Math.fround(sigmoid(Math.fround(a))) * Math.tanh(c))).toBeLessThan(1e-6);
      }
    }
  });
});
