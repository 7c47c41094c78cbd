import type { LearningCurve, Policy, PolicyContext } from "../policy/policy.js";
import { standardNormal } from "../random/standard-normal.js";
import { cholesky } from "./cholesky.js";
import { DisjointLinearArms } from "./disjoint-linear-arms.js";
import { OnlineLearningCurve } from "./online-learning-curve.js";
import { NO_ACTION } from "../scenario/vocabulary.js";

/** How a linear bandit turns its arm models into a choice. */
export type Exploration =
  | { kind: "ucb"; alpha: number }
  | { kind: "epsilon-greedy"; epsilon: number }
  | { kind: "thompson"; scale: number };

/** Rewards are money; this scale keeps the ridge prior and the exploration bonus in proportion. */
const REWARD_SCALE = 10;
/** Share of "no action" rows the model of doing nothing learns from (they are most rows). */
const NO_ACTION_SAMPLE = 0.25;
const NO_DECISION = -1;

/**
 * A contextual bandit on the observable features with one ridge-regression model per action
 * (disjoint linear arms), "no action" included: it learns what doing nothing is worth too, so
 * that a retention offer is judged against letting an at-risk customer be. The reward is the
 * scenario's objective (`feedback.value`: the contact's money less the price of annoyance and
 * complaints) and, when the customer leaves within `objective.attributionDays` of the decision,
 * the cost of losing them (`churnedValue`) charged to that decision as a delayed correction of
 * its reward. Still a bandit: it does not plan over sequences of contacts.
 */
export function createLinearBandit(context: PolicyContext, exploration: Exploration): Policy {
  const actionCount = context.actions.length;
  const d = context.featureNames.length;
  const arms = new DisjointLinearArms(actionCount, d, 1);
  const x = new Float64Array(d);
  const nonZero = new Int32Array(d);
  let nonZeroCount = 0;
  const sampled = new Float64Array(actionCount * d);
  const factor = new Float64Array(d * d);
  const noise = new Float64Array(d);
  let features: Float32Array | null = null;
  let sampledDay = Number.NaN;
  // Each subscriber's last decision learned from, for the delayed charge when they leave.
  const lastAction = new Int32Array(context.subscriberCount).fill(NO_DECISION);
  const lastDay = new Int32Array(context.subscriberCount);
  const lastFeatures = new Float32Array(context.subscriberCount * d);
  const attributionDays = context.scenario.objective.attributionDays;
  const curve = new OnlineLearningCurve();

  const loadRow = (source: Float32Array, row: number) => {
    nonZeroCount = 0;
    for (let k = 0; k < d; k++) {
      const value = source[row * d + k];
      x[k] = value;
      if (value !== 0) nonZero[nonZeroCount++] = k;
    }
  };

  /** Thompson sampling: one posterior draw per arm per day, used for all of that day's rows. */
  const samplePosterior = (day: number) => {
    if (sampledDay === day) return;
    sampledDay = day;
    for (let a = 0; a < actionCount; a++) {
      cholesky(arms.inverse, a * d * d, d, factor);
      for (let k = 0; k < d; k++) noise[k] = standardNormal(context.random);
      for (let row = 0; row < d; row++) {
        let dot = 0;
        for (let col = 0; col <= row; col++) dot += factor[row * d + col] * noise[col];
        sampled[a * d + row] = arms.theta[a * d + row] + (exploration.kind === "thompson" ? exploration.scale : 0) * dot;
      }
    }
  };

  const score = (a: number): number => {
    if (exploration.kind === "ucb") {
      const variance = arms.varianceSparse(a, x, nonZero, nonZeroCount);
      return arms.meanSparse(a, x, nonZero, nonZeroCount) + exploration.alpha * Math.sqrt(Math.max(0, variance));
    }
    if (exploration.kind === "thompson") {
      let value = 0;
      for (let k = 0; k < nonZeroCount; k++) value += sampled[a * d + nonZero[k]] * x[nonZero[k]];
      return value;
    }
    return arms.meanSparse(a, x, nonZero, nonZeroCount);
  };

  /** A leaver's cost, charged to their last decision when it is recent enough. */
  const chargeLeaver = (subscriber: number, cost: number, day: number) => {
    const action = lastAction[subscriber];
    if (action === NO_DECISION || day - lastDay[subscriber] > attributionDays) return;
    lastAction[subscriber] = NO_DECISION;
    loadRow(lastFeatures.subarray(subscriber * d, subscriber * d + d), 0);
    arms.adjustReward(action, x, -cost / REWARD_SCALE, nonZero, nonZeroCount);
    curve.add(day, -cost, 0);
  };

  return {
    decide(batch, output) {
      const eligible = batch.eligibility();
      features = batch.features();
      if (exploration.kind === "thompson") samplePosterior(batch.day);
      for (let row = 0; row < batch.size; row++) {
        loadRow(features, row);
        const offset = row * actionCount;
        let best = 0;
        let bestValue = score(0);
        let eligibleCount = 1;
        for (let a = 1; a < actionCount; a++) {
          if (eligible[offset + a] === 0) continue;
          eligibleCount++;
          const value = score(a);
          if (value > bestValue) {
            bestValue = value;
            best = a;
          }
        }
        if (exploration.kind !== "epsilon-greedy") {
          output.probabilities[offset + best] = 1;
          output.chosen[row] = best;
          continue;
        }
        // Epsilon-greedy: epsilon spread over the eligible actions (no action included).
        const share = exploration.epsilon / eligibleCount;
        for (let a = 0; a < actionCount; a++) if (a === NO_ACTION || eligible[offset + a] === 1) output.probabilities[offset + a] = share;
        output.probabilities[offset + best] += 1 - exploration.epsilon;
        let u = context.random.next();
        let pick = best;
        for (let a = 0; a < actionCount; a++) {
          u -= output.probabilities[offset + a];
          if (u < 0 && output.probabilities[offset + a] > 0) {
            pick = a;
            break;
          }
        }
        output.chosen[row] = pick;
      }
    },
    feedback(feedback) {
      if (!features) return;
      for (let row = 0; row < feedback.size; row++) {
        const action = feedback.action[row];
        if (action === NO_ACTION && context.random.next() >= NO_ACTION_SAMPLE) continue;
        loadRow(features, row);
        arms.update(action, x, feedback.value[row] / REWARD_SCALE, nonZero, nonZeroCount);
        const subscriber = feedback.subscriber[row];
        lastAction[subscriber] = action;
        lastDay[subscriber] = feedback.day;
        lastFeatures.set(features.subarray(row * d, row * d + d), subscriber * d);
        curve.add(feedback.day, feedback.value[row], action === NO_ACTION ? 1 / NO_ACTION_SAMPLE : 1);
      }
      for (let k = 0; k < feedback.churned.length; k++) chargeLeaver(feedback.churned[k], feedback.churnedValue[k], feedback.day);
    },
    learningCurve(): LearningCurve {
      return curve.toCurve();
    },
  };
}
