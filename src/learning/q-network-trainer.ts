import type * as Tf from "@tensorflow/tfjs-core";
import type { RandomStream } from "../random/random-stream.js";
import type { MlpWeights } from "./mlp.js";
import type { ReplayBuffer } from "./replay-buffer.js";

export interface QTrainerSettings {
  readonly batchSize: number;
  readonly learningRate: number;
  /** Gradient steps between copies of the online network into the target network. */
  readonly targetSyncSteps: number;
  readonly huberDelta: number;
  /**
   * Margin of the demonstration term (in reward units): the demonstrator's action should be
   * valued at least this much above every other eligible action. 0 or absent: no such term.
   */
  readonly demonstrationMargin?: number;
}

/** A trainer's state as plain data, for a checkpoint: both networks, Adam's moments, the step count. */
export interface QTrainerState {
  readonly online: number[];
  readonly target: number[];
  readonly optimizer: { readonly name: string; readonly values: number[]; readonly shape: number[] }[];
  readonly steps: number;
}

/** Masked-out actions get this added before a max, so they never win. */
const INELIGIBLE = -1e9;

/**
 * Double DQN on TensorFlow.js: an online and a target copy of an MLP as tf variables, Huber
 * loss on r + discount x Q_target(s', argmax over eligible a' of Q_online(s', a')), plus, with
 * `marginWeight` > 0, DQfD's large-margin loss toward a demonstrator's actions; Adam. The
 * minibatch is drawn from the replay buffer with the caller's stream; no tf randomness is used.
 * `tf` must come from loadTensorFlowForTraining: tfjs-core alone registers no gradients in Node.
 */
export class QNetworkTrainer {
  /** All weights and biases of a network in one flat variable: one Adam update per step. */
  private readonly online: Tf.Variable;
  private readonly target: Tf.Variable;
  private readonly layout: LayerLayout[];
  private readonly optimizer: Tf.Optimizer;
  private readonly slots: Int32Array;
  private readonly s: Float32Array;
  private readonly next: Float32Array;
  private readonly mask: Float32Array;
  private readonly actions: Int32Array;
  private readonly rewards: Float32Array;
  private readonly discounts: Float32Array;
  private readonly eligibleNow: Float32Array;
  private readonly demonstrated: Int32Array;
  private readonly demonstratedWeight: Float32Array;
  steps = 0;
  /**
   * Weight of the large-margin demonstration loss (DQfD, Hester et al. 2018) beside the TD loss:
   * mean over minibatch rows that have a demonstrator's action a_E of
   * max over eligible a of [Q(s, a) + margin x (a != a_E)] - Q(s, a_E). 0 switches it off.
   */
  marginWeight = 0;

  constructor(
    private readonly tf: typeof Tf,
    initial: MlpWeights,
    private readonly settings: QTrainerSettings,
  ) {
    const { sizes } = initial;
    this.layout = layerLayout(sizes);
    const flat = flatten(initial, this.layout);
    this.online = tf.variable(tf.tensor1d(flat), true);
    this.target = tf.variable(tf.tensor1d(flat), false);
    this.optimizer = tf.train.adam(settings.learningRate);
    const n = settings.batchSize;
    const d = sizes[0];
    const a = sizes[sizes.length - 1];
    this.slots = new Int32Array(n);
    this.s = new Float32Array(n * d);
    this.next = new Float32Array(n * d);
    this.mask = new Float32Array(n * a);
    this.actions = new Int32Array(n);
    this.rewards = new Float32Array(n);
    this.discounts = new Float32Array(n);
    this.eligibleNow = new Float32Array(n * a);
    this.demonstrated = new Int32Array(n);
    this.demonstratedWeight = new Float32Array(n);
  }

