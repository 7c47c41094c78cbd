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
    };
  });
  return result;
}

/** KPIs per 30-day period for the whole base (for charts of KPIs over time). */
export function seriesKpis(metrics: ReplicateMetrics, horizonDays: number) {
  const at = (period: number, name: (typeof SERIES)[number]) => metrics.series[period * SERIES.length + SERIES_INDEX[name]];
  return Array.from({ length: metrics.periods }, (_, period) => {
    const activeDays = at(period, "activeSubscriberDays");
    const months = activeDays / DAYS_PER_MONTH;
    return {
      period,
      startDay: period * PERIOD_DAYS,
      churnRateMonthly: ratio(at(period, "churned"), months),
      revenue: at(period, "revenue"),
      contactsPerSubMonth: ratio(at(period, "contacts"), months),
      acceptRate: ratio(at(period, "accepts"), at(period, "contacts")),
      annoyance: at(period, "annoyanceEnd"),
      cost: at(period, "cost"),
      decisions: at(period, "decisions"),
      activeSubscribers: activeDays / Math.min(PERIOD_DAYS, horizonDays - period * PERIOD_DAYS),
    };
  });
}
