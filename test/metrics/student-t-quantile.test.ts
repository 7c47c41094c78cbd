import { describe, expect, it } from "vitest";
import { studentTCdf, studentTCentralProbability } from "../../src/metrics/student-t-cdf.js";
import { studentTQuantile } from "../../src/metrics/student-t-quantile.js";

/** True when `actual` is within `relative` of `expected`, relative to |expected|. */
function closeRelative(actual: number, expected: number, relative: number): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}

describe("studentTQuantile", () => {
  // [p, degrees of freedom, quantile]: published tables, extra digits checked with mpmath.
  const knownQuantiles: Array<[number, number, number]> = [
    [0.975, 1, 12.706204736],
    [0.975, 2, 4.30265273],
    [0.975, 3, 3.182446305],
    [0.975, 4, 2.776445105],
    [0.975, 9, 2.262157163],
    [0.975, 29, 2.045229642],
    [0.975, 1e6, 1.959966357],
    [0.995, 10, 3.169272673],
    [0.9995, 1, 636.6192487688],
    [0.999999, 7, 14.24146965],
  ];

  it.each(knownQuantiles)("gives t(%s, %s) = %s to within 1e-6 relative", (p, degreesOfFreedom, expected) => {
    const actual = studentTQuantile(p, degreesOfFreedom);
    expect(closeRelative(actual, expected, 1e-6), `got ${actual}`).toBe(true);
  });

  it("is antisymmetric: t(1 - p) = -t(p) for every df", () => {
    for (const degreesOfFreedom of [1, 2, 3, 4.5, 9, 29, 1000, 1e6]) {
      for (const p of [1e-12, 0.001, 0.025, 0.1, 0.3, 0.45]) {
        const upperP = 1 - p;
        const lowerP = 1 - upperP; // exactly the complement of upperP (1 - 1e-12 is rounded)
        const lower = studentTQuantile(lowerP, degreesOfFreedom);
        const upper = studentTQuantile(upperP, degreesOfFreedom);
        expect(lower).toBeLessThan(0);
        expect(closeRelative(upper, -lower, 1e-12), `df=${degreesOfFreedom}, p=${p}`).toBe(true);
      }
    }
  });

  it("returns exactly 0 at the median", () => {
    for (const degreesOfFreedom of [1, 2, 5, 1e6]) expect(studentTQuantile(0.5, degreesOfFreedom)).toBe(0);
  });

  it("inverts studentTCdf from the far tails to the centre", () => {
    for (const degreesOfFreedom of [1, 1.5, 3, 7.3, 30, 12345.6, 1e6]) {
      for (const p of [1e-100, 1e-9, 0.01, 0.2, 0.4999, 0.6, 0.9]) {
        const roundTrip = studentTCdf(studentTQuantile(p, degreesOfFreedom), degreesOfFreedom);
        expect(closeRelative(roundTrip, p, 1e-9), `df=${degreesOfFreedom}, p=${p}, got ${roundTrip}`).toBe(true);
      }
    }
  });

  it("keeps relative accuracy just beside the median", () => {
    // t(½ + ε, df) ≈ ε / f(0); for df = 2, f(0) = 1/(2√2), and the closed form is exact.
    const epsilon = 1e-12;
    const expected = epsilon * 2 * Math.SQRT2;
    expect(closeRelative(studentTQuantile(0.5 + epsilon, 2), expected, 1e-4)).toBe(true);
    const nearMedian = studentTQuantile(0.5 + epsilon, 5);
    const representedEpsilon = 0.5 + epsilon - 0.5; // exact: the p the function actually saw, minus ½
    expect(closeRelative(studentTCentralProbability(nearMedian, 5) / 2, representedEpsilon, 1e-9)).toBe(true);
  });

  it("rejects p outside (0, 1) and non-positive degrees of freedom", () => {
    expect(() => studentTQuantile(0, 3)).toThrow("studentTQuantile: p must be in (0, 1), got 0");
    expect(() => studentTQuantile(1, 3)).toThrow("p must be in (0, 1), got 1");
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow("got NaN");
    expect(() => studentTQuantile(0.9, 0)).toThrow("degreesOfFreedom must be a finite number > 0, got 0");
  });
});
