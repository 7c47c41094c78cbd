import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { policySimulation } from "../support/policy-simulation.js";
import { always } from "../world/test-policies.js";
import { baselineWith } from "../world/baseline-scenario.js";

const scenario = baselineWith({ subscribers: 3000, days: 90 });

function runToEnd(policy: PolicyDefinition, replicate = 0) {
  const run = policySimulation(scenario, policy, 99, replicate);
  const population = Float64Array.from(run.sim.state.hazardPerDay);
  const sim = run.runUntil(scenario.horizonDays);
  return { sim, population };
}

describe("common random numbers", () => {
  it("every policy faces the same population and the world draws the same numbers whatever the policy does", () => {
    const runs = [noContact, random, always("retention-discount-call")].map((policy) => runToEnd(policy));
    for (const run of runs.slice(1)) {
      expect(run.population).toEqual(runs[0].population);
      for (const name of ["network", "life", "inbound", "churn", "incidents"] as const) {
        expect(run.sim.streams[name].drawn).toBe(runs[0].sim.streams[name].drawn);
        expect(run.sim.streams[name].state()).toEqual(runs[0].sim.streams[name].state());
      }
    }
    // ...while the policies did make a difference.
    expect(runs[1].sim.metrics.counters).not.toEqual(runs[0].sim.metrics.counters);
  });

  it("simulateReplicate gives identical results for identical inputs and different ones for another replicate", () => {
    const strip = ({ wallSeconds: _w, log: _l, ...rest }: ReturnType<typeof simulateReplicate>) => rest;
    const first = strip(simulateReplicate({ scenario, policy: random, rootSeed: 5, replicate: 1 }));
    const again = strip(simulateReplicate({ scenario, policy: random, rootSeed: 5, replicate: 1 }));
    const other = strip(simulateReplicate({ scenario, policy: random, rootSeed: 5, replicate: 2 }));
    expect(again).toEqual(first);
    expect(other.groups.all).not.toEqual(first.groups.all);
  });
});
