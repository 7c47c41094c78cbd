import { COUNTER } from "../metrics/metric-groups.js";
import { addToSeries, recordAnnoyanceSnapshot, SERIES_INDEX } from "../metrics/replicate-metrics.js";
import type { DecisionBatch, DecisionOutput, FeedbackBatch } from "../policy/policy.js";
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
import { stageLoggedDay } from "./stage-logged-day.js";
import { VALUE_MONTHS } from "../world/pricing/deal-value.js";
import { monthlyPrice } from "../world/pricing/monthly-price.js";
import { NO_ACTION } from "../scenario/vocabulary.js";

/** What the agent sees on a live day: the decision batch, and where to write its answer. */
export interface Observation {
  readonly day: number;
  readonly batch: DecisionBatch;
  /** Zero-filled before the day's decisions; the agent writes its answer here. */
  readonly output: DecisionOutput;
}

/**
 * One simulated day. The order of the day lives here and nowhere else:
 * 1. the exogenous world (incidents, events, season) and today's uniforms;
 * 2. gross adds join, billing, the morning pass (network problems, life events, inbound
 *    touch-points, the churn candidates) and the outbound campaign slots;
 * 3. the agent chooses among the eligible actions: the generator yields the day's
 *    observation, the agent writes its answer into `observation.output` and resumes it;
 * 4. the engine checks the answer;
 * 5. the world answers each contact and its effects are applied;
 * 6. the churn draw;
 * 7. the day's feedback, which the generator returns (null on a warm-up day).
 * Warm-up days (day < 0) run steps 1, 2 and 6 only: no decisions, leavers replaced, nothing
 * counted, and nothing is yielded.
 * Value-tail days (day >= horizonDays, run by runValueTail) run steps 1, 2 and 6 too, as live
 * days whose every decision moment goes unanswered (no action, as the policy is not asked):
 * leavers leave and are counted in `sim.metrics` (the tail's own), nobody joins, nothing is
 * yielded.
 */
export function* stepDay(sim: ReplicateSimulation, day: number): Generator<Observation, FeedbackBatch | null, void> {
  const { scenario, state, world, params, moments, workspace, metrics } = sim;
  const live = day >= 0;
  const tail = day >= scenario.horizonDays;
  if (day === 0) startCounting(sim);

  advanceWorldDay(world, scenario, day, sim.streams.incidents);
  refreshRegionNetwork(state, world, sim.regionNetwork);
  applyStateEvents(state, scenario, params, day, sim.rootSeed, sim.replicate);
  fillDayDraws(sim.draws, sim.streams);

  moments.size = 0;
  if (live && !tail) joinGrossAdds(state, day, sim.grossAdds, params, sim.morning.lifeChances, metrics);
  const revenue = billingPass(state, day, params, sim.candidates);
  sim.morning.live = live;
  morningPass(state, day, world, sim.morning);
  if (!live || tail) {
    churnPass(state, day, sim.draws.churn, sim.candidates, params, metrics, workspace, live);
    return null;
  }
  addOutboundSlots(state, day, scenario.outbound.slotEveryDays, sim.winbackDays, moments);

  const observation = observe(sim, day);
  yield observation;
  validateDecisions(sim.policyName, observation.output, moments, sim, day, workspace.eligibility, observation.batch.eligibilityReady, sim.rowScratch);

  metrics.decisions += moments.size;
  addToSeries(metrics, day, SERIES_INDEX.decisions, moments.size);
  if (sim.log) stageLoggedDay(sim, observation);
  if (hasContacts(workspace.chosen, moments.size)) ensureResponseDraws(sim.draws, sim.streams, day);
  resolveDecisions(sim, moments, workspace, day, world, sim.draws);
  const counters = metrics.counters;
  // Counted before the churn draw: a leaver's last day is an active day (as in leave()).
  addToSeries(metrics, day, SERIES_INDEX.activeSubscriberDays, sim.startingBase + counters[COUNTER.joined] - counters[COUNTER.churned] + counters[COUNTER.returned]);
  churnPass(state, day, sim.draws.churn, sim.candidates, params, metrics, workspace, true);
  priceLeavers(sim, day);
  if (sim.log) {
    sim.log.recordChurn(day, workspace.churned, workspace.churnedCount);
    sim.log.endDay(day);
    if (day === scenario.horizonDays - 1) sim.log.finish();
  }

  addToSeries(metrics, day, SERIES_INDEX.revenue, revenue);
  recordAnnoyanceSnapshot(metrics, day, scenario.horizonDays - 1, state, params);
  return {
    day,
    size: moments.size,
    subscriber: moments.subscriber.subarray(0, moments.size),
    action: workspace.chosen.subarray(0, moments.size),
    outcome: workspace.outcome.subarray(0, moments.size),
    reward: workspace.reward.subarray(0, moments.size),
    value: workspace.value.subarray(0, moments.size),
    churned: workspace.churned.subarray(0, workspace.churnedCount),
    churnedValue: workspace.churnedValue.subarray(0, workspace.churnedCount),
  };
}

/** What each of today's leavers costs in the objective: a year of margin at the price they paid. */
function priceLeavers(sim: ReplicateSimulation, day: number): void {
  const { workspace, state, params } = sim;
  const perMonth = sim.objective.retainedValue * params.marginShare * VALUE_MONTHS;
  for (let k = 0; k < workspace.churnedCount; k++) workspace.churnedValue[k] = perMonth * monthlyPrice(state, workspace.churned[k], day);
}


function hasContacts(chosen: Int32Array, size: number): boolean {
  for (let row = 0; row < size; row++) if (chosen[row] !== NO_ACTION) return true;
  return false;
}

/** Day 0: what happened during warm-up is not counted. */
function startCounting(sim: ReplicateSimulation): void {
  const { state } = sim;
  state.revenue.fill(0);
  state.activeSinceDay.fill(0);
  state.annoyanceFlushDay.fill(0);
}

/** Step 3: the day's decision batch, with zero-filled answer buffers. */
function observe(sim: ReplicateSimulation, day: number): Observation & { readonly batch: { readonly eligibilityReady: boolean } } {
  const { moments, workspace, catalogue } = sim;
  const size = moments.size;
  workspace.ensure(size);
  const probabilities = workspace.probabilities.subarray(0, size * catalogue.actions.length);
  const chosen = workspace.chosen.subarray(0, size);
  probabilities.fill(0);
  chosen.fill(0);
  return { day, batch: createDecisionBatch(sim, moments, workspace, day), output: { probabilities, chosen } };
}
