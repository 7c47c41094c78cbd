import type { DecisionBatch, DecisionOutput } from "../policy/policy.js";
import type { RandomStream } from "../random/random-stream.js";
import { maskedArgmax, mlpForward, type MlpWeights } from "./mlp.js";
import { NO_ACTION } from "../scenario/vocabulary.js";

/**
 * Writes epsilon-greedy decisions on the Q-network `net` into `output`: with probability 1 -
 * epsilon the eligible action of largest Q, else an eligible action uniformly (no action
 * included). With epsilon 0 this is the greedy policy (one-hot probabilities).
 */
export function decideOnQ(net: MlpWeights, scratch: Float64Array[], batch: DecisionBatch, output: DecisionOutput, epsilon: number, random: RandomStream | null): void {
  if (batch.size === 0) return;
  const eligible = batch.eligibility();
  const features = batch.features();
  const actionCount = batch.actions.length;
  const d = batch.featureNames.length;
  for (let row = 0; row < batch.size; row++) {
    const offset = row * actionCount;
    if (onlyNoAction(eligible, offset, actionCount)) {
      output.probabilities[offset] = 1;
      output.chosen[row] = 0;
      continue;
    }
    const best = maskedArgmax(mlpForward(net, features, row * d, scratch), eligible, offset);
    if (epsilon === 0 || random === null) {
      output.probabilities[offset + best] = 1;
      output.chosen[row] = best;
      continue;
    }
    const eligibleCount = countEligible(eligible, offset, actionCount);
    const share = epsilon / eligibleCount;
    for (let a = 0; a < actionCount; a++) if (a === NO_ACTION || eligible[offset + a] === 1) output.probabilities[offset + a] = share;
    output.probabilities[offset + best] += 1 - epsilon;
    output.chosen[row] = explorePick(eligible, offset, actionCount, eligibleCount, epsilon, best, random);
  }
}

/** The number of eligible actions in a row, no action (always eligible) included. */
export function countEligible(eligible: Uint8Array, offset: number, actionCount: number): number {
  let count = 0;
  for (let a = 0; a < actionCount; a++) count += a === NO_ACTION ? 1 : eligible[offset + a];
  return count;
}

/**
 * Epsilon-uniform exploration's draw: `pick`, or with chance epsilon one of the row's
 * `eligibleCount` eligible actions (no action included) uniformly. Two uniforms of `random`
 * when exploring, one otherwise.
 */
export function explorePick(eligible: Uint8Array, offset: number, actionCount: number, eligibleCount: number, epsilon: number, pick: number, random: RandomStream): number {
  if (random.next() >= epsilon) return pick;
  let k = Math.floor(random.next() * eligibleCount);
  for (let a = 0; a < actionCount; a++) {
    if (a !== NO_ACTION && eligible[offset + a] === 0) continue;
    if (k-- === 0) return a;
  }
  return pick;
}

/** True when no action but action 0 is eligible in the row (the network need not run). */
function onlyNoAction(eligible: Uint8Array, offset: number, actionCount: number): boolean {
  for (let a = 1; a < actionCount; a++) if (eligible[offset + a] === 1) return false;
  return true;
}
