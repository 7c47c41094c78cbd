import type { KpiName } from "../metrics/replicate-kpis.js";
import { welchDifference } from "../metrics/welch-difference.js";
import type { ExperimentResults } from "./build-results.js";
import { kpiDifference, runPairing } from "./run-difference.js";
import type { AgainstBaseline } from "./what-if-effect.js";

export type { AgainstBaseline, WhatIfEffect } from "./what-if-effect.js";

/** What a what-if changes, per policy: the KPIs a strategy team asks about first. */
export const EFFECT_KPIS: readonly KpiName[] = ["churnRateMonthly", "churned", "netValuePerSub", "netRevenue", "contacts", "annoyance"];

/**
 * The what-if's effect per policy: what-if minus baseline of each EFFECT_KPIS, seed by seed when
 * both runs share root seed, seeds, subscribers and days (common random numbers: the same
 * customers and draws, only the scenario's changes differ), else Welch (runPairing).
 */
export function againstBaseline(whatIf: ExperimentResults, baseline: ExperimentResults): AgainstBaseline {
  const { method, reason } = runPairing(baseline, whatIf);
  const inBaseline = new Map(baseline.policies.map((entry) => [entry.policy, entry]));
  const policies: AgainstBaseline["policies"] = {};
  for (const entry of whatIf.policies) {
    const base = inBaseline.get(entry.policy);
    if (!base) continue;
    policies[entry.policy] = Object.fromEntries(
      EFFECT_KPIS.map((kpi) => {
        const difference = kpiDifference(entry.kpis[kpi], base.kpis[kpi], method);
        const welch = welchDifference(entry.kpis[kpi].perSeed, base.kpis[kpi].perSeed);
        return [kpi, { ...difference, whatIf: entry.kpis[kpi].mean, baseline: base.kpis[kpi].mean, welchCi95: welch.ci95 }];
      }),
    );
  }
  const { name, hash, file, definition } = baseline.scenario;
  return { scenario: { name, hash, file, ...(definition === undefined ? {} : { definition }) }, method, reason, kpis: EFFECT_KPIS, policies };
}
