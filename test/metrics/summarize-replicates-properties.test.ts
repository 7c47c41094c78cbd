import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pairedDifference, summarizeReplicates } from "../../src/metrics/summarize-replicates.js";

/**
 * Properties of the per-seed summaries (fast-check): an interval contains its estimate and is
 * symmetric about it, a single seed has no interval, identical seeds have a zero-width one, and
 * the paired difference of a series with itself is exactly 0. Values range over KPI-like
 * magnitudes (|x| <= 1e9); fast-check prints `{ seed, path }` to replay a failure.
 */
const kpi = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const seeds = (minLength: number) => fc.array(kpi, { minLength, maxLength: 40 });

/** Rounding allowance for sums of n terms of this size. */
function slack(values: readonly number[], ...more: number[]): number {
  const scale = Math.max(...values.map(Math.abs), ...more.map(Math.abs), 1e-300);
  return scale * values.length * 8 * Number.EPSILON;
}

describe("summarizeReplicates and pairedDifference (fast-check)", () => {
  it("the mean lies between the smallest and largest seed and within rounding of the plain average", () => {
    fc.assert(
      fc.property(seeds(1), (values) => {
        const { mean, n } = summarizeReplicates(values);
        expect(n).toBe(values.length);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...values));
        expect(mean).toBeLessThanOrEqual(Math.max(...values));
        const average = values.reduce((sum, value) => sum + value / values.length, 0);
        expect(Math.abs(mean - average)).toBeLessThanOrEqual(slack(values));
      }),
    );
  });

  it("the 95 % interval contains the mean and is symmetric about it, and is null for one seed", () => {
    fc.assert(
      fc.property(seeds(1), (values) => {
        const { mean, ci95, sd } = summarizeReplicates(values);
        if (values.length === 1) {
          expect(ci95).toBeNull();
          expect(sd).toBeNull();
          return;
        }
        const [low, high] = ci95!;
        expect(low).toBeLessThanOrEqual(mean);
        expect(high).toBeGreaterThanOrEqual(mean);
        expect(sd).toBeGreaterThanOrEqual(0);
        expect(Math.abs(high - mean - (mean - low))).toBeLessThanOrEqual(slack([low, high]));
      }),
    );
  });

  it("identical seeds give exactly that value, sd 0 and a zero-width interval", () => {
    fc.assert(
      fc.property(kpi, fc.integer({ min: 2, max: 40 }), (value, n) => {
        const summary = summarizeReplicates(Array.from({ length: n }, () => value));
        expect(summary.mean).toBe(value);
        expect(summary.sd).toBe(0);
        // Compared with ===: for -0 the interval is [-0, +0], which is the same numbers.
        const [low, high] = summary.ci95!;
        expect(low === value && high === value).toBe(true);
      }),
    );
  });

  it("the paired difference of a series with itself is exactly 0 with a zero-width interval", () => {
    fc.assert(
      fc.property(seeds(1), (values) => {
        const difference = pairedDifference(values, values);
        expect(difference.meanDiff).toBe(0);
        expect(difference.n).toBe(values.length);
        expect(difference.ci95).toEqual(values.length === 1 ? null : [0, 0]);
      }),
    );
  });

  it("the paired difference is the summary of the seed-by-seed differences: its interval contains it and is symmetric", () => {
    fc.assert(
      fc.property(
        seeds(2).chain((a) => fc.tuple(fc.constant(a), fc.array(kpi, { minLength: a.length, maxLength: a.length }))),
        ([a, b]) => {
          const difference = pairedDifference(a, b);
          const direct = summarizeReplicates(a.map((value, k) => value - b[k]));
          expect(difference.meanDiff).toBe(direct.mean);
          expect(difference.ci95).toEqual(direct.ci95);
          const [low, high] = difference.ci95!;
          expect(low).toBeLessThanOrEqual(difference.meanDiff);
          expect(high).toBeGreaterThanOrEqual(difference.meanDiff);
          expect(Math.abs(high - difference.meanDiff - (difference.meanDiff - low))).toBeLessThanOrEqual(slack([low, high]));
        },
      ),
    );
  });
});
