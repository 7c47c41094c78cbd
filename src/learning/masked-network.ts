/**
 * A one-hidden-layer network, inputs -> hidden (relu) -> one sigmoid output per arm, as plain
 * data (what `prepare` returns and crosses the worker boundary). Inputs are standardised with
 * the training rows' mean and scale. Scoring is plain typed-array code: a tfjs call per
 * decision would cost more than the whole forward pass.
 */
export interface MaskedNetwork {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  /** inputs x hidden, row-major. */
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  /** hidden x outputs, row-major. */
  readonly w2: Float64Array;
  readonly b2: Float64Array;
}

/** Writes the hidden layer of `features[row]` into `hidden` (length network.hidden). */
export function hiddenLayer(network: MaskedNetwork, features: Float32Array, row: number, hidden: Float64Array): void {
  const { inputs, mean, scale, w1, b1 } = network;
  const width = network.hidden;
  hidden.set(b1);
  const base = row * inputs;
  for (let k = 0; k < inputs; k++) {
    const x = (features[base + k] - mean[k]) * scale[k];
    if (x === 0) continue;
    const w = k * width;
    for (let h = 0; h < width; h++) hidden[h] += x * w1[w + h];
  }
  for (let h = 0; h < width; h++) if (hidden[h] < 0) hidden[h] = 0;
}

/** The probability of output `output` given a hidden layer from `hiddenLayer`. */
export function outputProbability(network: MaskedNetwork, hidden: Float64Array, output: number): number {
  const { w2, outputs } = network;
  let z = network.b2[output];
  for (let h = 0; h < network.hidden; h++) z += hidden[h] * w2[h * outputs + output];
  return 1 / (1 + Math.exp(-z));
}
