import type { ActionMatrix } from "./logged-dataset.js";

/**
 * The reward model's value of the target policy on the row starting at `offset`:
 * sum_a target(a | x) q_hat(x, a). The direct-method term that DM, DR, SNDR and Switch-DR share.
 */
export function modelledValue(target: ActionMatrix, predictions: ActionMatrix, offset: number, actionCount: number): number {
  let modelled = 0;
  for (let a = 0; a < actionCount; a++) modelled += target[offset + a] * predictions[offset + a];
  return modelled;
}
