import type { PolicyDefinition } from "../src/policy/policy.js";

/**
 * The upper reference. It sees the latent traits and asks the world's true response and churn
 * models (`context.world`) what each eligible action is worth over the scenario's look-ahead
 * horizon (`objective.oracleHorizonDays`), then takes the best one when it beats doing nothing.
 * No policy that competes fairly can know this much; results.json measures every other
 * policy's regret against it.
 */
export const oracle: PolicyDefinition = {
  name: "oracle",
  relativeCost: 9,
  description: "Upper reference: sees latent traits and uses the world's true response and churn models to take the action of best expected value over a look-ahead horizon.",
  privileged: true,
  create(context) {
    const world = context.world;
    if (!world) throw new Error("oracle needs the privileged world view");
    const horizon = context.scenario.objective.oracleHorizonDays;
    const actionCount = context.actions.length;
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        for (let row = 0; row < batch.size; row++) {
          const offset = row * actionCount;
          let best = 0;
          let bestValue = 0;
          for (let a = 1; a < actionCount; a++) {
            if (eligible[offset + a] === 0) continue;
            const value = world.expectedValue(batch, row, a, horizon);
            if (value > bestValue) {
              bestValue = value;
              best = a;
            }
          }
          output.probabilities[offset + best] = 1;
          output.chosen[row] = best;
        }
      },
    };
  },
};

export default oracle;