  /** One gradient step on a minibatch from `buffer`; returns the loss. */
  step(buffer: ReplayBuffer, random: RandomStream): number {
    const { tf } = this;
    this.gather(buffer, random);
    const n = this.settings.batchSize;
    const d = buffer.stateSize;
    const a = buffer.actionCount;
    const loss = tf.tidy(() => {
      const s = tf.tensor2d(this.s, [n, d]);
      const next = tf.tensor2d(this.next, [n, d]);
      const actionMask = tf.oneHot(tf.tensor1d(this.actions, "int32"), a);
      const targets = tf.tidy(() => {
        const penalty = tf.mul(tf.sub(1, tf.tensor2d(this.mask, [n, a])), -INELIGIBLE);
        const best = tf.argMax(tf.sub(forward(tf, this.layout, this.online, next), penalty), 1);
        const nextValue = tf.sum(tf.mul(forward(tf, this.layout, this.target, next), tf.oneHot(best, a)), 1);
        return tf.add(tf.tensor1d(this.rewards), tf.mul(tf.tensor1d(this.discounts), nextValue));
      });
      const marginWeight = this.marginWeight;
      const cost = this.optimizer.minimize(
        () => {
          const q = forward(tf, this.layout, this.online, s);
          const td = tf.losses.huberLoss(targets, tf.sum(tf.mul(q, actionMask), 1), undefined, this.settings.huberDelta) as Tf.Scalar;
          return marginWeight > 0 ? tf.add(td, tf.mul(marginWeight, this.marginLoss(q, n, a))) : td;
        },
        true,
        [this.online],
      );
      return cost!.dataSync()[0];
    });
    this.steps++;
    if (this.steps % this.settings.targetSyncSteps === 0) this.syncTarget();
    return loss;
  }

  /** The large-margin demonstration loss of the minibatch gathered last (see marginWeight). */
  private marginLoss(q: Tf.Tensor2D, n: number, a: number): Tf.Scalar {
    const { tf } = this;
    const margin = this.settings.demonstrationMargin ?? 0;
    const demonstrated = tf.oneHot(tf.tensor1d(this.demonstrated, "int32"), a);
    const ineligible = tf.mul(tf.sub(1, tf.tensor2d(this.eligibleNow, [n, a])), -INELIGIBLE);
    const augmented = tf.sub(tf.add(q, tf.mul(tf.sub(1, demonstrated), margin)), ineligible);
    const gap = tf.sub(tf.max(augmented, 1), tf.sum(tf.mul(q, demonstrated), 1));
    const weights = tf.tensor1d(this.demonstratedWeight);
    return tf.div(tf.sum(tf.mul(gap, weights)), tf.maximum(tf.sum(weights), 1)) as Tf.Scalar;
  }

  /** Copies the online network into the target network. */
  syncTarget(): void {
    this.target.assign(this.online);
  }

  /** The online network's weights as Float64Arrays, for the plain forward pass. */
  exportWeights(into: MlpWeights): void {
    const flat = this.online.dataSync();
    this.layout.forEach((layer, l) => {
      into.weights[l].set(flat.subarray(layer.weightsAt, layer.biasAt));
      into.biases[l].set(flat.subarray(layer.biasAt, layer.biasAt + layer.outputs));
    });
  }

  /** The trainer's state, to continue from later (restoreState). */
  async saveState(): Promise<QTrainerState> {
    const named = await this.optimizer.getWeights();
    const optimizer = await Promise.all(named.map(async ({ name, tensor }) => ({ name, values: Array.from(await tensor.data()), shape: tensor.shape })));
    return { online: Array.from(this.online.dataSync()), target: Array.from(this.target.dataSync()), optimizer, steps: this.steps };
  }

  /** Continues from a saved state: the networks, Adam's moments and the step count. */
  async restoreState(state: QTrainerState): Promise<void> {
    const { tf } = this;
    const size = this.online.size;
    if (state.online.length !== size || state.target.length !== size) throw new Error(`checkpoint networks have ${state.online.length} parameters, expected ${size}`);
    this.online.assign(tf.tensor1d(state.online));
    this.target.assign(tf.tensor1d(state.target));
    await this.optimizer.setWeights(state.optimizer.map(({ name, values, shape }) => ({ name, tensor: tf.tensor(values, shape) })));
    this.steps = state.steps;
  }

  dispose(): void {
    this.online.dispose();
    this.target.dispose();
    this.optimizer.dispose();
  }

