import type { WorldView } from "../policy/policy.js";
import type { DecisionBatch } from "../policy/policy.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import type { Observation } from "./step-day.js";
import { createWorldView } from "./world-view.js";

const views = new WeakMap<ReplicateSimulation, { view: WorldView; values: Float64Array }>();

/**
 * Hands the decision log today's rows as the policy saw them, before the world answers: the
 * features and the eligibility matrix (computed here when the policy did not ask for them: the
 * batch computes them lazily, from state the decisions have not touched yet), the policy's
 * distribution and, when the log keeps them, the world's expected value of every eligible
 * action over the oracle's horizon (NaN for an ineligible one).
 */
export function stageLoggedDay(sim: ReplicateSimulation, observation: Observation): void {
  const log = sim.log!;
  const batch = observation.batch;
  const features = batch.features();
  const eligibility = batch.eligibility();
  const expected = log.layout.expectedValues ? expectedValues(sim, batch, eligibility) : null;
  log.stageDay(features, eligibility, observation.output.probabilities, expected, batch.size);
}

function expectedValues(sim: ReplicateSimulation, batch: DecisionBatch, eligibility: Uint8Array): Float64Array {
  const actionCount = sim.catalogue.actions.length;
  let entry = views.get(sim);
  if (!entry) {
    entry = { view: createWorldView(() => sim), values: new Float64Array(0) };
    views.set(sim, entry);
  }
  if (entry.values.length < batch.size * actionCount) entry.values = new Float64Array(Math.max(batch.size * actionCount, entry.values.length * 2));
  const values = entry.values;
  const horizon = sim.scenario.objective.oracleHorizonDays;
  for (let row = 0; row < batch.size; row++) {
    for (let action = 0; action < actionCount; action++) {
      const at = row * actionCount + action;
      values[at] = eligibility[at] === 1 ? entry.view.expectedValue(batch, row, action, horizon) : Number.NaN;
    }
  }
  return values;
}
