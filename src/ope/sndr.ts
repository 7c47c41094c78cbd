import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import { modelledValue } from "./modelled-value.js";

/**
 * Self-normalised doubly robust (SNDR): DR with the correction divided by the mean weight,
 * mean over rows of sum_a target(a | x_i) q_hat(x_i, a) + w_i (r_i - q_hat(x_i, a_i)) / mean(w)
 * (OBP's SelfNormalizedDoublyRobust). Computed in one pass as the DM term's mean plus
 * sum w_i (r_i - q_hat_i) / sum w_i. Bounded corrections, slightly biased; NaN when the sum of
 * weights is 0. `multiplicity` as in `ipw`. No allocation.
 */
export function sndr(log: LoggedDataset, target: ActionMatrix, predictions: ActionMatrix, multiplicity?: Float64Array): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let modelledTotal = 0;
  let correction = 0;
  let weights = 0;
  let count = 0;
  for (let i = 0; i < rounds; i++) {
    const m = multiplicity === undefined ? 1 : multiplicity[i];
    const offset = i * actionCount;
    const modelled = modelledValue(target, predictions, offset, actionCount);
    const logged = offset + action[i];
    const weight = target[logged] / pscore[i];
    modelledTotal += m * modelled;
    correction += m * weight * (reward[i] - predictions[logged]);
    weights += m * weight;
    count += m;
  }
  return modelledTotal / count + correction / weights;
}
