import { describe, expect, it } from "vitest";
import { policySimulation } from "../support/policy-simulation.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { grossAddCount } from "../../src/world/population/sample-population.js";
import { PolicyError } from "../../src/policy/policy-error.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { MOMENT_OUTBOUND } from "../../src/scenario/vocabulary.js";
import { always } from "../world/test-policies.js";
import { baselineWith } from "../world/baseline-scenario.js";

describe("decision moments", () => {
  // Daily campaign slots and a winback offer open to anyone who ever left: the setting where a
  // former customer could be given a second moment in a day, or a future customer a winback.
  const base = baselineWith({ subscribers: 3000, days: 200 });
  const scenario = {
    ...base,
    outbound: { slotEveryDays: 1 },
    offers: base.offers.map((offer) => (offer.id === "winback-discount-sms" ? { ...offer, eligibility: { ...offer.eligibility, maxChurnedDays: 100_000 } } : offer)),
  };

  it("no subscriber gets two decisions in a day, and former customers are reached only by campaign slots", () => {
    const sim = policySimulation(scenario, always("winback-discount-sms"), 4, 0, true).runUntil(scenario.horizonDays);
    const log = sim.log!;
    const seen = new Set<string>();
    let winbacks = 0;
    for (let row = 0; row < log.size; row++) {
      const key = `${log.day[row]}:${log.subscriber[row]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      if (log.action[row] !== 0) {
        winbacks++;
        expect(log.moment[row]).toBe(MOMENT_OUTBOUND);
      }
    }
    expect(winbacks).toBeGreaterThan(100);
  });

  it("gross adds are never reached before their join day", () => {
    const { log } = simulateReplicate({ scenario, policy: always("winback-discount-sms"), rootSeed: 4, replicate: 0, keepLog: true });
    const startingBase = scenario.population.size;
    const joiners = grossAddCount(scenario);
    for (let row = 0; row < log!.size; row++) {
      const i = log!.subscriber[row];
      if (i < startingBase) continue;
      expect(log!.day[row]).toBeGreaterThanOrEqual(Math.floor(((i - startingBase) * scenario.horizonDays) / joiners));
    }
  });

  it("a policy cannot make an ineligible action pass by writing into the eligibility it was given", () => {
    const cheat: PolicyDefinition = {
      name: "cheat",
      description: "marks everything eligible, then calls everyone",
      create: (context) => ({
        decide(batch, output) {
          const eligible = batch.eligibility();
          eligible.fill(1);
          const call = context.actions.findIndex((action) => action.id === "winback-call");
          for (let row = 0; row < batch.size; row++) {
            output.probabilities[row * context.actions.length + call] = 1;
            output.chosen[row] = call;
          }
        },
      }),
    };
    expect(() => simulateReplicate({ scenario: baselineWith({ subscribers: 500, days: 5 }), policy: cheat, rootSeed: 1, replicate: 0 })).toThrow(PolicyError);
  });
});
