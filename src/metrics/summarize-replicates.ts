import { studentTQuantile } from "./student-t-quantile.js";

/** A metric summarized over replicates (one value per seed). */
export interface ReplicateSummary {
  /** Mean over the replicates. */
  mean: number;
  /** 95 % t-interval for the mean, [mean - h, mean + h]; null when n < 2. */
  ci95: [number, number] | null;
  /** Sample standard deviation (n - 1 denominator); null when n < 2. */
  sd: number | null;
  /** Number of replicates. */
  n: number;
  /** The input values, in seed order (a copy). */
  perSeed: number[];
}

/** The paired difference a[i] - b[i] of two metrics measured on the same seeds. */
/** A difference of two means with its 95 % interval, paired or not. */
export interface MeanDifference {
  /** mean(a) - mean(b). */
  meanDiff: number;
  /** 95 % t-interval for the difference; null when there are too few values. */
  ci95: [number, number] | null;
  /** Values behind it: the pairs of a paired difference, the smaller sample of a Welch one. */
  n: number;
}

/** The mean of a[i] - b[i] over pairs that share a seed (common random numbers). */
export type PairedDifference = MeanDifference;

function assertFiniteValues(place: string, values: readonly number[]): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`${place}[${index}] must be a finite number, got ${String(value)}`);
    }
  }
}

function summarizeFiniteValues(values: readonly number[]): ReplicateSummary {
  const n = values.length;
  // Shift by the first value: identical inputs give exactly that value and sd 0.
  const reference = values[0];
  let shiftedSum = 0;
  let minimum = reference;
  let maximum = reference;
  for (const value of values) {
    shiftedSum += value - reference;
    minimum = Math.min(minimum, value);
    maximum = Math.max(maximum, value);
  }
  const mean = Math.min(maximum, Math.max(minimum, reference + shiftedSum / n));
  if (n < 2) return { mean, ci95: null, sd: null, n, perSeed: [...values] };
  let squaredDeviations = 0;
  for (const value of values) squaredDeviations += (value - mean) ** 2;
  const sd = Math.sqrt(squaredDeviations / (n - 1));
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - halfWidth, mean + halfWidth], sd, n, perSeed: [...values] };
}

/**
 * Mean of a metric over replicates (seeds) with a 95 % Student-t interval,
 * mean ± t(0.975, n - 1) · sd / √n, where sd uses the n - 1 denominator. A single seed has no
 * spread to estimate, so for n = 1 `ci95` and `sd` are null rather than a zero-width interval.
 *
 * @throws Error when `values` is empty or holds a non-finite number (NaN, ±Infinity).
 * @example
 *   summarizeReplicates([1, 2, 3]);
 *   // { mean: 2, sd: 1, ci95: [-0.484..., 4.484...], n: 3, perSeed: [1, 2, 3] }
 */
export function summarizeReplicates(values: readonly number[]): ReplicateSummary {
  if (values.length === 0) throw new Error("summarizeReplicates: values must hold at least one replicate, got []");
  assertFiniteValues("summarizeReplicates: values", values);
  return summarizeFiniteValues(values);
}

/**
 * Paired comparison of two metrics measured on the same seeds (common random numbers): the
 * summary of a[i] - b[i]. Its interval is usually far narrower than the two separate ones.
 *
 * @throws Error when the lengths differ, the arrays are empty, or a value is not finite.
 * @example
 *   pairedDifference([3, 5, 4], [2, 4, 2]); // { meanDiff: 1.333..., ci95: [...], n: 3 }
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) {
    throw new Error(`pairedDifference: a and b must have the same length, got ${a.length} and ${b.length}`);
  }
  if (a.length === 0) throw new Error("pairedDifference: a and b must hold at least one replicate, got []");
  assertFiniteValues("pairedDifference: a", a);
  assertFiniteValues("pairedDifference: b", b);
  const differences = a.map((value, index) => value - b[index]);
  assertFiniteValues("pairedDifference: a - b", differences);
  const summary = summarizeFiniteValues(differences);
  return { meanDiff: summary.mean, ci95: summary.ci95, n: summary.n };
}
