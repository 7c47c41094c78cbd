import { quantileSorted } from "../metrics/quantile-sorted.js";

/** The distribution of the importance weights: what makes IPW noisy. */
export interface WeightSummary {
  readonly mean: number;
  /** Quantiles (type 7) at 0.5, 0.9, 0.99. */
  readonly median: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Share of rows whose weight is 0 (the target would never take the logged action). */
  readonly zeroShare: number;
}

/** Mean, quantiles, max and share of zeros of the first `rounds` weights. */
export function weightSummary(weights: Float64Array, rounds = weights.length): WeightSummary {
  const sorted = weights.slice(0, rounds).sort();
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < rounds; i++) {
    sum += sorted[i];
    if (sorted[i] === 0) zeros++;
  }
  return {
    mean: sum / rounds,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p99: quantileSorted(sorted, 0.99),
    max: rounds === 0 ? NaN : sorted[rounds - 1],
    zeroShare: zeros / rounds,
  };
}
