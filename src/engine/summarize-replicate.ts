import { addToGroups, createGroupSums, replicateKpis, seriesKpis } from "../metrics/replicate-kpis.js";
import { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import { PROGRAMS } from "../scenario/vocabulary.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { retainedValue } from "../world/churn/retained-value.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { flushAnnoyance } from "../world/state/decaying-levels.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";

/** The KPIs of a replicate at the horizon: counters, group sums and the value retained after it. */
export function summarizeReplicate(sim: ReplicateSimulation): Omit<ReplicateResult, "wallSeconds" | "learningCurve"> {
  const { state, params, metrics } = sim;
  const endDay = sim.scenario.horizonDays;
  const sums = createGroupSums();
  let subscriberDays = 0;
  for (let i = 0; i < state.count; i++) {
    const plan = state.plan[i];
    const segment = state.valueSegment[i];
    if (state.status[i] === STATUS_ACTIVE) {
      state.activeDays[i] += endDay - state.activeSinceDay[i];
      state.activeSinceDay[i] = endDay;
      flushAnnoyance(state, i, endDay, params);
    }
    addToGroups(sums.size, plan, segment, 1); // everyone who was a customer at some point: base and gross adds
    addToGroups(sums.activeDays, plan, segment, state.activeDays[i]);
    addToGroups(sums.revenue, plan, segment, state.revenue[i]);
    addToGroups(sums.annoyanceSum, plan, segment, state.annoyanceSum[i]);
    addToGroups(sums.retainedValue, plan, segment, retainedValue(state, i, endDay, sim.world, params));
    subscriberDays += state.activeDays[i];
  }
  const programs: ReplicateResult["programs"] = {};
  PROGRAMS.forEach((program, p) => {
    programs[program] = Object.fromEntries(
      PROGRAM_COUNTERS.map((name, c) => [name, metrics.programs[p * PROGRAM_COUNTERS.length + c]]),
    ) as Record<(typeof PROGRAM_COUNTERS)[number], number>;
  });
  return {
    policy: sim.policyName,
    replicate: sim.replicate,
    groups: replicateKpis(metrics, sums, params.marginShare),
    series: seriesKpis(metrics, endDay),
    programs,
    subscriberDays,
    decisions: metrics.decisions,
  };
}
