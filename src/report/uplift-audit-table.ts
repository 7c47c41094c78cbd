import type { ExperimentResults } from "./build-results.js";
import { htmlEscape } from "./html-escape.js";
import { groupThousands } from "./group-thousands.js";
import { markdownTable, markdownText } from "./text-table.js";

const HEADER = ["policy", "Qini coefficient (1 perfect, 0 chance)", "audited decisions", "mean true uplift (pp)", "mean estimated uplift (pp)"];

/** One row per policy with an uplift audit: its Qini coefficient against the world's true uplift, with the interval over seeds. */
function rows(results: ExperimentResults, escape: (text: string) => string): string[][] {
  return results.policies.flatMap((entry) => {
    const audit = entry.upliftAudit;
    if (!audit) return [];
    const { mean, ci95 } = audit.qini;
    const qini = `${mean.toFixed(2)}${ci95 ? ` ± ${((ci95[1] - ci95[0]) / 2).toFixed(2)}` : ""}`;
    return [[escape(entry.policy), qini, groupThousands(String(audit.pairs)), (audit.meanTrue * 100).toFixed(3), (audit.meanEstimate * 100).toFixed(3)]];
  });
}

const NOTE =
  "The world knows each customer's true treatment effect, which no real data set gives: on a sample of days the engine holds each uplift model's estimate (the drop in the chance of leaving within the attribution window) for the first eligible retention offer against the world's own, and ranks customers by the estimate (docs/kpis.md, uplift audit).";

/** summary.md's section on uplift models (none when no policy has one). */
export function upliftAuditMarkdown(results: ExperimentResults): string[] {
  const table = rows(results, markdownText);
  if (table.length === 0) return [];
  return ["## Uplift models against the world's true uplift", "", NOTE, "", markdownTable(HEADER, table), ""];
}

/** report.html's table of the same (empty when no policy has an uplift model). */
export function upliftAuditTableHtml(results: ExperimentResults): string {
  const table = rows(results, htmlEscape);
  if (table.length === 0) return "";
  const head = `<tr>${HEADER.map((cell) => `<th>${htmlEscape(cell)}</th>`).join("")}</tr>`;
  const body = table.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("");
  return `<p class="note">${htmlEscape(NOTE)}</p><div class="table-scroll"><table>${head}${body}</table></div>`;
}
