import type { ExperimentResults } from "./build-results.js";
import type { AgainstBaseline } from "./what-if-effect.js";
import { formatDifference, kpiLabel } from "./kpi-format.js";
import { runCurrency } from "./currency.js";
import { markdownTable, textTable } from "./text-table.js";

function header(results: ExperimentResults, effect: AgainstBaseline): string[] {
  return ["policy", ...effect.kpis.map((kpi) => kpiLabel(kpi, runCurrency(results)))];
}

function rows(effect: AgainstBaseline): string[][] {
  return Object.entries(effect.policies).map(([policy, kpis]) => [
    policy,
    ...effect.kpis.map((kpi) => {
      const value = kpis[kpi]!;
      return formatDifference(kpi, value.meanDiff, value.ci95);
    }),
  ]);
}

function title(results: ExperimentResults, effect: AgainstBaseline): string {
  return `effect of ${results.scenario.name} against the ${effect.scenario.name} world (what-if - baseline), ${effect.reason}`;
}

/** The what-if's effect per policy as plain text (empty without `againstBaseline`). */
export function againstBaselineText(results: ExperimentResults): string {
  const effect = results.againstBaseline;
  if (!effect) return "";
  return `\n${title(results, effect)}\n\n${textTable(header(results, effect), rows(effect))}\n`;
}

/** The same as a Markdown section (no lines without `againstBaseline`). */
export function againstBaselineMarkdown(results: ExperimentResults): string[] {
  const effect = results.againstBaseline;
  if (!effect) return [];
  return [`## Against the baseline world: ${title(results, effect)}`, "", markdownTable(header(results, effect), rows(effect)), ""];
}
