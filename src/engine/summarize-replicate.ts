import { addToGroups, bucketSeriesKpis, createGroupSums, replicateKpis, seriesKpis } from "../metrics/replicate-kpis.js";
import { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import { COUNTER, COUNTERS, GROUPS } from "../metrics/metric-groups.js";
import { PROGRAMS } from "../scenario/vocabulary.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { retainedValue } from "../world/churn/retained-value.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { flushAnnoyance } from "../world/state/decaying-levels.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { runValueTail } from "./value-tail.js";

/**
 * The KPIs of a replicate: the run's counters and sums at the horizon, then the value tail
 * (runValueTail: the world under no contact for economics.tailMonths), its money, and the value
 * retained after it. Call once, at the horizon: it runs the tail.
 */
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
    subscriberDays += state.activeDays[i];
  }
  const tail = runValueTail(sim);
  for (let i = 0; i < state.count; i++) {
    const plan = state.plan[i];
    const segment = state.valueSegment[i];
    addToGroups(sums.tailRevenue, plan, segment, state.revenue[i]);
    addToGroups(sums.retainedValue, plan, segment, retainedValue(state, i, tail.endDay, sim.world, params, params.monthsAfterTail));
  }
  GROUPS.forEach((_, g) => (sums.tailChurned[g] = tail.metrics.counters[g * COUNTERS.length + COUNTER.churned]));
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
    timeSeries: bucketSeriesKpis(metrics, endDay),
    programs,
    subscriberDays,
    decisions: metrics.decisions,
  };
}
