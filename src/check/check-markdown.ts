import { markdownTable, markdownText } from "../report/text-table.js";
import { formatNumber, type CheckReport, type KpiCheck } from "./check-against-baseline.js";

const METHOD_TEXT = {
  paired: "paired per-seed differences (same scenario and seeds: common random numbers)",
  welch: "Welch intervals (the runs do not share seeds)",
} as const;

/** Rows of a check table: policy, KPI, baseline, current, difference [95 % interval], tolerance, verdict. */
export function checkRows(checks: readonly KpiCheck[], failText = "**FAIL**"): string[][] {
  const value = (number: number | null) => (number === null ? "–" : formatNumber(number));
  return checks.map((check) => [
    check.policy,
    check.kpi,
    value(check.baseline),
    value(check.current),
    check.meanDiff === null ? "–" : check.ci95 ? `${formatNumber(check.meanDiff)} [${formatNumber(check.ci95[0])}, ${formatNumber(check.ci95[1])}]` : formatNumber(check.meanDiff),
    check.direction === null ? "not gated" : `${check.direction} is better; may be worse by ${check.toleranceText}`,
    check.status === "fail" ? failText : check.status,
  ]);
}

export const CHECK_HEADER = ["policy", "KPI", "baseline", "current", "current - baseline [95 %]", "tolerance", "verdict"];

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
    "<details><summary>Every gated KPI</summary>",
    "",
    markdownTable(CHECK_HEADER, checkRows(gated)),
    "",
    "</details>",
    "",
  ].join("\n");
}
