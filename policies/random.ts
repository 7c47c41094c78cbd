import type { PolicyDefinition } from "../src/policy/policy.js";

/** Picks uniformly among the eligible actions, "no action" included: the lower reference. */
export const random: PolicyDefinition = {
  name: "random",
  relativeCost: 3,
  description: "Uniform over the eligible actions, no action included: a lower reference.",
  create(context) {
    const actionCount = context.actions.length;
    const draw = context.random;
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        for (let row = 0; row < batch.size; row++) {
          const offset = row * actionCount;
          let count = 0;
          for (let a = 0; a < actionCount; a++) count += eligible[offset + a];
          const pick = Math.floor(draw.next() * count);
          let seen = 0;
          for (let a = 0; a < actionCount; a++) {
            if (eligible[offset + a] === 0) continue;
            output.probabilities[offset + a] = 1 / count;
            if (seen++ === pick) output.chosen[row] = a;
          }
        }
      },
    };
  },
};

export default random;
