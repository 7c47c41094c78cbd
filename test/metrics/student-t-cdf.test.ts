import { describe, expect, it } from "vitest";
import {
  logBeta,
  logGamma,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
} from "../../src/metrics/regularized-incomplete-beta.js";
import { studentTCdf } from "../../src/metrics/student-t-cdf.js";

function closeRelative(actual: number, expected: number, relative: number): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}

describe("regularizedIncompleteBeta", () => {
  it("matches reference values computed with mpmath", () => {
    expect(closeRelative(regularizedIncompleteBeta(0.3, 2.5, 4), 0.352197585906767, 1e-12)).toBe(true);
    expect(closeRelative(regularizedIncompleteBetaComplement(0.999, 2, 2), 2.998e-6, 1e-9)).toBe(true);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 15);
  });

  it("gives log-gamma and log-beta without cancellation for large arguments", () => {
    expect(closeRelative(logGamma(0.1), 2.2527126517342059, 1e-14)).toBe(true);
    expect(closeRelative(logGamma(7.5), 7.534364236758733, 1e-14)).toBe(true);
    expect(closeRelative(logGamma(123.4), 469.33609744219059, 1e-14)).toBe(true);
    expect(closeRelative(logBeta(5e5, 0.5), -5.9888164957774643, 1e-13)).toBe(true);
    expect(closeRelative(logBeta(30, 40), -48.301749095916125, 1e-13)).toBe(true);
  });

  it("rejects x outside [0, 1] and non-positive shapes", () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow("x must be in [0, 1], got 1.5");
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow("a and b must be finite numbers > 0");
  });
});

describe("studentTCdf", () => {
  it("is ½ at 0 and matches the closed form for one degree of freedom", () => {
    expect(studentTCdf(0, 4)).toBe(0.5);
    for (const t of [-50, -2, -0.1, 0.7, 3]) {
      expect(closeRelative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12)).toBe(true);
    }
  });

  it("keeps full relative accuracy in the far lower tail", () => {
    expect(closeRelative(studentTCdf(-30, 5), 3.85932431024803e-7, 1e-12)).toBe(true);
    // Cauchy: P(T < -1e200) = 1/(π·1e200) to leading order.
    expect(closeRelative(studentTCdf(-1e200, 1), 1 / (Math.PI * 1e200), 1e-12)).toBe(true);
  });

  it("gives F(t) + F(-t) = 1", () => {
    for (const degreesOfFreedom of [1, 3, 30, 1e6]) {
      for (const t of [0.01, 1, 2.5, 8]) {
        expect(studentTCdf(t, degreesOfFreedom) + studentTCdf(-t, degreesOfFreedom)).toBeCloseTo(1, 14);
      }
    }
  });
});
