import type * as Tf from "@tensorflow/tfjs-core";
import type { Policy, PolicyContext } from "../policy/policy.js";
import type { DqnSettings } from "./dqn-settings.js";
import { mlpScratch, type MlpWeights } from "./mlp.js";
import { OnlineLearningCurve } from "./online-learning-curve.js";
import { decideOnQ } from "./q-policy.js";
import { guardrailsInRun, type Guardrails } from "./guardrails.js";
import { QNetworkTrainer } from "./q-network-trainer.js";
import { ReplayBuffer } from "./replay-buffer.js";
import { TransitionRecorder } from "./transition-recorder.js";

/**
 * A Q-network policy that keeps learning in the evaluation from its own feedback: epsilon-greedy
 * on a copy of `initial` (the exact propensities go to the log: 1 - epsilon + epsilon / k on the
 * greedy action, epsilon / k on each other eligible one), its decisions and feedback recorded as
 * transitions (the same recorder and reward as training), and `settings.gradientStepsPerDay`
 * double-DQN steps after each day once `settings.minReplay` transitions are ready. Randomness
 * (exploration and minibatches) comes from the policy's own stream. With `guardrails`, the rules'
 * actions in the reserved programs stand (propensity 1) and the network decides the rest.
 */
export function createOnlineQPolicy(tf: typeof Tf, context: PolicyContext, initial: MlpWeights, settings: DqnSettings, epsilon: number, guardrails: Guardrails | null = null): Policy {
  const weights: MlpWeights = { sizes: initial.sizes, weights: initial.weights.map((w) => Float64Array.from(w)), biases: initial.biases.map((b) => Float64Array.from(b)) };
  const stateSize = context.featureNames.length;
  const actionCount = context.actions.length;
  const buffer = new ReplayBuffer(settings.replayCapacity, stateSize, actionCount);
  const recorder = new TransitionRecorder(buffer, context.subscriberCount, settings.dailyGamma, settings.rewardScale);
  const trainer = new QNetworkTrainer(tf, weights, settings);
  const scratch = mlpScratch(weights.sizes);
  const guard = guardrails === null ? null : guardrailsInRun(guardrails, context);
  const curve = new OnlineLearningCurve();
  let features: Float32Array = new Float32Array(0);
  let eligible: Uint8Array = new Uint8Array(0);
  let disposed = false;
  return {
    decide(batch, output) {
      features = batch.features();
      eligible = batch.eligibility();
      decideOnQ(weights, scratch, batch, output, epsilon, context.random);
      guard?.apply(batch, output);
    },
    feedback(feedback) {
      recorder.record(feedback, features, eligible);
      let value = 0;
      for (let row = 0; row < feedback.size; row++) value += feedback.value[row];
      curve.add(feedback.day, value, feedback.size);
      let lost = 0;
      for (let k = 0; k < feedback.churnedValue.length; k++) lost += feedback.churnedValue[k];
      curve.add(feedback.day, -lost, 0);
      if (disposed || buffer.readyCount < settings.minReplay) return;
      for (let k = 0; k < settings.gradientStepsPerDay; k++) trainer.step(buffer, context.random);
      trainer.exportWeights(weights);
    },
    learningCurve() {
      // Read once at the end of the run: the tf variables are released here.
      if (!disposed) trainer.dispose();
      disposed = true;
      return curve.toCurve();
    },
  };
}
