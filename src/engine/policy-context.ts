import type { PolicyContext, PolicyDefinition } from "../policy/policy.js";
import { createStream } from "../random/random-stream.js";
import { FEATURE_NAMES } from "../world/observation/observe.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { createWorldView } from "./world-view.js";

/**
 * What a policy is created with in replicate `sim`: the run's description, its own random stream
 * `replicate:K/policy:NAME`, what its `prepare` returned, and the world view if it is privileged.
 */
export function policyContextFor(sim: ReplicateSimulation, definition: Pick<PolicyDefinition, "name" | "privileged">, prepared?: unknown): PolicyContext {
  return {
    scenario: sim.scenario,
    actions: sim.catalogue.actions,
    featureNames: FEATURE_NAMES,
    subscriberCount: sim.state.count,
    random: createStream(sim.rootSeed, `replicate:${sim.replicate}/policy:${definition.name}`),
    objective: sim.objective,
    prepared,
    world: definition.privileged ? createWorldView(() => sim) : undefined,
  };
}
