import type { KpiName } from "../metrics/replicate-kpis.js";

/** Which way a KPI is better; null for KPIs that are neither (volumes such as contacts). */
export type KpiDirection = "higher" | "lower" | null;

/**
 * Better direction of every KPI: more churn, annoyance, complaints, opt-outs or cost is worse,
 * less revenue or value is worse. Volumes (contacts, accepts, saves, returned) and the accept rate
 * depend on how much a policy contacts and are reported but not gated.
 */
export const KPI_DIRECTION: Record<KpiName, KpiDirection> = {
  churnRateMonthly: "lower",
  churned: "lower",
  netRevenue: "higher",
  revenuePerSub: "higher",
  arpu: "higher",
  acceptRate: null,
  contactsPerSubMonth: null,
  annoyance: "lower",
  complaintRate: "lower",
  optOutRate: "lower",
  offerCost: "lower",
  clv: "higher",
  tailValue: "higher",
  netValuePerSub: "higher",
  revenue: "higher",
  tailRevenue: "higher",
  tailChurned: "lower",
  contacts: null,
  accepts: null,
  saves: null,
  returned: null,
  linesLost: "lower",
};
