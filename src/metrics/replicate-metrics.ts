import { PROGRAMS } from "../scenario/vocabulary.js";
import { COUNTERS, GROUPS, PLAN_GROUP_OFFSET, SEGMENT_GROUP_OFFSET } from "./metric-groups.js";
import type { SubscriberState } from "../world/state/subscriber-state.js";
import type { DecayTables } from "../world/state/decaying-levels.js";
import { meanAnnoyance } from "./mean-annoyance.js";

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
  /** periods x SERIES: 30-day periods (results.json `series`). */
  readonly series: Float64Array;
  readonly periods: number;
  /** buckets x SERIES: buckets of `bucketDays` (results.json `timeSeries`, seed by seed). */
  readonly bucketSeries: Float64Array;
  readonly buckets: number;
  readonly bucketDays: number;
  /** Decisions the policy was asked for (one per decision moment, "no action" included). */
  decisions: number;
}

/** Counters for a run of `horizonDays`, its series over time in buckets of `bucketDays` (seriesBucketDays) besides the 30-day periods. */
export function createReplicateMetrics(horizonDays: number, bucketDays: number = PERIOD_DAYS): ReplicateMetrics {
  const periods = Math.ceil(horizonDays / PERIOD_DAYS);
  const buckets = Math.ceil(horizonDays / bucketDays);
  return {
    counters: new Float64Array(GROUPS.length * COUNTERS.length),
    programs: new Float64Array(PROGRAMS.length * PROGRAM_COUNTERS.length),
    series: new Float64Array(periods * SERIES.length),
    periods,
    bucketSeries: new Float64Array(buckets * SERIES.length),
    buckets,
    bucketDays,
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

/** Adds `amount` to `series` on `day`: in its 30-day period and in its bucket. */
export function addToSeries(metrics: ReplicateMetrics, day: number, series: number, amount: number): void {
  metrics.series[Math.floor(day / PERIOD_DAYS) * SERIES.length + series] += amount;
  metrics.bucketSeries[Math.floor(day / metrics.bucketDays) * SERIES.length + series] += amount;
}

/**
 * Records the mean annoyance of the active subscribers on `day` where a 30-day period or a bucket
 * ends that day, or the run does (`lastDay`); it is measured only then, once.
 */
export function recordAnnoyanceSnapshot(metrics: ReplicateMetrics, day: number, lastDay: number, state: SubscriberState, tables: DecayTables): void {
  const periodEnds = (day + 1) % PERIOD_DAYS === 0 || day === lastDay;
  const bucketEnds = (day + 1) % metrics.bucketDays === 0 || day === lastDay;
  if (!periodEnds && !bucketEnds) return;
  const annoyance = meanAnnoyance(state, day, tables);
  const index = SERIES_INDEX.annoyanceEnd;
  if (periodEnds) metrics.series[Math.floor(day / PERIOD_DAYS) * SERIES.length + index] += annoyance;
  if (bucketEnds) metrics.bucketSeries[Math.floor(day / metrics.bucketDays) * SERIES.length + index] += annoyance;
}
