import { KPI_NAMES } from "../metrics/replicate-kpis.js";
import type { PairedDifference } from "../metrics/summarize-replicates.js";
import type { ExperimentResults } from "./build-results.js";
import { htmlEscape } from "./html-escape.js";
import { KPI_DIRECTION } from "./kpi-direction.js";
import { formatDifference, formatWithInterval, KPI_DISPLAY } from "./kpi-format.js";

/**
 * Every whole-base KPI as a row, every policy as a column: the mean ± the half-width of its 95 %
 * interval, and under it the paired difference from the reference; a last row gives the regret
 * against the oracle where results.json has it.
 */
export function kpiTableHtml(results: ExperimentResults): string {
  const header = `<tr><th>KPI</th><th>better</th>${results.policies.map((entry) => `<th>${htmlEscape(entry.policy)}</th>`).join("")}</tr>`;
  const rows = KPI_NAMES.map((kpi) => {
    const cells = results.policies.map((entry) => {
      const { mean, ci95 } = entry.kpis[kpi];
      const paired = entry.paired && entry.policy !== entry.paired.reference ? entry.paired.kpis[kpi] : undefined;
      const difference = paired ? `<br><span class="diff">Δ ${htmlEscape(formatDifference(kpi, paired.meanDiff, paired.ci95))}</span>` : "";
      return `<td>${htmlEscape(formatWithInterval(kpi, mean, ci95))}${difference}</td>`;
    });
    const direction = KPI_DIRECTION[kpi] ?? "";
    return `<tr><th>${htmlEscape(KPI_DISPLAY[kpi].label)} <code>${kpi}</code></th><td>${direction}</td>${cells.join("")}</tr>`;
  });
  if (results.policies.some((entry) => entry.regretVsOracle)) rows.push(regretRow(results));
  return `<table class="kpis">${header}${rows.join("")}</table>`;
}

function regretRow(results: ExperimentResults): string {
  const cell = (regret: PairedDifference | null | undefined) =>
    regret ? htmlEscape(formatWithInterval("netValuePerSub", regret.meanDiff, regret.ci95)) : "";
  return `<tr><th>regret vs oracle (net value/sub)</th><td>lower</td>${results.policies.map((entry) => `<td>${cell(entry.regretVsOracle)}</td>`).join("")}</tr>`;
}
