import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import { modelledValue } from "./modelled-value.js";

/**
 * Direct method (DM): the mean over rows of sum_a target(a | x_i) q_hat(x_i, a), the reward
 * model's value of the target policy. Uses no propensities, so no variance from weights, but
 * every error of the reward model goes straight into the estimate (biased where the model is
 * wrong, notably on actions the logging policy seldom took). `predictions` is q_hat, n x K.
 * `multiplicity` as in `ipw`. No allocation.
 */
export function dm(log: LoggedDataset, target: ActionMatrix, predictions: ActionMatrix, multiplicity?: Float64Array): number {
  const { rounds, actionCount } = log;
  let total = 0;
  let count = 0;
  for (let i = 0; i < rounds; i++) {
    const m = multiplicity === undefined ? 1 : multiplicity[i];
    const offset = i * actionCount;
    const modelled = modelledValue(target, predictions, offset, actionCount);
    total += m * modelled;
    count += m;
  }
  return total / count;
}
