import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

/**
 * Inverse probability weighting (IPW, also IPS): the mean over rows of w_i r_i, with
 * w_i = target(a_i | x_i) / pscore_i. Unbiased when the logging policy gives every action the
 * target takes a positive probability and the pscores are right; its variance grows with the
 * weights. `multiplicity` counts each row that many times (a bootstrap resample); all 1 when
 * left out. No allocation.
 *
 * @example
 *   ipw(log, targetDistribution); // OBP's InverseProbabilityWeighting().estimate_policy_value
 */
export function ipw(log: LoggedDataset, target: ActionMatrix, multiplicity?: Float64Array): number {
  return multiplicity === undefined ? ipwMean(log, target) : ipwWeightedMean(log, target, multiplicity);
}

/** Every row once: one multiply-add per row, no branch in the loop. */
function ipwMean(log: LoggedDataset, target: ActionMatrix): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let total = 0;
  for (let i = 0, row = 0; i < rounds; i++, row += actionCount) total += (target[row + action[i]] / pscore[i]) * reward[i];
  return total / rounds;
}

/** Row i counted multiplicity[i] times (a bootstrap resample). */
function ipwWeightedMean(log: LoggedDataset, target: ActionMatrix, multiplicity: Float64Array): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let total = 0;
  let count = 0;
  for (let i = 0, row = 0; i < rounds; i++, row += actionCount) {
    const m = multiplicity[i];
    total += m * (target[row + action[i]] / pscore[i]) * reward[i];
    count += m;
  }
  return total / count;
}
