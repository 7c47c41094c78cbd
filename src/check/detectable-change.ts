import type { PolicyResults } from "../report/build-results.js";
import type { KpiName } from "../metrics/replicate-kpis.js";
import { studentTQuantile } from "../metrics/student-t-quantile.js";

/** The power the detectable change is stated at: the gate flags it 4 times in 5. */
export const DETECTION_POWER = 0.8;

/**
 * The smallest worsening of `kpi` the gate detects with probability DETECTION_POWER at
 * `tolerance`, with the baseline's seeds: tolerance + (t(0.975, n-1) + t(power, n-1)) x sd / sqrt(n).
 * sd is the standard deviation of the policy's per-seed paired differences from the reference
 * in the baseline (a change of the policy's decisions, on common random numbers, varies from
 * seed to seed about as much), recovered from the baseline's paired 95 % interval. Null for the
 * reference itself, with one seed, or without paired differences.
 */
export function detectableChange(base: PolicyResults, kpi: KpiName, tolerance: number): number | null {
  const paired = base.paired;
  if (!paired || paired.reference === base.policy) return null;
  const difference = paired.kpis[kpi];
  if (!difference?.ci95 || difference.n < 2) return null;
  const degreesOfFreedom = difference.n - 1;
  const standardError = (difference.ci95[1] - difference.ci95[0]) / 2 / studentTQuantile(0.975, degreesOfFreedom);
  return tolerance + (studentTQuantile(0.975, degreesOfFreedom) + studentTQuantile(DETECTION_POWER, degreesOfFreedom)) * standardError;
}
