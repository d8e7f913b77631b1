// Instantiates the neural tagger's WebAssembly SIMD kernels (neural-kernels.wat, built into
// neural-kernels-wasm.ts) with a memory of their own, and hands out float32 regions of it by offset. The
// tagger places the weights first and its per-sentence buffers after them, growing the memory for long
// sentences; a view taken before a growth is stale, so callers read `f32()` again after `reserve`.
import { NEURAL_KERNELS_WASM } from './neural-kernels-wasm.js';

const PAGE = 65_536;

export interface NeuralKernels {
  /** out[r] = bias + x[r] W for `rows` rows; W has K rows of N floats (N a multiple of 4). Offsets in floats. */
  affine(out: number, bias: number, w: number, x: number, rows: number, K: number, N: number): void;
  /** One LSTM direction over n tokens (see neural-kernels.wat). Offsets in floats. */
  lstm(
    proj: number,
    whh: number,
    hidden: number,
    gates: number,
    cell: number,
    n: number,
    H: number,
    dir: number,
  ): void;
  /**
   * Viterbi from token 1 on (see neural-kernels.wat); `v`, `next`, `trans` and `back` hold float64 and are
   * given, like the rest, as float offsets (even). Returns the float offset of the last token's scores.
   */
  viterbi(
    em: number,
    E: number,
    trans: number,
    back: number,
    v: number,
    next: number,
    n: number,
    T: number,
    Tp: number,
  ): number;
  /** Float offset of a new region of `floats` floats, aligned to 16 bytes. */
  allocate(floats: number): number;
  /** Makes the memory hold `floats` floats from `offset`. */
  reserve(offset: number, floats: number): void;
  /** The memory as floats (a new view after a growth). */
  f32(): Float32Array;
  /** The memory as doubles, at half the float offsets. */
  f64(): Float64Array;
}

interface Exports {
  memory: WebAssembly.Memory;
  affine: (...args: number[]) => void;
  lstm: (...args: number[]) => void;
  viterbi: (...args: number[]) => number;
}

/** A new instance of the kernels, with an empty memory. */
export function createNeuralKernels(): NeuralKernels {
  const bytes = Buffer.from(NEURAL_KERNELS_WASM, 'base64');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const { memory, affine, lstm, viterbi } = instance.exports as unknown as Exports;
  let view = new Float32Array(memory.buffer);
  let doubles = new Float64Array(memory.buffer);
  let top = 0;
  const reserve = (offset: number, floats: number): void => {
    const bytesNeeded = (offset + floats) * 4;
    if (bytesNeeded <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((bytesNeeded - memory.buffer.byteLength) / PAGE));
    view = new Float32Array(memory.buffer);
    doubles = new Float64Array(memory.buffer);
  };
  return {
    affine: (out, bias, w, x, rows, K, N) => affine(out * 4, bias * 4, w * 4, x * 4, rows, K, N),
    lstm: (proj, whh, hidden, gates, cell, n, H, dir) =>
      lstm(proj * 4, whh * 4, hidden * 4, gates * 4, cell * 4, n, H, dir),
    viterbi: (em, E, trans, back, v, next, n, T, Tp) =>
      viterbi(em * 4, E, trans * 4, back * 4, v * 4, next * 4, n, T, Tp) / 4,
    allocate: (floats) => {
      const offset = top;
      top += Math.ceil(floats / 4) * 4;
      reserve(offset, floats);
      return offset;
    },
    reserve,
    f32: () => view,
    f64: () => doubles,
  };
}
