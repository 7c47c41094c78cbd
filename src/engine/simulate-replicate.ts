import { addToGroups, createGroupSums, replicateKpis, seriesKpis, type Kpis } from "../metrics/replicate-kpis.js";
import type { Group } from "../metrics/metric-groups.js";
import { retainedValue } from "../world/churn/retained-value.js";
import { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import { PROGRAMS } from "../scenario/vocabulary.js";
import type { DecisionLog } from "../log/decision-log.js";
import type { LearningCurve } from "../policy/policy.js";
import { createReplicateSimulation, type ReplicateOptions, type ReplicateSimulation } from "./replicate-simulation.js";
import { stepDay } from "./step-day.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { flushAnnoyance } from "../world/state/decaying-levels.js";

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

export interface SimulateOptions extends ReplicateOptions {
  /** Called after every simulated day (progress reporting). */
  readonly onDay?: (day: number) => void;
}

/** Runs one policy on one replicate of the scenario, from day 0 to the horizon. */
export function simulateReplicate(options: SimulateOptions): ReplicateResult & { log: DecisionLog | null } {
  const days = replicateDays(options);
  for (let step = days.next(); ; step = days.next()) {
    if (step.done) return step.value;
    if (step.value >= 0) options.onDay?.(step.value);
  }
}

/**
 * The same run, one simulated day at a time: yields each day after simulating it, warm-up days
 * (negative) included, and returns the result. A caller can pause between days (to let its
 * event loop run), report progress, or stop.
 */
export function* replicateDays(options: ReplicateOptions): Generator<number, ReplicateResult & { log: DecisionLog | null }, void> {
  const started = performance.now();
  const sim = createReplicateSimulation(options);
  for (let day = sim.params.firstDay; day < sim.scenario.horizonDays; day++) {
    stepDay(sim, day);
    yield day;
  }
  const curve = sim.policy.learningCurve?.() ?? null;
  const learningCurve = curve ? { xLabel: curve.xLabel, yLabel: curve.yLabel, x: [...curve.x], y: [...curve.y] } : null;
  return { ...summarize(sim), wallSeconds: (performance.now() - started) / 1000, learningCurve, log: sim.log };
}

function summarize(sim: ReplicateSimulation): Omit<ReplicateResult, "wallSeconds" | "learningCurve"> {
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
