import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import { modelledValue } from "./modelled-value.js";

/**
 * Switch doubly robust (Switch-DR, Wang, Agarwal and Dudik 2017, as OBP's SwitchDoublyRobust):
 * DR where a row's importance weight exceeds `maxWeight` (OBP's lambda_) drops its correction
 * and keeps only the reward model's value there:
 * mean over rows of sum_a target(a | x_i) q_hat(x_i, a) + 1{w_i <= maxWeight} w_i (r_i - q_hat(x_i, a_i)).
 * `maxWeight` = Infinity is DR, 0 is DM. Trades the variance of large weights for the reward
 * model's bias on those rows. `multiplicity` as in `ipw`. No allocation.
 */
export function switchDr(log: LoggedDataset, target: ActionMatrix, predictions: ActionMatrix, maxWeight: number, multiplicity?: Float64Array): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let total = 0;
  let count = 0;
  for (let i = 0; i < rounds; i++) {
    const m = multiplicity === undefined ? 1 : multiplicity[i];
    const offset = i * actionCount;
    const modelled = modelledValue(target, predictions, offset, actionCount);
    const logged = offset + action[i];
    const weight = target[logged] / pscore[i];
    const corrected = weight <= maxWeight ? weight * (reward[i] - predictions[logged]) : 0;
    total += m * (modelled + corrected);
    count += m;
  }
  return total / count;
}
