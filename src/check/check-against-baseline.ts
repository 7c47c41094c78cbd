import { InputError } from "../input-error.js";
import { KPI_NAMES, type KpiName } from "../metrics/replicate-kpis.js";
import type { PolicyResults } from "../report/build-results.js";
import { KPI_DIRECTION, type KpiDirection } from "../report/kpi-direction.js";
import type { LoadedResults } from "../report/read-results-file.js";
import { kpiDifference, sameSeeds, sameWorlds, type DifferenceMethod } from "../report/run-difference.js";
import { describeTolerance, toleranceAmount, type Tolerances } from "./parse-tolerances.js";
import { formatKpiAmount, formatKpiInterval } from "./check-units.js";
import { detectableChange } from "./detectable-change.js";

export { formatNumber } from "./check-units.js";

/** pass, fail (significantly worse beyond the tolerance, or missing), or not checked. */
export type CheckStatus = "pass" | "fail" | "skipped";

/** The verdict on one (policy, KPI). */
export interface KpiCheck {
  policy: string;
  kpi: KpiName;
  direction: KpiDirection;
  status: CheckStatus;
  baseline: number | null;
  current: number | null;
  /** current - baseline and its 95 % interval (null with one seed). */
  meanDiff: number | null;
  ci95: [number, number] | null;
  /** The tolerance in the KPI's units, and as given ("2 %"). */
  tolerance: number | null;
  /**
   * The smallest worsening the gate detects 4 times in 5 at this tolerance with the baseline's
   * seeds (detectableChange), in the KPI's units; null when not gated or not estimable.
   */
  detectable: number | null;
  toleranceText: string;
  /** One sentence: why it passed, failed or was skipped. */
  reason: string;
}

export interface CheckReport {
  currentFile: string;
  baselineFile: string;
  method: DifferenceMethod;
  /** The baseline's number of seeds: what the detectable changes assume. */
  seeds: number;
  checks: KpiCheck[];
  failures: number;
}

export interface CheckOptions {
  /** Compare runs on different seeds (Welch) instead of refusing them. */
  allowOtherSeeds: boolean;
}

/**
 * Checks every policy and KPI of `current` against `baseline` (docs/ci-gate.md). A gated KPI
 * fails when the 95 % interval of current - baseline lies entirely beyond the tolerance in the
 * worse direction; a baseline policy missing from `current` fails every KPI. Runs of different
 * worlds (scenario hash, subscribers, days) are bad input, and so are different seeds unless
 * `allowOtherSeeds`.
 */
export function checkAgainstBaseline(current: LoadedResults, baseline: LoadedResults, tolerances: Tolerances, options: CheckOptions): CheckReport {
  assertComparable(current, baseline, options);
  const method: DifferenceMethod = sameSeeds(current.results, baseline.results) ? "paired" : "welch";
  const byName = new Map(current.results.policies.map((entry) => [entry.policy, entry]));
  const baselineNames = new Set(baseline.results.policies.map((entry) => entry.policy));
  const checks = [
    ...baseline.results.policies.flatMap((base) => KPI_NAMES.map((kpi) => checkKpi(kpi, byName.get(base.policy), base, tolerances, method))),
    ...current.results.policies
      .filter((entry) => !baselineNames.has(entry.policy))
      .flatMap((entry) => KPI_NAMES.map((kpi) => skipped(entry.policy, kpi, tolerances, "the policy is not in the baseline"))),
  ];
  return { currentFile: current.file, baselineFile: baseline.file, method, seeds: baseline.results.config.seeds, checks, failures: checks.filter((check) => check.status === "fail").length };
}

function checkKpi(kpi: KpiName, entry: PolicyResults | undefined, base: PolicyResults, tolerances: Tolerances, method: DifferenceMethod): KpiCheck {
  const direction = KPI_DIRECTION[kpi];
  const baselineMean = base.kpis[kpi].mean;
  const tolerance = toleranceAmount(tolerances, kpi, baselineMean);
  const common = { policy: base.policy, kpi, direction, baseline: baselineMean, toleranceText: describeTolerance(tolerances, kpi) };
  const detectable = direction === null ? null : detectableChange(base, kpi, tolerance);
  if (!entry) {
    return { ...common, status: "fail", current: null, meanDiff: null, ci95: null, tolerance, detectable, reason: "the policy is in the baseline but not in the current run (it failed or was left out)" };
  }
  const { meanDiff, ci95 } = kpiDifference(entry.kpis[kpi], base.kpis[kpi], method);
  const measured = { ...common, current: entry.kpis[kpi].mean, meanDiff, ci95 };
  if (direction === null) return { ...measured, status: "skipped", tolerance: null, detectable: null, toleranceText: "", reason: "not gated: neither higher nor lower is better" };
  // Worse amounts: positive means worse. The interval's best end must still be worse than the tolerance.
  const worse = (value: number) => (direction === "lower" ? value : -value);
  const leastWorse = ci95 ? Math.min(worse(ci95[0]), worse(ci95[1])) : worse(meanDiff);
  const failed = leastWorse > tolerance;
  const basis = ci95 ? "its 95 % interval" : "the difference (one seed, no interval)";
  const reason = failed
    ? `${direction === "lower" ? "higher" : "lower"} than the baseline by more than the tolerance ${formatKpiAmount(kpi, tolerance)}: ${basis} of current - baseline is ${formatKpiInterval(kpi, meanDiff, ci95)}`
    : `not significantly worse than the baseline by more than ${formatKpiAmount(kpi, tolerance)}: current - baseline is ${formatKpiInterval(kpi, meanDiff, ci95)}`;
  return { ...measured, status: failed ? "fail" : "pass", tolerance, detectable, reason };
}

function skipped(policy: string, kpi: KpiName, tolerances: Tolerances, reason: string): KpiCheck {
  return { policy, kpi, direction: KPI_DIRECTION[kpi], status: "skipped", baseline: null, current: null, meanDiff: null, ci95: null, tolerance: null, detectable: null, toleranceText: describeTolerance(tolerances, kpi), reason };
}

function assertComparable(current: LoadedResults, baseline: LoadedResults, options: CheckOptions): void {
  const a = current.results;
  const b = baseline.results;
  const problems: string[] = [];
  const differ = (field: string, expected: unknown, found: unknown) =>
    problems.push(`${baseline.file}: ${field} must equal the current run's (${current.file}) ${JSON.stringify(found)}, got ${JSON.stringify(expected)}`);
  if (!sameWorlds(a, b)) {
    if (a.scenario.hash !== b.scenario.hash) differ("scenario.hash", b.scenario.hash, a.scenario.hash);
    if (a.config.subscribers !== b.config.subscribers) differ("config.subscribers", b.config.subscribers, a.config.subscribers);
    if (a.config.days !== b.config.days) differ("config.days", b.config.days, a.config.days);
    if (a.config.warmupDays !== b.config.warmupDays) differ("config.warmupDays", b.config.warmupDays, a.config.warmupDays);
  }
  if (!options.allowOtherSeeds && !sameSeeds(a, b)) {
    if (a.config.rootSeed !== b.config.rootSeed) differ("config.rootSeed", b.config.rootSeed, a.config.rootSeed);
    if (a.config.replicates.join(",") !== b.config.replicates.join(",")) differ("config.replicates", b.config.replicates, a.config.replicates);
  }
  if (problems.length > 0) {
    problems.push("a baseline must come from the same experiment: rerun it, or regenerate the baseline with --update-baseline (--allow-other-seeds compares other seeds with Welch intervals)");
    throw new InputError(problems);
  }
}
