import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import { modelledValue } from "./modelled-value.js";

/**
 * Doubly robust (DR): the direct method plus an importance-weighted correction of the reward
 * model's error on the logged action, mean over rows of
 * sum_a target(a | x_i) q_hat(x_i, a) + w_i (r_i - q_hat(x_i, a_i)). Unbiased when either the
 * propensities or the reward model are right; its variance still grows with the weights, less
 * than IPW's when the model is good. `multiplicity` as in `ipw`. No allocation.
 */
export function dr(log: LoggedDataset, target: ActionMatrix, predictions: ActionMatrix, multiplicity?: Float64Array): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let total = 0;
  let count = 0;
  for (let i = 0; i < rounds; i++) {
    const m = multiplicity === undefined ? 1 : multiplicity[i];
    const offset = i * actionCount;
    const modelled = modelledValue(target, predictions, offset, actionCount);
    const logged = offset + action[i];
    const weight = target[logged] / pscore[i];
    total += m * (modelled + weight * (reward[i] - predictions[logged]));
    count += m;
  }
  return total / count;
}
