import type { KpiName } from "../metrics/replicate-kpis.js";

/** Rates the check prints in percent, with their unit: churn per month, like every report. */
const PERCENT_UNIT: Partial<Record<KpiName, string>> = {
  churnRateMonthly: " %/month",
  acceptRate: " %",
  complaintRate: " %",
  optOutRate: " %",
};

/** Enough digits for rates (0.0123) and money (1234.5) alike. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(1) : Math.abs(value) >= 1 ? value.toFixed(3) : Number(value.toPrecision(3)).toString();
}

/** An amount of `kpi` for people: rates in percent with their unit (0.0125 -> "1.25 %/month"), the rest as formatNumber. */
export function formatKpiAmount(kpi: KpiName, value: number): string {
  const unit = PERCENT_UNIT[kpi];
  return unit === undefined ? formatNumber(value) : `${formatNumber(value * 100)}${unit}`;
}

/** "d [lo, hi]" in the KPI's units (the unit once, at the end). */
export function formatKpiInterval(kpi: KpiName, meanDiff: number, ci95: [number, number] | null): string {
  const unit = PERCENT_UNIT[kpi];
  const scale = unit === undefined ? 1 : 100;
  const text = ci95 ? `${formatNumber(meanDiff * scale)} [${formatNumber(ci95[0] * scale)}, ${formatNumber(ci95[1] * scale)}]` : formatNumber(meanDiff * scale);
  return `${text}${unit ?? ""}`;
}
