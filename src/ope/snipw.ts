import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

/**
 * Self-normalised IPW (SNIPW, also SNIPS): sum_i w_i r_i / sum_i w_i. Biased in small samples
 * but consistent, bounded by the range of the rewards and far less variable than IPW when a few
 * weights are large. NaN when no logged action has any target probability (sum of weights 0).
 * `multiplicity` as in `ipw`. No allocation.
 */
export function snipw(log: LoggedDataset, target: ActionMatrix, multiplicity?: Float64Array): number {
  const { rounds, actionCount, action, reward, pscore } = log;
  let weighted = 0;
  let weights = 0;
  for (let i = 0; i < rounds; i++) {
    const m = multiplicity === undefined ? 1 : multiplicity[i];
    const weight = target[i * actionCount + action[i]] / pscore[i];
    weighted += m * weight * reward[i];
    weights += m * weight;
  }
  return weighted / weights;
}
