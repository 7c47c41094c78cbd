import { PERIOD_DAYS } from "./replicate-metrics.js";

/** Days per bucket of the series over time when no scheduled event asks for finer ones. */
export const COARSE_BUCKET_DAYS = PERIOD_DAYS;
/** An event window shorter than this gets daily buckets; shorter than WEEKLY_BELOW_DAYS, weekly ones. */
export const DAILY_BELOW_DAYS = 14;
export const WEEKLY_BELOW_DAYS = 60;

/** What the bucket rule reads of a scheduled event. */
export interface TimedEvent {
  readonly type: string;
  readonly startDay: number;
  readonly endDay: number;
}

/**
 * Days per bucket of the KPIs over time (docs/reports.md, "KPIs over time"), from the shortest
 * event window inside the horizon (days in force, `endDay - startDay + 1`, clipped to the
 * horizon): under 14 days, daily buckets (1); under 60 days, weekly (7); otherwise, or without
 * events, 30-day buckets. A price-change is a step (the new price holds from `startDay` on), not
 * a window, so it does not count.
 *
 * @example
 * seriesBucketDays([{ type: "network-outage", startDay: 40, endDay: 44 }], 365); // 1: a 5-day outage
 */
export function seriesBucketDays(events: readonly TimedEvent[], horizonDays: number): number {
  const windows = events
    .filter((event) => event.type !== "price-change" && event.startDay < horizonDays)
    .map((event) => Math.min(event.endDay, horizonDays - 1) - event.startDay + 1);
  const shortest = Math.min(...windows);
  if (shortest < DAILY_BELOW_DAYS) return 1;
  if (shortest < WEEKLY_BELOW_DAYS) return 7;
  return COARSE_BUCKET_DAYS;
}
