import type { KpiName } from "../metrics/replicate-kpis.js";
import type { LoadedResults } from "./read-results-file.js";
import { formatDifference, KPI_DISPLAY, kpiLabel } from "./kpi-format.js";
import { runCurrency } from "./currency.js";
import { kpiDifference, runPairing, type DifferenceMethod } from "./run-difference.js";
import { textTable } from "./text-table.js";

/** One policy's KPI in run A and run B, and B - A with its 95 % interval. */
export interface ComparisonRow {
  policy: string;
  kpi: KpiName;
  a: number;
  b: number;
  meanDiff: number;
  ci95: [number, number] | null;
}

export interface RunComparison {
  fileA: string;
  fileB: string;
  method: DifferenceMethod;
  /** Which method and why, in one sentence. */
  methodReason: string;
  /** False when days or subscribers differ: per-subscriber totals are over different runs. */
  totalsComparable: boolean;
  rows: ComparisonRow[];
  onlyInA: string[];
  onlyInB: string[];
  /** The currency of each run's money (null for a results.json that does not say). */
  currencyA: string | null;
  currencyB: string | null;
}

/**
 * KPI differences B - A for every policy in both runs: paired per seed when the runs share root
 * seed, seeds, subscribers and days (even when their scenarios differ: common random numbers),
 * else Welch (runPairing).
 */
export function compareRuns(a: LoadedResults, b: LoadedResults, kpis: readonly KpiName[]): RunComparison & { text: string } {
  const { method, reason, totalsComparable } = runPairing(a.results, b.results);
  const inB = new Map(b.results.policies.map((entry) => [entry.policy, entry]));
  const namesA = new Set(a.results.policies.map((entry) => entry.policy));
  const rows = a.results.policies.flatMap((entryA) => {
    const entryB = inB.get(entryA.policy);
    if (!entryB) return [];
    return kpis.map((kpi) => {
      const { meanDiff, ci95 } = kpiDifference(entryB.kpis[kpi], entryA.kpis[kpi], method);
      return { policy: entryA.policy, kpi, a: entryA.kpis[kpi].mean, b: entryB.kpis[kpi].mean, meanDiff, ci95 };
    });
  });
  const comparison: RunComparison = {
    fileA: a.file,
    fileB: b.file,
    method,
    methodReason: reason,
    totalsComparable,
    rows,
    onlyInA: [...namesA].filter((name) => !inB.has(name)),
    onlyInB: [...inB.keys()].filter((name) => !namesA.has(name)),
    currencyA: runCurrency(a.results),
    currencyB: runCurrency(b.results),
  };
  return { ...comparison, text: compareText(comparison) };
}

/** The comparison as a plain-text table, with the method and the policies left out. */
export function compareText(comparison: RunComparison): string {
  const { currencyA, currencyB } = comparison;
  const sameCurrency = currencyA === currencyB;
  const rows = comparison.rows.map((row) => {
    const { format } = KPI_DISPLAY[row.kpi];
    return [row.policy, kpiLabel(row.kpi, sameCurrency ? currencyA : null), format(row.a), format(row.b), formatDifference(row.kpi, row.meanDiff, row.ci95)];
  });
  const notes = [
    ...(comparison.totalsComparable
      ? []
      : ["days or subscribers differ: totals and per-subscriber totals (churned, revenue, net revenue/sub, CLV, net value/sub, counts) are over runs of different sizes and lengths and are not comparable; rates (churn %/month, ARPU/month, accept %, contacts/sub/month, annoyance) are"]),
    ...(sameCurrency ? [] : [`the runs count money in different currencies (A: ${currencyA ?? "not recorded"}, B: ${currencyB ?? "not recorded"}): B - A of a money KPI mixes them and means nothing`]),
    ...(comparison.onlyInA.length > 0 ? [`only in A: ${comparison.onlyInA.join(", ")}`] : []),
    ...(comparison.onlyInB.length > 0 ? [`only in B: ${comparison.onlyInB.join(", ")}`] : []),
  ];
  return [
    `A: ${comparison.fileA}`,
    `B: ${comparison.fileB}`,
    `B - A, mean ± half-width of the 95 % interval; ${comparison.methodReason}`,
    "",
    textTable(["policy", "KPI", "A", "B", "B - A"], rows, 2),
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
  ].join("\n");
}
