import type { KpiName } from "../metrics/replicate-kpis.js";

/** How a KPI reads for people: its label and how to print a value. Rates print as percents. */
export const KPI_DISPLAY: Record<KpiName, { label: string; format: (value: number) => string }> = {
  churnRateMonthly: { label: "churn %/month", format: (v) => (v * 100).toFixed(3) },
  churned: { label: "churned", format: (v) => v.toFixed(1) },
  netRevenue: { label: "net revenue", format: (v) => v.toFixed(0) },
  revenuePerSub: { label: "net revenue/sub", format: (v) => v.toFixed(2) },
  arpu: { label: "ARPU/month", format: (v) => v.toFixed(2) },
  acceptRate: { label: "accept %", format: (v) => (v * 100).toFixed(2) },
  contactsPerSubMonth: { label: "contacts/sub/month", format: (v) => v.toFixed(3) },
  annoyance: { label: "annoyance", format: (v) => v.toFixed(3) },
  complaintRate: { label: "complaint %", format: (v) => (v * 100).toFixed(2) },
  optOutRate: { label: "opt-out %", format: (v) => (v * 100).toFixed(2) },
  offerCost: { label: "offer+contact cost", format: (v) => v.toFixed(0) },
  clv: { label: "CLV/sub", format: (v) => v.toFixed(1) },
  tailValue: { label: "tail value/sub", format: (v) => v.toFixed(1) },
  netValuePerSub: { label: "net value/sub", format: (v) => v.toFixed(1) },
  revenue: { label: "revenue", format: (v) => v.toFixed(0) },
  tailRevenue: { label: "tail revenue", format: (v) => v.toFixed(0) },
  tailChurned: { label: "tail churned", format: (v) => v.toFixed(1) },
  contacts: { label: "contacts", format: (v) => v.toFixed(0) },
  accepts: { label: "accepts", format: (v) => v.toFixed(0) },
  saves: { label: "saves", format: (v) => v.toFixed(1) },
  returned: { label: "returned", format: (v) => v.toFixed(1) },
  linesLost: { label: "lines lost", format: (v) => v.toFixed(1) },
};

/** KPIs that are amounts of money, in the scenario's currency (economics.currency). */
export const MONEY_KPIS: ReadonlySet<KpiName> = new Set<KpiName>(["netRevenue", "revenuePerSub", "arpu", "offerCost", "clv", "tailValue", "netValuePerSub", "revenue", "tailRevenue"]);

/**
 * A KPI's label for people, with the currency on the money KPIs: "net value/sub (EUR)". Without
 * a currency (a results.json written before offersim recorded it), the label alone.
 */
export function kpiLabel(name: KpiName, currency: string | null): string {
  const { label } = KPI_DISPLAY[name];
  return MONEY_KPIS.has(name) && currency !== null ? `${label} (${currency})` : label;
}

/** KPIs of the short table printed at the end of a run. */
export const HEADLINE_KPIS: readonly KpiName[] = [
  "churnRateMonthly",
  "netValuePerSub",
  "revenuePerSub",
  "arpu",
  "contactsPerSubMonth",
  "acceptRate",
  "annoyance",
  "clv",
];

/** A difference as "+1.23 ± 0.45" (or "-1.23 ± 0.45"): formatWithInterval with the sign always shown. */
export function formatDifference(name: KpiName, meanDiff: number, ci95: [number, number] | null): string {
  const text = formatWithInterval(name, meanDiff, ci95);
  return meanDiff >= 0 ? `+${text}` : text;
}

/** "12.34 ± 0.56" (the half-width of the 95 % interval), or the value alone for one seed. */
export function formatWithInterval(name: KpiName, mean: number, ci95: [number, number] | null): string {
  const { format } = KPI_DISPLAY[name];
  if (!ci95) return format(mean);
  return `${format(mean)} ± ${format((ci95[1] - ci95[0]) / 2)}`;
}
