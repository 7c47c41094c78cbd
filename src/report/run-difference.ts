import { pairedDifference, type MeanDifference, type ReplicateSummary } from "../metrics/summarize-replicates.js";
import { welchDifference } from "../metrics/welch-difference.js";
import type { ExperimentResults } from "./build-results.js";

/** How two runs' KPIs are compared: seed by seed when they share the world, else Welch. */
export type DifferenceMethod = "paired" | "welch";

/**
 * "paired" when both runs simulated the same worlds (same scenario hash, root seed, replicates,
 * subscribers and days: common random numbers, so per-seed differences cancel the shared
 * noise), else "welch" (independent samples).
 */
export function differenceMethod(a: ExperimentResults, b: ExperimentResults): DifferenceMethod {
  return sameWorlds(a, b) && sameSeeds(a, b) ? "paired" : "welch";
}

export function sameWorlds(a: ExperimentResults, b: ExperimentResults): boolean {
  return a.scenario.hash === b.scenario.hash && a.config.subscribers === b.config.subscribers && a.config.days === b.config.days && a.config.warmupDays === b.config.warmupDays;
}

export function sameSeeds(a: ExperimentResults, b: ExperimentResults): boolean {
  return a.config.rootSeed === b.config.rootSeed && a.config.replicates.join(",") === b.config.replicates.join(",");
}

/** current - baseline of one KPI with a 95 % t-interval, by `method`. */
export function kpiDifference(current: ReplicateSummary, baseline: ReplicateSummary, method: DifferenceMethod): MeanDifference {
  if (method === "paired" && current.perSeed.length === baseline.perSeed.length) return pairedDifference(current.perSeed, baseline.perSeed);
  return welchDifference(current.perSeed, baseline.perSeed);
}
