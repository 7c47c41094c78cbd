import { describe, expect, it } from "vitest";
import { runReplicate } from "../../src/engine/run-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { linucb } from "../../policies/linucb.js";
import { thompson } from "../../policies/thompson.js";
import { baselineWith } from "../world/baseline-scenario.js";

const DAYS = 240;
const PERIOD_DAYS = 30;
const LOOK_AHEAD_DAYS = 30;

/**
 * Wraps a policy so that, at every decision it takes, the oracle's world view prices every
 * eligible action: regret is the best expected value minus the expected value of the action
 * taken (the bandit definition of regret against the oracle), summed per 30-day period.
 */
function measuringRegret(inner: PolicyDefinition, regretPerPeriod: number[]): PolicyDefinition {
  return {
    name: inner.name,
    description: `${inner.description} (regret measured)`,
    privileged: true,
    create(context) {
      const policy = inner.create(context);
      const actionCount = context.actions.length;
      return {
        decide(batch, output) {
          policy.decide(batch, output);
          const eligible = batch.eligibility();
          const period = Math.floor(batch.day / PERIOD_DAYS);
          for (let row = 0; row < batch.size; row++) {
            let best = 0;
            for (let a = 1; a < actionCount; a++) {
              if (eligible[row * actionCount + a] === 1) best = Math.max(best, context.world!.expectedValue(batch, row, a, LOOK_AHEAD_DAYS));
            }
            const taken = context.world!.expectedValue(batch, row, output.chosen[row], LOOK_AHEAD_DAYS);
            regretPerPeriod[period] = (regretPerPeriod[period] ?? 0) + best - taken;
          }
        },
        feedback: (feedback) => policy.feedback?.(feedback),
      };
    },
  };
}

describe("regret against the oracle on a stationary scenario", () => {
  // Stationary: no events, no season, the objective is the contact's money (nbo).
  const base = baselineWith({ subscribers: 1500, days: DAYS, events: [] });
  const scenario = {
    ...base,
    churn: { ...base.churn, seasonalAmplitude: 0 },
    objective: { ...base.objective, preset: "nbo" as const },
  };

  for (const policy of [linucb, thompson]) {
    it(`${policy.name}: regret per period falls as it learns, so cumulative regret grows sublinearly`, async () => {
      const regret: number[] = [];
      await runReplicate({ scenario, policy: measuringRegret(policy, regret), rootSeed: 5, replicate: 0 });
      const cumulative = regret.reduce<number[]>((sums, value) => [...sums, (sums.at(-1) ?? 0) + value], []);
      const half = cumulative[cumulative.length / 2 - 1];
      const whole = cumulative.at(-1)!;
      expect(regret[regret.length - 1]).toBeLessThan(0.6 * regret[0]);
      // Linear growth gives 2; the per-period regret halves after the first months, then levels off.
      expect(whole / half).toBeLessThan(1.8);
    }, 120_000);
  }
});
