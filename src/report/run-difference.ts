import { pairedDifference, type MeanDifference, type ReplicateSummary } from "../metrics/summarize-replicates.js";
import { welchDifference } from "../metrics/welch-difference.js";
import type { ExperimentResults } from "./build-results.js";

/** How two runs' KPIs are compared: seed by seed when they share seeds and sizes, else Welch. */
export type DifferenceMethod = "paired" | "welch";

/** The method for two runs, why it was chosen, and whether their per-subscriber totals compare. */
export interface RunPairing {
  readonly method: DifferenceMethod;
  /** One sentence for people: which method and why. */
  readonly reason: string;
  /** False when days or subscribers differ: totals per customer (revenue, value, counts) are over different runs. */
  readonly totalsComparable: boolean;
}

/**
 * "paired" when both runs drew the same random numbers seed by seed: the same root seed and
 * replicates, subscribers, days and warm-up. The scenarios may differ (a what-if against its
 * baseline): each seed's pair then differs by the scenario's changes alone (common random
 * numbers), which is what pairing is for. Otherwise "welch" (independent samples).
 */
export function runPairing(a: ExperimentResults, b: ExperimentResults): RunPairing {
  const differences = [
    ...(a.config.rootSeed !== b.config.rootSeed ? [`root seeds differ (${a.config.rootSeed} vs ${b.config.rootSeed})`] : []),
    ...(a.config.replicates.join(",") !== b.config.replicates.join(",") ? [`seeds differ (${a.config.replicates.length} vs ${b.config.replicates.length} replicates)`] : []),
    ...sizeDifferences(a, b),
  ];
  const totalsComparable = sizeDifferences(a, b).length === 0;
  if (differences.length > 0) {
    return { method: "welch", reason: `Welch, unpaired: the ${differences.join(", ")}`, totalsComparable };
  }
  const reason =
    a.scenario.hash === b.scenario.hash
      ? "paired per seed: the runs share scenario, root seed, seeds, subscribers and days (the same worlds)"
      : `paired per seed: the runs share root seed, seeds, subscribers and days, so each seed's two worlds drew the same random numbers and differ only by the scenarios (${a.scenario.name} vs ${b.scenario.name})`;
  return { method: "paired", reason, totalsComparable };
}

function sizeDifferences(a: ExperimentResults, b: ExperimentResults): string[] {
  return [
    ...(a.config.subscribers !== b.config.subscribers ? [`subscribers differ (${a.config.subscribers} vs ${b.config.subscribers})`] : []),
    ...(a.config.days !== b.config.days ? [`days differ (${a.config.days} vs ${b.config.days})`] : []),
    ...(a.config.warmupDays !== b.config.warmupDays ? [`warm-up days differ (${a.config.warmupDays} vs ${b.config.warmupDays})`] : []),
  ];
}

/** The method alone: see runPairing. */
export function differenceMethod(a: ExperimentResults, b: ExperimentResults): DifferenceMethod {
  return runPairing(a, b).method;
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
