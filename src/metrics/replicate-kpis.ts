import { DAYS_PER_MONTH } from "../world/params/world-params.js";
import { COUNTER, COUNTERS, GROUPS, PLAN_GROUP_OFFSET, SEGMENT_GROUP_OFFSET, type Group } from "./metric-groups.js";
import { PERIOD_DAYS, SERIES, SERIES_INDEX, type ReplicateMetrics } from "./replicate-metrics.js";

/** KPI names, in report order. Every one is defined in docs/kpis.md. */
export const KPI_NAMES = [
  "churnRateMonthly",
  "churned",
  "netRevenue",
  "revenuePerSub",
  "arpu",
  "acceptRate",
  "contactsPerSubMonth",
  "annoyance",
  "complaintRate",
  "optOutRate",
  "offerCost",
  "clv",
  "tailValue",
  "netValuePerSub",
  "revenue",
  "tailRevenue",
  "tailChurned",
  "contacts",
  "accepts",
  "saves",
  "returned",
  "linesLost",
] as const;
export type KpiName = (typeof KPI_NAMES)[number];
export type Kpis = Record<KpiName, number>;

/**
 * Sums per group that come from the subscriber arrays: the run's at the horizon, the value
 * tail's (its revenue and leavers) and the value retained after the tail.
 */
export interface GroupSums {
  size: Float64Array;
  activeDays: Float64Array;
  revenue: Float64Array;
  annoyanceSum: Float64Array;
  tailRevenue: Float64Array;
  tailChurned: Float64Array;
  /** Annuitised after the tail (at the horizon when there is none). */
  retainedValue: Float64Array;
}

export function createGroupSums(): GroupSums {
  const make = () => new Float64Array(GROUPS.length);
  return { size: make(), activeDays: make(), revenue: make(), annoyanceSum: make(), tailRevenue: make(), tailChurned: make(), retainedValue: make() };
}

/** Adds one subscriber's sums to the whole base, its plan's group and its segment's group. */
export function addToGroups(sums: Float64Array, plan: number, segment: number, amount: number): void {
  sums[0] += amount;
  sums[PLAN_GROUP_OFFSET + plan] += amount;
  sums[SEGMENT_GROUP_OFFSET + segment] += amount;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : 0);

/** The KPIs of every group of one replicate. */
export function replicateKpis(metrics: ReplicateMetrics, sums: GroupSums, marginShare: number): Record<Group, Kpis> {
  const result = {} as Record<Group, Kpis>;
  GROUPS.forEach((group, g) => {
    const count = (name: keyof typeof COUNTER) => metrics.counters[g * COUNTERS.length + COUNTER[name]];
    const months = sums.activeDays[g] / DAYS_PER_MONTH;
    const size = sums.size[g];
    const revenue = sums.revenue[g];
    const spend = count("offerCost") + count("contactCost");
    const contacts = count("contacts");
    // Value after the run: the tail's margin (simulated), then the annuity after it.
    const valueAfterRun = marginShare * sums.tailRevenue[g] + sums.retainedValue[g];
    result[group] = {
      churnRateMonthly: ratio(count("churned"), months),
      churned: count("churned"),
      netRevenue: revenue - spend,
      revenuePerSub: ratio(revenue - spend, size),
      arpu: ratio(revenue, months),
      acceptRate: ratio(count("accepts"), contacts),
      contactsPerSubMonth: ratio(contacts, months),
      annoyance: ratio(sums.annoyanceSum[g], sums.activeDays[g]),
      complaintRate: ratio(count("complaints"), contacts),
      optOutRate: ratio(count("optOuts"), contacts),
      offerCost: spend,
      clv: ratio(valueAfterRun, size),
      tailValue: ratio(marginShare * sums.tailRevenue[g], size),
      netValuePerSub: ratio(marginShare * revenue - spend + valueAfterRun, size),
      revenue,
      tailRevenue: sums.tailRevenue[g],
      tailChurned: sums.tailChurned[g],
      contacts,
      accepts: count("accepts"),
      saves: count("saves"),
      returned: count("returned"),
      linesLost: count("linesLost"),
    };
  });
  return result;
}

/** Whole-base KPIs charted over time, in this order (docs/kpis.md, "KPIs over time"). */
export const TIME_SERIES_KPIS = ["churnRateMonthly", "revenue", "contactsPerSubMonth", "acceptRate", "annoyance", "cost", "activeSubscribers"] as const;
export type TimeSeriesKpi = (typeof TIME_SERIES_KPIS)[number];

/** KPIs per 30-day period for the whole base (for charts of KPIs over time). */
export function seriesKpis(metrics: ReplicateMetrics, horizonDays: number) {
  return Array.from({ length: metrics.periods }, (_, period) => ({
    period,
    startDay: period * PERIOD_DAYS,
    ...bucketKpis(metrics.series, period, PERIOD_DAYS, horizonDays),
    decisions: metrics.series[period * SERIES.length + SERIES_INDEX.decisions],
  }));
}

/**
 * The whole base's KPIs per bucket of `metrics.bucketDays`, seed by seed in results.json
 * (`timeSeries`), as columns: the same KPIs as seriesKpis, in finer buckets where the scenario
 * has short events (seriesBucketDays).
 */
export function bucketSeriesKpis(metrics: ReplicateMetrics, horizonDays: number): { bucketDays: number; startDay: number[]; values: Record<TimeSeriesKpi, number[]> } {
  const { bucketDays, buckets } = metrics;
  const rows = Array.from({ length: buckets }, (_, bucket) => bucketKpis(metrics.bucketSeries, bucket, bucketDays, horizonDays));
  const values = Object.fromEntries(TIME_SERIES_KPIS.map((kpi) => [kpi, rows.map((row) => row[kpi])])) as Record<TimeSeriesKpi, number[]>;
  return { bucketDays, startDay: rows.map((_, bucket) => bucket * bucketDays), values };
}

/** The KPIs of bucket `bucket` of a buckets x SERIES array whose buckets are `bucketDays` long. */
function bucketKpis(series: Float64Array, bucket: number, bucketDays: number, horizonDays: number): Record<TimeSeriesKpi, number> {
  const at = (name: (typeof SERIES)[number]) => series[bucket * SERIES.length + SERIES_INDEX[name]];
  const activeDays = at("activeSubscriberDays");
  const months = activeDays / DAYS_PER_MONTH;
  return {
    churnRateMonthly: ratio(at("churned"), months),
    revenue: at("revenue"),
    contactsPerSubMonth: ratio(at("contacts"), months),
    acceptRate: ratio(at("accepts"), at("contacts")),
    annoyance: at("annoyanceEnd"),
    cost: at("cost"),
    activeSubscribers: activeDays / Math.min(bucketDays, horizonDays - bucket * bucketDays),
  };
}
