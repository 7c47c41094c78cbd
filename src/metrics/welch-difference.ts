import { studentTQuantile } from "./student-t-quantile.js";
import type { MeanDifference } from "./summarize-replicates.js";

/**
 * Difference of the means of two independent samples, mean(a) - mean(b), with Welch's 95 %
 * t-interval (unequal variances, Welch-Satterthwaite degrees of freedom). For runs that do not
 * share seeds; runs on the same seeds should use pairedDifference. The interval is null when
 * either sample has fewer than 2 values, and zero-width when both have no spread.
 *
 * @example
 * welchDifference([3, 4, 5], [1, 2, 3]); // { meanDiff: 2, ci95: [0.39..., 3.60...], n: 3 }
 */
export function welchDifference(a: readonly number[], b: readonly number[]): MeanDifference {
  if (a.length === 0 || b.length === 0) throw new Error(`welchDifference: a and b must hold at least one value, got ${a.length} and ${b.length}`);
  const meanDiff = mean(a) - mean(b);
  const n = Math.min(a.length, b.length);
  if (a.length < 2 || b.length < 2) return { meanDiff, ci95: null, n };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) return { meanDiff, ci95: [meanDiff, meanDiff], n };
  const degreesOfFreedom = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const halfWidth = studentTQuantile(0.975, degreesOfFreedom) * standardError;
  return { meanDiff, ci95: [meanDiff - halfWidth, meanDiff + halfWidth], n };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function variance(values: readonly number[]): number {
  const center = mean(values);
  return values.reduce((sum, value) => sum + (value - center) ** 2, 0) / (values.length - 1);
}
