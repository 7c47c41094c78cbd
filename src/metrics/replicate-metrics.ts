import { PROGRAMS } from "../scenario/vocabulary.js";
import { COUNTERS, GROUPS, PLAN_GROUP_OFFSET, SEGMENT_GROUP_OFFSET } from "./metric-groups.js";

export const PERIOD_DAYS = 30;
/** Per-period series, for KPIs over time. */
export const SERIES = ["activeSubscriberDays", "churned", "revenue", "contacts", "accepts", "annoyanceEnd", "cost", "decisions"] as const;
export const SERIES_INDEX = Object.fromEntries(SERIES.map((name, index) => [name, index])) as Record<(typeof SERIES)[number], number>;
/**
 * Per CVM program: counts and costs, plus the value the program's accepted offers are credited
 * with for its ROI (docs/kpis.md, "Program ROI"): `arpuUplift` is the deal value booked at
 * acceptance, `clvGain` the retained value of customers saved at the cancellation desk or won back.
 */
export const PROGRAM_COUNTERS = ["contacts", "accepts", "offerCost", "contactCost", "saves", "arpuUplift", "clvGain"] as const;
export const PROGRAM_COUNTER = Object.fromEntries(PROGRAM_COUNTERS.map((name, index) => [name, index])) as Record<(typeof PROGRAM_COUNTERS)[number], number>;

/**
 * Counts of one (policy, replicate) run. Event counts are added as events happen (they are rare);
 * per-subscriber sums (active days, revenue, annoyance) live in the subscriber state and are
 * folded in at the end.
 */
export interface ReplicateMetrics {
  /** GROUPS x COUNTERS. */
  readonly counters: Float64Array;
  /** PROGRAMS x PROGRAM_COUNTERS. */
  readonly programs: Float64Array;
  /** periods x SERIES. */
  readonly series: Float64Array;
  readonly periods: number;
  /** Decisions the policy was asked for (one per decision moment, "no action" included). */
  decisions: number;
}

export function createReplicateMetrics(horizonDays: number): ReplicateMetrics {
  const periods = Math.ceil(horizonDays / PERIOD_DAYS);
  return {
    counters: new Float64Array(GROUPS.length * COUNTERS.length),
    programs: new Float64Array(PROGRAMS.length * PROGRAM_COUNTERS.length),
    series: new Float64Array(periods * SERIES.length),
    periods,
    decisions: 0,
  };
}

/** Adds `amount` to `counter` for the whole base, the plan's group and the segment's group. */
export function countEvent(metrics: ReplicateMetrics, counter: number, plan: number, segment: number, amount = 1): void {
  const width = COUNTERS.length;
  metrics.counters[counter] += amount;
  metrics.counters[(PLAN_GROUP_OFFSET + plan) * width + counter] += amount;
  metrics.counters[(SEGMENT_GROUP_OFFSET + segment) * width + counter] += amount;
}

export function countProgram(metrics: ReplicateMetrics, program: number, counter: number, amount = 1): void {
  metrics.programs[program * PROGRAM_COUNTERS.length + counter] += amount;
}

export function addToSeries(metrics: ReplicateMetrics, day: number, series: number, amount: number): void {
  metrics.series[Math.floor(day / PERIOD_DAYS) * SERIES.length + series] += amount;
}
