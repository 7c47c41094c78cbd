import { COUNTER } from "../metrics/metric-groups.js";
import { addToSeries, PERIOD_DAYS, SERIES_INDEX } from "../metrics/replicate-metrics.js";
import { meanAnnoyance } from "../metrics/mean-annoyance.js";
import { PolicyError } from "../policy/policy-error.js";
import { applyStateEvents } from "../world/exogenous/apply-state-events.js";
import { billingPass } from "./billing-pass.js";
import { churnPass } from "./churn-pass.js";
import { createDecisionBatch } from "./decision-batch.js";
import { ensureResponseDraws, fillDayDraws } from "./day-draws.js";
import { morningPass } from "./morning-pass.js";
import { addOutboundSlots } from "./outbound-slots.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { resolveDecisions } from "./resolve-decisions.js";
import { validateDecisions } from "./validate-decisions.js";
import { advanceWorldDay } from "../world/exogenous/world-day.js";
import { refreshRegionNetwork } from "../world/transition/daily-chances.js";
import { joinGrossAdds } from "./join-gross-adds.js";
import { monthlyPrice } from "../world/pricing/monthly-price.js";

/**
 * One simulated day. The order of the day lives here and nowhere else:
 * 1. the exogenous world (incidents, events, season) and today's uniforms;
 * 2-3. billing, subscriber state updates, inbound touch-points and outbound campaign slots;
 * 4. the policy chooses among the eligible actions (the engine checks its answer);
 * 5-6. the world answers each contact and the effects are applied;
 * 7. the churn draw;
 * 8. feedback to the policy.
 * Warm-up days (day < 0) run steps 1-3 and 7 only: no decisions, leavers replaced, nothing counted.
 */
export function stepDay(sim: ReplicateSimulation, day: number): void {
  const { scenario, state, world, params, moments, workspace, metrics } = sim;
  const live = day >= 0;
  if (day === 0) startCounting(sim);

  advanceWorldDay(world, scenario, day, sim.streams.incidents);
  refreshRegionNetwork(state, world, sim.regionNetwork);
  applyStateEvents(state, scenario, params, day, sim.rootSeed, sim.replicate);
  fillDayDraws(sim.draws, sim.streams);

  moments.size = 0;
  if (live) joinGrossAdds(state, day, sim.grossAdds, params, sim.morning.lifeChances, metrics);
  const revenue = billingPass(state, day, params, sim.candidates);
  sim.morning.live = live;
  morningPass(state, day, world, sim.morning);
  if (!live) {
    churnPass(state, day, sim.draws.churn, sim.candidates, params, metrics, workspace, false);
    return;
  }
  addOutboundSlots(state, day, scenario.outbound.slotEveryDays, sim.winbackDays, moments);

  decide(sim, day);
  if (hasContacts(workspace.chosen, moments.size)) ensureResponseDraws(sim.draws, sim.streams, day);
  resolveDecisions(sim, moments, workspace, day, world, sim.draws);
  const counters = metrics.counters;
  // Counted before the churn draw: a leaver's last day is an active day (as in leave()).
  addToSeries(metrics, day, SERIES_INDEX.activeSubscriberDays, sim.startingBase + counters[COUNTER.joined] - counters[COUNTER.churned] + counters[COUNTER.returned]);
  churnPass(state, day, sim.draws.churn, sim.candidates, params, metrics, workspace, true);
  if (sim.policy.feedback) priceLeavers(sim, day);
  sim.policy.feedback?.({
    day,
    size: moments.size,
    subscriber: moments.subscriber.subarray(0, moments.size),
    action: workspace.chosen.subarray(0, moments.size),
    outcome: workspace.outcome.subarray(0, moments.size),
    reward: workspace.reward.subarray(0, moments.size),
    value: workspace.value.subarray(0, moments.size),
    churned: workspace.churned.subarray(0, workspace.churnedCount),
    churnedValue: workspace.churnedValue.subarray(0, workspace.churnedCount),
  });

  addToSeries(metrics, day, SERIES_INDEX.revenue, revenue);
  if ((day + 1) % PERIOD_DAYS === 0 || day === scenario.horizonDays - 1) {
    addToSeries(metrics, day, SERIES_INDEX.annoyanceEnd, meanAnnoyance(state, day, params));
  }
}

/** What each of today's leavers costs in the objective: a year of margin at the price they paid. */
function priceLeavers(sim: ReplicateSimulation, day: number): void {
  const { workspace, state, params } = sim;
  const perMonth = sim.objective.retainedValue * params.marginShare * MONTHS_CHARGED_ON_CHURN;
  for (let k = 0; k < workspace.churnedCount; k++) workspace.churnedValue[k] = perMonth * monthlyPrice(state, workspace.churned[k], day);
}

/** A leaver costs a year of margin in the objective. */
const MONTHS_CHARGED_ON_CHURN = 12;

function hasContacts(chosen: Int32Array, size: number): boolean {
  for (let row = 0; row < size; row++) if (chosen[row] !== 0) return true;
  return false;
}

/** Day 0: what happened during warm-up is not counted. */
function startCounting(sim: ReplicateSimulation): void {
  const { state } = sim;
  state.revenue.fill(0);
  state.activeSinceDay.fill(0);
  state.annoyanceFlushDay.fill(0);
}

/** Step 4: one batched call of the policy, then the engine's check of its answer. */
function decide(sim: ReplicateSimulation, day: number): void {
  const { moments, workspace, catalogue } = sim;
  const size = moments.size;
  const actionCount = catalogue.actions.length;
  workspace.ensure(size);
  const probabilities = workspace.probabilities.subarray(0, size * actionCount);
  const chosen = workspace.chosen.subarray(0, size);
  probabilities.fill(0);
  chosen.fill(0);
  const batch = createDecisionBatch(sim, moments, workspace, day);
  try {
    sim.policy.decide(batch, { probabilities, chosen });
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw new PolicyError(sim.policyName, `decide() threw on day ${day}: ${error instanceof Error ? error.message : String(error)}`);
  }
  validateDecisions(sim.policyName, { probabilities, chosen }, moments, sim, day, workspace.eligibility, batch.eligibilityReady, sim.rowScratch);
}
