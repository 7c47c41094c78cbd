import { addToGroups, createGroupSums, replicateKpis, seriesKpis, type Kpis } from "../metrics/replicate-kpis.js";
import type { Group } from "../metrics/metric-groups.js";
import { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import { PROGRAMS } from "../scenario/vocabulary.js";
import type { LearningCurve } from "../policy/policy.js";
import { retainedValue } from "../world/churn/retained-value.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { flushAnnoyance } from "../world/state/decaying-levels.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";

/** The outcome of one (policy, replicate) run: plain data, ready to cross a worker boundary. */
export interface ReplicateResult {
  readonly policy: string;
  readonly replicate: number;
  readonly groups: Record<Group, Kpis>;
  readonly series: ReturnType<typeof seriesKpis>;
  readonly programs: Record<string, Record<(typeof PROGRAM_COUNTERS)[number], number>>;
  readonly subscriberDays: number;
  readonly wallSeconds: number;
  /** The policy's learning curve, when it learns (plain data). */
  readonly learningCurve: LearningCurve | null;
}

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
  };
}
