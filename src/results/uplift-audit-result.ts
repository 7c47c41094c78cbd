import type { QiniCurve } from "../metrics/qini-curve.js";

/**
 * One replicate's audit of a policy's uplift model against the world's true uplift (plain
 * data): the Qini curve of its estimates for the audited treatment, on a sample of days.
 */
export interface UpliftAuditResult extends QiniCurve {
  /** What was audited, in words (the treatment and the days). */
  readonly treatment: string;
  /** Mean true uplift and mean estimate over the audited customers. */
  readonly meanTrue: number;
  readonly meanEstimate: number;
}
