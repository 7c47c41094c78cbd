import type { ActionMatrix } from "./logged-dataset.js";

/**
 * An n x K evaluation-policy distribution: 1 - epsilon + epsilon / K on each row's highest
 * score (the first on ties), epsilon / K elsewhere; OBP's egreedy target. Writes into `out`.
 */
export function epsilonGreedyDistribution(scores: ActionMatrix, rounds: number, actionCount: number, epsilon: number, out: ActionMatrix = new Float64Array(rounds * actionCount)): ActionMatrix {
  for (let i = 0; i < rounds; i++) {
    const offset = i * actionCount;
    let best = 0;
    for (let a = 1; a < actionCount; a++) if (scores[offset + a] > scores[offset + best]) best = a;
    for (let a = 0; a < actionCount; a++) out[offset + a] = epsilon / actionCount + (a === best ? 1 - epsilon : 0);
  }
  return out;
}
