import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";
import type { BootstrapOptions, WeightedStatistic } from "./cluster-bootstrap.js";
import { clusterBootstrap } from "./cluster-bootstrap.js";
import { ipw } from "./ipw.js";
import { snipw } from "./snipw.js";
import { dm } from "./dm.js";
import { dr } from "./dr.js";
import { sndr } from "./sndr.js";
import { switchDr } from "./switch-dr.js";
import { importanceWeights } from "./importance-weights.js";
import { effectiveSampleSize } from "./effective-sample-size.js";
import type { WeightSummary } from "./weight-summary.js";
import { weightSummary } from "./weight-summary.js";
import type { SupportCheck } from "./support-check.js";
import { supportCheck } from "./support-check.js";

export const ESTIMATOR_NAMES = ["ipw", "snipw", "dm", "dr", "sndr", "switch-dr"] as const;
export type EstimatorName = (typeof ESTIMATOR_NAMES)[number];

export interface EstimateOptions {
  /** Switch-DR's threshold on the importance weight (OBP's lambda_). */
  readonly switchMaxWeight: number;
  readonly bootstrap: BootstrapOptions;
}

export interface IntervalEstimate {
  readonly estimate: number;
  /** Percentile bootstrap interval over clusters (subscribers). */
  readonly lower: number;
  readonly upper: number;
}

/** Everything an off-policy evaluation of one target policy on one log reports. */
export interface PolicyValueEstimate {
  /** Per estimator, the target's value per decision with its interval. */
  readonly estimates: Record<EstimatorName, IntervalEstimate>;
  /** Kish's effective sample size of the importance weights, and the rows it is out of. */
  readonly effectiveSampleSize: number;
  readonly rounds: number;
  readonly weights: WeightSummary;
  readonly support: SupportCheck;
}

/**
 * The target policy's value per decision by every estimator, each with a cluster-bootstrap
 * interval (all on the same resamples), plus the diagnostics that say whether to believe them:
 * effective sample size, weight distribution and support. `predictions` is the (cross-fitted)
 * reward model's n x K output; the bootstrap keeps it fixed, so the intervals leave out the
 * model's own fitting noise.
 */
export function estimatePolicyValue(log: LoggedDataset, target: ActionMatrix, predictions: ActionMatrix, options: EstimateOptions): PolicyValueEstimate {
  const statistics: Record<EstimatorName, WeightedStatistic> = {
    ipw: (m) => ipw(log, target, m),
    snipw: (m) => snipw(log, target, m),
    dm: (m) => dm(log, target, predictions, m),
    dr: (m) => dr(log, target, predictions, m),
    sndr: (m) => sndr(log, target, predictions, m),
    "switch-dr": (m) => switchDr(log, target, predictions, options.switchMaxWeight, m),
  };
  const ones = new Float64Array(log.rounds).fill(1);
  const intervals = clusterBootstrap(log, statistics, options.bootstrap);
  const estimates = {} as Record<EstimatorName, IntervalEstimate>;
  for (const name of ESTIMATOR_NAMES) estimates[name] = { estimate: statistics[name](ones), lower: intervals[name].lower, upper: intervals[name].upper };
  const weights = importanceWeights(log, target);
  return { estimates, effectiveSampleSize: effectiveSampleSize(weights), rounds: log.rounds, weights: weightSummary(weights), support: supportCheck(log, target) };
}
