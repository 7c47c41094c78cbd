import type { PolicyDefinition } from "../../src/policy/policy.js";

/**
 * A test policy: takes `actionId` whenever it is eligible at a decision moment of one of
 * `moments` (default: every moment), else does nothing.
 */
export function always(actionId: string, name = `always-${actionId}`): PolicyDefinition {
  return {
    name,
    description: `Takes ${actionId} whenever it may`,
    create(context) {
      const target = context.actions.findIndex((action) => action.id === actionId);
      if (target < 0) throw new Error(`no action ${actionId}`);
      const count = context.actions.length;
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          for (let row = 0; row < batch.size; row++) {
            const action = eligible[row * count + target] === 1 ? target : 0;
            output.probabilities[row * count + action] = 1;
            output.chosen[row] = action;
          }
        },
      };
    },
  };
}
