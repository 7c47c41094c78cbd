import { formatDifference, formatWithInterval, HEADLINE_KPIS, kpiLabel } from "../report/kpi-format.js";
import { textTable } from "../report/text-table.js";
import type { SweepResults } from "./sweep-results.js";

/**
 * The tables printed at the end of `offersim sweep`, like `run`'s: per variant (by its folder name) and policy the
 * headline KPIs (mean ± half-width of the 95 % interval), then each policy's paired difference
 * from the reference in its variant.
 */
export function sweepSummaryText(sweep: SweepResults): string {
  const { config } = sweep;
  const header = ["variant", "policy", ...HEADLINE_KPIS.map((kpi) => kpiLabel(kpi, config.currency ?? null))];
  const rows = sweep.variants.flatMap((variant) =>
    Object.entries(variant.policies).map(([policy, kpis]) => [variant.name, policy, ...HEADLINE_KPIS.map((kpi) => formatWithInterval(kpi, kpis[kpi].mean, kpis[kpi].ci95))]),
  );
  const note = config.seeds > 1 ? "mean ± half-width of the 95 % interval over seeds" : "one seed: no interval";
  const lines = [
    `sweep of ${sweep.scenario.name} (hash ${sweep.scenario.hash}), root seed ${config.rootSeed} for every variant, ${config.seeds} seed(s), ${config.subscribers} subscribers, ${config.days} days, offersim ${sweep.meta.offersimVersion}`,
    note,
    "",
    textTable(header, rows, 2),
  ];
  if (config.reference !== null) {
    const paired = sweep.variants.flatMap((variant) =>
      Object.entries(variant.paired).map(([policy, kpis]) => [variant.name, policy, ...HEADLINE_KPIS.map((kpi) => formatDifference(kpi, kpis[kpi].meanDiff, kpis[kpi].ci95))]),
    );
    if (paired.length > 0) lines.push("", `difference from ${config.reference} in the same variant, seed by seed (common random numbers)`, "", textTable(header, paired, 2));
  }
  return lines.join("\n") + "\n";
}
