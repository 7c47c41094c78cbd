import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

/**
 * Writes w_i = target(a_i | x_i) / pscore_i for every row into `out` (length >= rounds) and
 * returns it: the weights that IPW, SNIPW and the doubly robust estimators apply.
 */
export function importanceWeights(log: LoggedDataset, target: ActionMatrix, out: Float64Array = new Float64Array(log.rounds)): Float64Array {
  const { rounds, actionCount, action, pscore } = log;
  for (let i = 0; i < rounds; i++) out[i] = target[i * actionCount + action[i]] / pscore[i];
  return out;
}
