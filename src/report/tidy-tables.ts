import { KPI_NAMES } from "../metrics/replicate-kpis.js";
import type { ExperimentResults, KpiSummaries, PolicyResults } from "./build-results.js";

/** One cell of a tidy table: text, a number or a boolean. */
export type TidyCell = string | number | boolean;

/** A long-format table: one observation per row, one variable per column. */
export interface TidyTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TidyCell[])[];
}

/** The columns that say which run and seed a row comes from, first in every tidy table. */
export const RUN_COLUMNS = ["run_id", "scenario", "scenario_hash", "root_seed", "seed"] as const;

/** Each tidy table of a run, by the name of its CSV file. */
export function tidyTables(results: ExperimentResults): Record<"kpis.csv" | "paired.csv" | "series.csv" | "programs.csv", TidyTable> {
  return { "kpis.csv": kpiTable(results), "paired.csv": pairedTable(results), "series.csv": seriesTable(results), "programs.csv": programTable(results) };
}

/** The run columns of seed `seed` (its index in config.replicates). */
function runCells(results: ExperimentResults, seed: number): TidyCell[] {
  return [String(results.meta.runId ?? ""), results.scenario.name, results.scenario.hash, results.config.rootSeed, results.config.replicates[seed]];
}

/** "all" for the whole base, then every segment. */
function groups(entry: PolicyResults): [string, KpiSummaries][] {
  return [["all", entry.kpis], ...Object.entries(entry.segments)];
}

/** kpis.csv: per seed, policy, segment and KPI, the value of that seed's run. */
function kpiTable(results: ExperimentResults): TidyTable {
  const rows: TidyCell[][] = [];
  for (const entry of results.policies) {
    for (const [segment, kpis] of groups(entry)) {
      for (const kpi of KPI_NAMES) kpis[kpi].perSeed.forEach((value, seed) => rows.push([...runCells(results, seed), entry.policy, segment, kpi, value]));
    }
  }
  return { header: [...RUN_COLUMNS, "policy", "segment", "kpi", "value"], rows };
}

/** paired.csv: per seed, policy (the reference left out), segment and KPI, the policy's value minus the reference's on the same seed. */
function pairedTable(results: ExperimentResults): TidyTable {
  const header = [...RUN_COLUMNS, "policy", "reference", "segment", "kpi", "value", "reference_value", "difference"];
  const reference = results.policies.find((entry) => entry.policy === results.config.reference);
  if (!reference) return { header, rows: [] };
  const referenceGroups = new Map(groups(reference));
  const rows: TidyCell[][] = [];
  for (const entry of results.policies) {
    if (entry === reference) continue;
    for (const [segment, kpis] of groups(entry)) {
      for (const kpi of KPI_NAMES) {
        const base = referenceGroups.get(segment)![kpi].perSeed;
        kpis[kpi].perSeed.forEach((value, seed) => rows.push([...runCells(results, seed), entry.policy, reference.policy, segment, kpi, value, base[seed], value - base[seed]]));
      }
    }
  }
  return { header, rows };
}

/** series.csv: per seed, policy, 30-day period and metric (docs/kpis.md#series-and-programs). */
function seriesTable(results: ExperimentResults): TidyTable {
  const rows: TidyCell[][] = [];
  for (const entry of results.policies) {
    (entry.seriesPerSeed ?? []).forEach((series, seed) => {
      for (const { period, startDay, ...metrics } of series) {
        for (const [metric, value] of Object.entries(metrics)) rows.push([...runCells(results, seed), entry.policy, period, startDay, metric, value]);
      }
    });
  }
  return { header: [...RUN_COLUMNS, "policy", "period", "start_day", "metric", "value"], rows };
}

/** programs.csv: per seed, policy, CVM program and counter. */
function programTable(results: ExperimentResults): TidyTable {
  const rows: TidyCell[][] = [];
  for (const entry of results.policies) {
    (entry.programsPerSeed ?? []).forEach((programs, seed) => {
      for (const [program, counters] of Object.entries(programs)) {
        for (const [counter, value] of Object.entries(counters)) rows.push([...runCells(results, seed), entry.policy, program, counter, value]);
      }
    });
  }
  return { header: [...RUN_COLUMNS, "policy", "program", "counter", "value"], rows };
}
