import { createReplicateSimulation } from "../../src/engine/replicate-simulation.js";
import { policyContextFor } from "../../src/engine/policy-context.js";
import { runDay } from "../../src/engine/run-day.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";

/**
 * A replicate with `definition` answering, stepped a whole day at a time, with the latent state
 * in reach: `for (let day = sim.params.firstDay; day < H; day++) run.runDay(day)`.
 */
export function policySimulation(scenario: Scenario, definition: PolicyDefinition, rootSeed: number, replicate = 0, keepLog = false) {
  const sim = createReplicateSimulation({ scenario, rootSeed, replicate, policyName: definition.name, keepLog });
  const policy = definition.create(policyContextFor(sim, definition));
  return {
    sim,
    policy,
    runDay: (day: number) => runDay(sim, policy, day),
    runUntil(endDay: number) {
      for (let day = sim.params.firstDay; day < endDay; day++) runDay(sim, policy, day);
      return sim;
    },
  };
}
