import type * as tfCore from "@tensorflow/tfjs-core";
import type { RandomStream } from "../random/random-stream.js";
import type { MaskedNetwork } from "./masked-network.js";

/** Training rows: `features` has `inputs` columns; row `rows[k]` is labelled at output `target[k]`. */
export interface MaskedTrainingSet {
  readonly features: Float32Array;
  readonly inputs: number;
  readonly outputs: number;
  readonly rows: Int32Array;
  readonly target: Int32Array;
  readonly label: Uint8Array;
}

export interface TrainOptions {
  readonly hidden: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Starting output biases (log-odds), e.g. each output's base rate. */
  readonly outputBias: Float64Array;
  /** The inputs' standardisation; default: the training rows' (networks to be averaged share one). */
  readonly standardisation?: Standardisation;
}

/** Per input, the mean subtracted and the scale (1 / standard deviation) applied. */
export interface Standardisation {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

export interface TrainedNetwork {
  readonly network: MaskedNetwork;
  /** Mean binary cross-entropy per epoch, over that epoch's minibatches. */
  readonly lossPerEpoch: number[];
}

/**
 * Fits a MaskedNetwork with tfjs-core: masked binary cross-entropy (each row trains only the
 * output of its logged arm), Adam, shuffled minibatches. Initial weights (Glorot uniform) and
 * the shuffles come from `random`, so a seed gives the same network.
 */
export function trainMaskedNetwork(tf: typeof tfCore, data: MaskedTrainingSet, options: TrainOptions, random: RandomStream): TrainedNetwork {
  const { inputs, outputs } = data;
  const { hidden, batchSize } = options;
  const count = data.rows.length;
  const { mean, scale } = options.standardisation ?? standardisation(data);
  const x = new Float32Array(count * inputs);
  for (let k = 0; k < count; k++) {
    const base = data.rows[k] * inputs;
    for (let j = 0; j < inputs; j++) x[k * inputs + j] = (data.features[base + j] - mean[j]) * scale[j];
  }
  const w1 = tf.variable(tf.tensor2d(glorot(random, inputs, hidden), [inputs, hidden]));
  const b1 = tf.variable(tf.zeros([hidden]));
  const w2 = tf.variable(tf.tensor2d(glorot(random, hidden, outputs), [hidden, outputs]));
  const b2 = tf.variable(tf.tensor1d(Float32Array.from(options.outputBias)));
  const optimizer = tf.train.adam(options.learningRate);
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const batchX = new Float32Array(batchSize * inputs);
  const batchTarget = new Int32Array(batchSize);
  const batchLabel = new Float32Array(batchSize);
  const lossPerEpoch: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    let lossSum = 0;
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      for (let k = 0; k < size; k++) {
        const row = order[start + k];
        batchX.set(x.subarray(row * inputs, (row + 1) * inputs), k * inputs);
        batchTarget[k] = data.target[row];
        batchLabel[k] = data.label[row];
      }
      const loss = tf.tidy(() => {
        const input = tf.tensor2d(batchX.subarray(0, size * inputs), [size, inputs]);
        const mask = tf.oneHot(tf.tensor1d(batchTarget.subarray(0, size), "int32"), outputs);
        const y = tf.tensor1d(batchLabel.subarray(0, size));
        const cost = optimizer.minimize(() => {
          // Only the logged arm's output is scored (a one-hot mask; tf.gather's gradient has no wasm kernel).
          const logits = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(input, w1), b1)), w2), b2);
          const z = tf.sum(tf.mul(logits, mask), 1);
          // Stable log loss of sigmoid(z): max(z, 0) - z y + log(1 + exp(-|z|)).
          return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))))) as tfCore.Scalar;
        }, true);
        return cost!.dataSync()[0];
      });
      lossSum += loss * size;
    }
    lossPerEpoch.push(lossSum / Math.max(1, count));
  }
  const network: MaskedNetwork = {
    inputs,
    hidden,
    outputs,
    mean,
    scale,
    w1: Float64Array.from(w1.dataSync()),
    b1: Float64Array.from(b1.dataSync()),
    w2: Float64Array.from(w2.dataSync()),
    b2: Float64Array.from(b2.dataSync()),
  };
  optimizer.dispose();
  for (const variable of [w1, b1, w2, b2]) variable.dispose();
  return { network, lossPerEpoch };
}

/** Per input, the training rows' mean and 1 / standard deviation (1 for a constant input). */
export function standardisation(data: MaskedTrainingSet): Standardisation {
  const { inputs, rows, features } = data;
  const mean = new Float64Array(inputs);
  const square = new Float64Array(inputs);
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * inputs;
    for (let j = 0; j < inputs; j++) {
      mean[j] += features[base + j];
      square[j] += features[base + j] * features[base + j];
    }
  }
  const scale = new Float64Array(inputs);
  for (let j = 0; j < inputs; j++) {
    mean[j] /= Math.max(1, rows.length);
    const sd = Math.sqrt(Math.max(0, square[j] / Math.max(1, rows.length) - mean[j] * mean[j]));
    if (sd < 1e-6) mean[j] = 0;
    scale[j] = sd < 1e-6 ? 1 : 1 / sd;
  }
  return { mean, scale };
}

function glorot(random: RandomStream, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const weights = new Float32Array(fanIn * fanOut);
  for (let k = 0; k < weights.length; k++) weights[k] = (2 * random.next() - 1) * limit;
  return weights;
}

function shuffle(order: Int32Array, random: RandomStream): void {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random.next() * (k + 1));
    const swap = order[k];
    order[k] = order[j];
    order[j] = swap;
  }
}
