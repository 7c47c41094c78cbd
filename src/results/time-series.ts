import type { TimeSeriesKpi } from "../metrics/replicate-kpis.js";

export { TIME_SERIES_KPIS, type TimeSeriesKpi } from "../metrics/replicate-kpis.js";

/**
 * One replicate's whole-base KPIs per time bucket, as columns: `startDay[k]` is the first day of
 * bucket k, `values[kpi][k]` its value. Buckets are `bucketDays` long (the last may be shorter),
 * chosen from the scenario's events (seriesBucketDays).
 */
export interface ReplicateTimeSeries {
  readonly bucketDays: number;
  readonly startDay: readonly number[];
  readonly values: Readonly<Record<TimeSeriesKpi, readonly number[]>>;
}

/**
 * A policy's KPIs over time, seed by seed, in results.json: the buckets of
 * ReplicateTimeSeries and, per seed in replicate order, the values of each KPI per bucket.
 * Intervals over seeds are computed from `perSeed`, bucket by bucket.
 */
export interface TimeSeriesBySeed {
  readonly bucketDays: number;
  readonly startDay: readonly number[];
  readonly perSeed: readonly Readonly<Record<TimeSeriesKpi, readonly number[]>>[];
}

/** A scheduled event's window, for shading charts over time (results.json `scenario.events`). */
export interface EventWindow {
  readonly type: string;
  readonly label: string;
  /** First and last day in force (inclusive), as in the scenario. */
  readonly startDay: number;
  readonly endDay: number;
  readonly region: number | "all";
}
