import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { createEnvironment, playDay, type Environment } from "../../src/engine/environment.js";
import { welchDifference } from "../../src/metrics/welch-difference.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { always } from "../world/test-policies.js";
import { baselineWith } from "../world/baseline-scenario.js";
import { lateRetentionDiscounts } from "./late-policy.js";

/** `scenario` with another value tail and CLV horizon. */
function withTail(scenario: Scenario, tailMonths: number, clvHorizonMonths = scenario.economics.clvHorizonMonths): Scenario {
  return { ...scenario, economics: { ...scenario.economics, tailMonths, clvHorizonMonths } };
}

/** Plays `definition` to the horizon and returns the environment and its result (the tail run). */
function play(scenario: Scenario, definition: PolicyDefinition, replicate: number, seed = 11): { environment: Environment; result: ReturnType<Environment["result"]> } {
  const environment = createEnvironment(scenario, { seed, replicate, agentName: definition.name });
  const policy = definition.create(environment.policyContext(definition));
  let observation = environment.reset();
  for (;;) {
    const step = playDay(environment, policy, observation, definition.name);
    if (step.done) break;
    observation = step.observation!;
  }
  return { environment, result: environment.result() };
}

/** `definition` until day `lastDay`, nothing after it; records the last day it was asked. */
function actingUntil(definition: PolicyDefinition, lastDay: number, asked: { lastDay: number }): PolicyDefinition {
  return {
    name: definition.name,
    description: `${definition.name} until day ${lastDay}`,
    create(context) {
      const inner = definition.create(context);
      return {
        decide(batch, output) {
          asked.lastDay = Math.max(asked.lastDay, batch.day);
          if (batch.day <= lastDay) inner.decide(batch, output);
          else for (let row = 0; row < batch.size; row++) output.probabilities[row * context.actions.length] = 1;
        },
      };
    },
  };
}

describe("the value tail", () => {
  it("is the world going on under no contact: a run plus its tail adds up to a longer run whose policy stops at the old horizon", () => {
    // No gross adds: the population does not depend on the horizon, so both runs are one world.
    const base = baselineWith({ subscribers: 1500, days: 60 });
    const world = { ...base, population: { ...base.population, grossAddsPerMonth: 0 } };
    const short = withTail(world, 2); // 61 days of tail, then 58 months annuitised
    const long = withTail({ ...world, horizonDays: 121 }, 0, 58);
    const askedShort = { lastDay: -1 };
    const shortRun = play(short, actingUntil(random, 59, askedShort), 0).result.groups.all;
    const longRun = play(long, actingUntil(random, 59, { lastDay: -1 }), 0).result.groups.all;

    expect(askedShort.lastDay).toBe(59); // the policy is never asked in the tail
    expect(shortRun.contacts).toBeGreaterThan(0);
    expect(shortRun.tailRevenue).toBeGreaterThan(0);
    expect(shortRun.tailChurned).toBeGreaterThan(0);
    expect(shortRun.churned + shortRun.tailChurned).toBe(longRun.churned);
    expect(shortRun.revenue + shortRun.tailRevenue).toBeCloseTo(longRun.revenue, 6);
    expect(shortRun.tailValue).toBeCloseTo((long.economics.marginShare * shortRun.tailRevenue) / 1500, 9);
    expect(shortRun.netValuePerSub).toBeCloseTo(longRun.netValuePerSub, 9);
    expect(longRun.tailRevenue).toBe(0);
  });

  it("draws the same numbers whatever the policy did before it (common random numbers)", () => {
    const scenario = withTail(baselineWith({ subscribers: 1500, days: 45 }), 3);
    const runs = [noContact, random, always("retention-discount-call")].map((policy) => play(scenario, policy, 2));
    for (const run of runs.slice(1)) {
      for (const name of ["network", "life", "inbound", "churn", "incidents"] as const) {
        expect(run.environment.simulation.streams[name].state()).toEqual(runs[0].environment.simulation.streams[name].state());
      }
    }
    expect(runs[1].result.groups.all.tailRevenue).not.toBe(runs[0].result.groups.all.tailRevenue);
  });

  it("values a policy that acts in the last 30 days of a 180-day run as the run going on for two more years does; the extrapolation does not", () => {
    // Retention discounts to everyone eligible in days 150-179: the paired value against
    // no-contact (total over customers, seed by seed) at day 180 with the 24-month tail, against
    // the same policy on a 910-day run that stops acting after day 179 (with its own tail).
    const seeds = [0, 1, 2];
    const late = lateRetentionDiscounts(150, 179);
    const pairedTotals = (scenario: Scenario) =>
      seeds.map((replicate) => {
        const acted = play(scenario, late, replicate);
        const reference = play(scenario, noContact, replicate);
        const customers = acted.environment.subscriberCount;
        return customers * (acted.result.groups.all.netValuePerSub - reference.result.groups.all.netValuePerSub);
      });
    const base = baselineWith({ subscribers: 3000, days: 180 });
    const withSimulatedTail = pairedTotals(withTail(base, 24));
    const extrapolated = pairedTotals(withTail(base, 0));
    const realised = pairedTotals(withTail({ ...base, horizonDays: 910 }, 24));

    const agreement = welchDifference(withSimulatedTail, realised);
    expect(agreement.ci95![0]).toBeLessThanOrEqual(0);
    expect(agreement.ci95![1]).toBeGreaterThanOrEqual(0);
    const disagreement = welchDifference(extrapolated, realised);
    expect(disagreement.ci95![1]).toBeLessThan(0);
  }, 600_000);
});
