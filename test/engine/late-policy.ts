import type { PolicyDefinition } from "../../src/policy/policy.js";

/**
 * A test policy that acts only late in the run: on days `fromDay`..`toDay` it gives every
 * eligible customer a retention discount (the call when eligible, else the SMS); otherwise, and
 * on every other day, it does nothing.
 */
export function lateRetentionDiscounts(fromDay: number, toDay: number): PolicyDefinition {
  return {
    name: "late-retention-discounts",
    description: `Retention discounts to everyone eligible on days ${fromDay}-${toDay}, nothing otherwise`,
    create(context) {
      const count = context.actions.length;
      const preferred = ["retention-discount-call", "retention-discount-sms"].map((id) => context.actions.findIndex((action) => action.id === id));
      if (preferred.some((index) => index < 0)) throw new Error("the scenario has no retention-discount-call or retention-discount-sms");
      return {
        decide(batch, output) {
          const acting = batch.day >= fromDay && batch.day <= toDay;
          const eligible = acting ? batch.eligibility() : null;
          for (let row = 0; row < batch.size; row++) {
            const action = eligible ? (preferred.find((index) => eligible[row * count + index] === 1) ?? 0) : 0;
            output.probabilities[row * count + action] = 1;
            output.chosen[row] = action;
          }
        },
      };
    },
  };
}