  private gather(buffer: ReplayBuffer, random: RandomStream): void {
    buffer.sample(this.slots, random);
    const d = buffer.stateSize;
    const a = buffer.actionCount;
    for (let k = 0; k < this.slots.length; k++) {
      const slot = this.slots[k];
      this.s.set(buffer.states.subarray(slot * d, (slot + 1) * d), k * d);
      this.next.set(buffer.nextStates.subarray(slot * d, (slot + 1) * d), k * d);
      for (let j = 0; j < a; j++) this.mask[k * a + j] = buffer.nextEligible[slot * a + j];
      this.actions[k] = buffer.actions[slot];
      this.rewards[k] = buffer.rewards[slot];
      this.discounts[k] = buffer.discounts[slot];
      if (this.marginWeight === 0) continue;
      for (let j = 0; j < a; j++) this.eligibleNow[k * a + j] = buffer.eligible[slot * a + j];
      const demonstrated = buffer.demonstrated[slot];
      this.demonstrated[k] = Math.max(0, demonstrated);
      this.demonstratedWeight[k] = demonstrated >= 0 ? 1 : 0;
    }
  }
}

/** Where layer l's weights (inputs x outputs, row-major) and biases lie in the flat vector. */
interface LayerLayout {
  readonly inputs: number;
  readonly outputs: number;
  readonly weightsAt: number;
  readonly biasAt: number;
}

function layerLayout(sizes: readonly number[]): LayerLayout[] {
  const layout: LayerLayout[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    layout.push({ inputs, outputs, weightsAt: at, biasAt: at + inputs * outputs });
    at += inputs * outputs + outputs;
  }
  return layout;
}

function flatten(net: MlpWeights, layout: readonly LayerLayout[]): Float32Array {
  const last = layout[layout.length - 1];
  const flat = new Float32Array(last.biasAt + last.outputs);
  layout.forEach((layer, l) => {
    flat.set(net.weights[l], layer.weightsAt);
    flat.set(net.biases[l], layer.biasAt);
  });
  return flat;
}

/** The MLP on tf: dense layers (ReLU on hidden ones), linear output. */
function forward(tf: typeof Tf, layout: readonly LayerLayout[], params: Tf.Tensor, input: Tf.Tensor2D): Tf.Tensor2D {
  let x: Tf.Tensor2D = input;
  layout.forEach((layer, l) => {
    const weights = tf.reshape(tf.slice(params, layer.weightsAt, layer.inputs * layer.outputs), [layer.inputs, layer.outputs]);
    const bias = tf.slice(params, layer.biasAt, layer.outputs);
    x = dense(tf)(x, weights, bias) as Tf.Tensor2D;
    if (l + 1 < layout.length) x = tf.relu(x);
  });
  return x;
}

let denseOp: ((x: Tf.Tensor, weights: Tf.Tensor, bias: Tf.Tensor) => Tf.Tensor) | null = null;

/**
 * x . W + b with its gradient written out with explicit transposes: the wasm backend's matMul
 * with a transposed operand (what autodiff of matMul uses) is about 5 times slower.
 */
function dense(tf: typeof Tf): (x: Tf.Tensor, weights: Tf.Tensor, bias: Tf.Tensor) => Tf.Tensor {
  denseOp ??= tf.customGrad((...args: (Tf.Tensor | Tf.GradSaveFunc)[]) => {
    const [x, weights, bias, save] = args as [Tf.Tensor2D, Tf.Tensor2D, Tf.Tensor1D, Tf.GradSaveFunc];
    save([x, weights]);
    return {
      value: tf.add(tf.matMul(x, weights), bias),
      gradFunc: (dy: Tf.Tensor, saved: Tf.Tensor[]) => {
        const [input, w] = saved as [Tf.Tensor2D, Tf.Tensor2D];
        const grad = dy as Tf.Tensor2D;
        return [tf.matMul(grad, tf.transpose(w)), tf.matMul(tf.transpose(input), grad), tf.sum(grad, 0)];
      },
    };
  });
  return denseOp;
}
