import { InputError } from "../input-error.js";
import { KPI_NAMES, type KpiName } from "../metrics/replicate-kpis.js";
import { KPI_DIRECTION } from "../report/kpi-direction.js";

/** How much worse than the baseline a KPI may get: in the KPI's units, or a share of the baseline's mean. */
export type Tolerance = { kind: "absolute"; value: number } | { kind: "relative"; share: number };

export interface Tolerances {
  /** For every gated KPI without its own. */
  fallback: Tolerance;
  byKpi: Partial<Record<KpiName, Tolerance>>;
}

/** 2 % of the baseline's mean, for every gated KPI (docs/ci-gate.md). */
export const DEFAULT_TOLERANCE: Tolerance = { kind: "relative", share: 0.02 };

/** The KPIs `check` gates: those with a better direction. */
export const GATED_KPIS: readonly KpiName[] = KPI_NAMES.filter((kpi) => KPI_DIRECTION[kpi] !== null);

/**
 * Parses repeated `--tolerance KPI=VALUE` flags: `churnRateMonthly=0.001` (absolute, in the KPI's
 * units: rates as fractions), `netValuePerSub=5%` (relative to the baseline's mean), `*=3%` (every
 * gated KPI without its own).
 */
export function parseTolerances(flags: readonly string[]): Tolerances {
  const tolerances: Tolerances = { fallback: DEFAULT_TOLERANCE, byKpi: {} };
  const problems: string[] = [];
  for (const flag of flags) {
    const match = /^([^=]+)=\s*([^%\s]+)\s*(%?)$/.exec(flag.trim());
    const amount = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(amount) || amount < 0) {
      problems.push(`--tolerance must be KPI=VALUE or KPI=PERCENT% with a number >= 0, got ${JSON.stringify(flag)}`);
      continue;
    }
    const name = match[1].trim();
    const tolerance: Tolerance = match[3] === "%" ? { kind: "relative", share: amount / 100 } : { kind: "absolute", value: amount };
    if (name === "*") tolerances.fallback = tolerance;
    else if (!(KPI_NAMES as readonly string[]).includes(name)) problems.push(`--tolerance must name a KPI of docs/kpis.md or *, got ${JSON.stringify(name)} (gated: ${GATED_KPIS.join(", ")})`);
    else if (KPI_DIRECTION[name as KpiName] === null) problems.push(`--tolerance must name a gated KPI, got ${JSON.stringify(name)}, which is neither better higher nor lower (gated: ${GATED_KPIS.join(", ")})`);
    else tolerances.byKpi[name as KpiName] = tolerance;
  }
  if (problems.length > 0) throw new InputError(problems);
  return tolerances;
}

/** The tolerance of `kpi` in the KPI's units, given the baseline's mean. */
export function toleranceAmount(tolerances: Tolerances, kpi: KpiName, baselineMean: number): number {
  const tolerance = tolerances.byKpi[kpi] ?? tolerances.fallback;
  return tolerance.kind === "absolute" ? tolerance.value : tolerance.share * Math.abs(baselineMean);
}

/** "2 %" or "0.001", as given. */
export function describeTolerance(tolerances: Tolerances, kpi: KpiName): string {
  const tolerance = tolerances.byKpi[kpi] ?? tolerances.fallback;
  return tolerance.kind === "absolute" ? String(tolerance.value) : `${+(tolerance.share * 100).toFixed(6)} %`;
}
