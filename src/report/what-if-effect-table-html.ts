import type { ExperimentResults } from "./build-results.js";
import { groupThousands } from "./group-thousands.js";
import { htmlEscape } from "./html-escape.js";
import { formatDifference, KPI_DISPLAY, kpiLabel } from "./kpi-format.js";
import { runCurrency } from "./currency.js";
import { significance } from "./significance.js";

/**
 * The what-if's effect per policy (results.json `againstBaseline`) as a table: a row per policy,
 * a column per effect KPI, each cell the baseline world's mean → the what-if's, the difference
 * with its 95 % interval (paired when the worlds shared seeds; marked when it excludes zero) and
 * the unpaired Welch interval of the same difference for comparison. Empty without `againstBaseline`.
 */
export function whatIfEffectTableHtml(results: ExperimentResults): string {
  const effect = results.againstBaseline;
  if (!effect) return "";
  const header = `<tr><th>policy</th>${effect.kpis.map((kpi) => `<th>${htmlEscape(kpiLabel(kpi, runCurrency(results)))}</th>`).join("")}</tr>`;
  const rows = Object.entries(effect.policies).map(([policy, kpis]) => {
    const cells = effect.kpis.map((kpi) => {
      const value = kpis[kpi];
      if (!value) return "<td></td>";
      const { format } = KPI_DISPLAY[kpi];
      const mark = significance(kpi, value);
      const body = `Δ ${text(formatDifference(kpi, value.meanDiff, value.ci95))}`;
      const difference = mark ? `<span class="diff sig ${mark}" title="95 % interval excludes zero">${body} *</span>` : `<span class="diff">${body}</span>`;
      const welch = effect.method === "paired" && value.welchCi95 ? `<br><span class="diff">Welch ± ${text(format((value.welchCi95[1] - value.welchCi95[0]) / 2))}</span>` : "";
      return `<td>${text(format(value.baseline))} → ${text(format(value.whatIf))}<br>${difference}${welch}</td>`;
    });
    return `<tr><th>${htmlEscape(policy)}</th>${cells.join("")}</tr>`;
  });
  return `<div class="table-scroll"><table class="kpis what-if">${header}${rows.join("")}</table></div>`;
}

function text(value: string): string {
  return htmlEscape(groupThousands(value));
}

/** One sentence under the table: which worlds, which method and why (againstBaseline.reason). */
export function whatIfEffectNote(results: ExperimentResults): string {
  const effect = results.againstBaseline;
  if (!effect) return "";
  return `<p class="caption">Each cell: the ${htmlEscape(effect.scenario.name)} world's mean → the ${htmlEscape(results.scenario.name)} world's, then Δ = what-if − baseline ± the half-width of its 95 % interval, ${htmlEscape(effect.reason)}${effect.method === "paired" ? "; the Welch line is the unpaired interval of the same difference, for comparison" : ""}.</p>`;
}
