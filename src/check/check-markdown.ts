import { markdownTable, markdownText } from "../report/text-table.js";
import type { CheckReport, KpiCheck } from "./check-against-baseline.js";
import { formatKpiAmount, formatKpiInterval } from "./check-units.js";
import { DETECTION_POWER } from "./detectable-change.js";

const METHOD_TEXT = {
  paired: "paired per-seed differences (same scenario and seeds: common random numbers)",
  welch: "Welch intervals (the runs do not share seeds)",
} as const;

/** Rows of a check table: policy, KPI, baseline, current, difference [95 % interval], tolerance, detectable change, verdict. */
export function checkRows(checks: readonly KpiCheck[], failText = "**FAIL**"): string[][] {
  return checks.map((check) => {
    const value = (number: number | null) => (number === null ? "–" : formatKpiAmount(check.kpi, number));
    return [
      check.policy,
      check.kpi,
      value(check.baseline),
      value(check.current),
      check.meanDiff === null ? "–" : formatKpiInterval(check.kpi, check.meanDiff, check.ci95),
      check.direction === null ? "not gated" : `${check.direction} is better; may be worse by ${check.toleranceText}${check.tolerance === null ? "" : ` (${formatKpiAmount(check.kpi, check.tolerance)})`}`,
      value(check.detectable),
      check.status === "fail" ? failText : check.status,
    ];
  });
}

export const CHECK_HEADER = ["policy", "KPI", "baseline", "current", "current - baseline [95 %]", "tolerance", `detectable (${DETECTION_POWER * 100} % power)`, "verdict"];

/**
 * The gate's power: per gated KPI (rows) and policy (columns), the smallest worsening it detects
 * with DETECTION_POWER at its tolerance with the baseline's seeds ("–": not estimable).
 */
export function powerRows(report: CheckReport): { header: string[]; rows: string[][] } {
  const policies = [...new Set(report.checks.map((check) => check.policy))];
  const kpis = [...new Set(report.checks.filter((check) => check.direction !== null && check.status !== "skipped").map((check) => check.kpi))];
  const find = (policy: string, kpi: string) => report.checks.find((check) => check.policy === policy && check.kpi === kpi);
  const rows = kpis.map((kpi) => [
    kpi,
    ...policies.map((policy) => {
      const check = find(policy, kpi);
      return check?.detectable == null ? "–" : formatKpiAmount(check.kpi, check.detectable);
    }),
  ]);
  return { header: ["smallest detectable worsening", ...policies], rows };
}

/** A Markdown summary for a CI job summary: the verdict, the failures, then every gated KPI. */
export function checkMarkdown(report: CheckReport): string {
  const failed = report.checks.filter((check) => check.status === "fail");
  const gated = report.checks.filter((check) => check.direction !== null && check.status !== "skipped");
  const verdict = failed.length === 0 ? "✅ passed" : `❌ ${failed.length} KPI(s) significantly worse than the baseline`;
  return [
    `## offersim check: ${verdict}`,
    "",
    `Current run ${markdownText(report.currentFile)} against baseline ${markdownText(report.baselineFile)}, ${METHOD_TEXT[report.method]}. A KPI fails when the whole 95 % interval of current - baseline is worse than the baseline by more than its tolerance (docs/ci-gate.md).`,
    "",
    ...(failed.length > 0 ? ["### Failures", "", markdownTable(CHECK_HEADER, checkRows(failed)), ""] : []),
    `### Power: the smallest worsening the gate detects ${DETECTION_POWER * 100} % of the time, at its tolerance with the baseline's ${report.seeds} seed(s)`,
    "",
    markdownTable(powerRows(report).header, powerRows(report).rows),
    "",
    "<details><summary>Every gated KPI</summary>",
    "",
    markdownTable(CHECK_HEADER, checkRows(gated)),
    "",
    "</details>",
    "",
  ].join("\n");
}
