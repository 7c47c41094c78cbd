import type { ActionMatrix } from "./logged-dataset.js";

/**
 * The ground truth an estimate is scored against (OBP's ground_truth_policy_value): the mean
 * over logged rows of sum_a target(a | x_i) q(x_i, a), with q the world's true expected reward.
 */
export function truePolicyValue(target: ActionMatrix, expectedReward: ActionMatrix, rounds: number, actionCount: number): number {
  let total = 0;
  for (let i = 0; i < rounds * actionCount; i++) total += target[i] * expectedReward[i];
  return total / rounds;
}
