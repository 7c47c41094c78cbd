import type { RandomStream } from "../random/random-stream.js";

/**
 * A small fully connected network as plain typed arrays: ReLU hidden layers, a linear output.
 * `weights[l]` is row-major `sizes[l] x sizes[l + 1]` (input-major, as TensorFlow.js's matMul
 * takes it), `biases[l]` has `sizes[l + 1]` entries.
 */
export interface MlpWeights {
  readonly sizes: readonly number[];
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
}

/** He-uniform weights and zero biases, drawn from the seeded `random` stream. */
export function initialMlpWeights(sizes: readonly number[], random: RandomStream): MlpWeights {
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const limit = Math.sqrt(6 / fanIn) * (l + 2 === sizes.length ? 0.1 : 1);
    const w = new Float64Array(fanIn * sizes[l + 1]);
    for (let k = 0; k < w.length; k++) w[k] = (2 * random.next() - 1) * limit;
    weights.push(w);
    biases.push(new Float64Array(sizes[l + 1]));
  }
  return { sizes, weights, biases };
}

/** Scratch for `mlpForward`: one buffer per layer. */
export function mlpScratch(sizes: readonly number[]): Float64Array[] {
  return sizes.map((size) => new Float64Array(size));
}

/**
 * Forward pass of one input row `input[offset .. offset + sizes[0])`; returns the output layer
 * (a view into `scratch`, overwritten by the next call). No allocation.
 */
export function mlpForward(net: MlpWeights, input: ArrayLike<number>, offset: number, scratch: Float64Array[]): Float64Array {
  const { sizes, weights, biases } = net;
  const first = scratch[0];
  for (let k = 0; k < sizes[0]; k++) first[k] = input[offset + k];
  const last = sizes.length - 1;
  for (let l = 0; l < last; l++) denseLayer(scratch[l], sizes[l], weights[l], biases[l], scratch[l + 1], sizes[l + 1], l + 1 < last);
  return scratch[last];
}

/** to = from . w + b, ReLU when `relu`; zero inputs (one-hot features) are skipped. */
function denseLayer(from: Float64Array, inputs: number, w: Float64Array, b: Float64Array, to: Float64Array, outputs: number, relu: boolean): void {
  for (let j = 0; j < outputs; j++) to[j] = b[j];
  for (let i = 0; i < inputs; i++) {
    const x = from[i];
    if (x === 0) continue;
    const row = i * outputs;
    for (let j = 0; j < outputs; j++) to[j] += x * w[row + j];
  }
  if (relu) for (let j = 0; j < outputs; j++) if (to[j] < 0) to[j] = 0;
}

/** The eligible action with the largest value (ties: the lowest index); action 0 always counts. */
export function maskedArgmax(values: Float64Array, eligible: Uint8Array, offset: number): number {
  let best = 0;
  let bestValue = values[0];
  for (let a = 1; a < values.length; a++) {
    if (eligible[offset + a] === 0) continue;
    if (values[a] > bestValue) {
      bestValue = values[a];
      best = a;
    }
  }
  return best;
}
