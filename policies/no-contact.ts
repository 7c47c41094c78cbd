import type { PolicyDefinition } from "../src/policy/policy.js";

/** Never contacts anyone: the reference every other policy is compared with. */
export const noContact: PolicyDefinition = {
  name: "no-contact",
  relativeCost: 1,
  description: "Never contacts anyone: the baseline world, and the reference for paired differences.",
  create(context) {
    const actionCount = context.actions.length;
    return {
      decide(batch, output) {
        for (let row = 0; row < batch.size; row++) {
          output.probabilities[row * actionCount] = 1;
          output.chosen[row] = 0;
        }
      },
    };
  },
};

export default noContact;
