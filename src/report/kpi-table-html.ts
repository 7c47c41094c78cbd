import { KPI_NAMES, type KpiName } from "../metrics/replicate-kpis.js";
import type { PairedDifference } from "../metrics/summarize-replicates.js";
import type { ExperimentResults } from "./build-results.js";
import { groupThousands } from "./group-thousands.js";
import { htmlEscape } from "./html-escape.js";
import { KPI_DIRECTION } from "./kpi-direction.js";
import { formatDifference, formatWithInterval, kpiLabel } from "./kpi-format.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { significance } from "./significance.js";

/**
 * Every whole-base KPI as a row, every policy as a column: the mean ± the half-width of its 95 %
 * interval, and under it the paired difference from the reference, marked when its interval
 * excludes zero (green when better, red when worse); a last row gives the regret against the
 * oracle where results.json has it. Numbers are grouped by thousands and never wrap.
 */
export function kpiTableHtml(results: ExperimentResults): string {
  const currency = runCurrency(results);
  const header = `<tr><th>KPI</th><th>better</th>${results.policies.map((entry) => `<th>${htmlEscape(entry.policy)}</th>`).join("")}</tr>`;
  const rows = KPI_NAMES.map((kpi) => {
    const cells = results.policies.map((entry) => {
      const { mean, ci95 } = entry.kpis[kpi];
      const paired = entry.paired && entry.policy !== entry.paired.reference ? entry.paired.kpis[kpi] : undefined;
      return `<td>${text(formatWithInterval(kpi, mean, ci95))}${paired ? `<br>${differenceHtml(kpi, paired)}` : ""}</td>`;
    });
    const direction = KPI_DIRECTION[kpi] ?? "";
    return `<tr><th>${htmlEscape(kpiLabel(kpi, currency))} <code>${kpi}</code></th><td>${direction}</td>${cells.join("")}</tr>`;
  });
  if (results.policies.some((entry) => entry.regretVsOracle)) rows.push(regretRow(results));
  return `<div class="table-scroll"><table class="kpis">${header}${rows.join("")}</table></div>`;
}

function differenceHtml(kpi: KpiName, paired: PairedDifference): string {
  const mark = significance(kpi, paired);
  const body = `Δ ${text(formatDifference(kpi, paired.meanDiff, paired.ci95))}`;
  return mark ? `<span class="diff sig ${mark}" title="95 % interval excludes zero">${body} *</span>` : `<span class="diff">${body}</span>`;
}

function text(value: string): string {
  return htmlEscape(groupThousands(value));
}

function regretRow(results: ExperimentResults): string {
  const label = moneyLabel("regret vs oracle (net value/sub)", runCurrency(results));
  const cell = (regret: PairedDifference | null | undefined) => (regret ? text(formatWithInterval("netValuePerSub", regret.meanDiff, regret.ci95)) : "");
  return `<tr><th>${htmlEscape(label)}</th><td>lower</td>${results.policies.map((entry) => `<td>${cell(entry.regretVsOracle)}</td>`).join("")}</tr>`;
}
