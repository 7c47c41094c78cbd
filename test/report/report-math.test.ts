import { describe, expect, it } from "vitest";
import { paretoEfficient } from "../../src/report/pareto-front.js";
import { roi } from "../../src/report/program-roi.js";
import { welchDifference } from "../../src/metrics/welch-difference.js";
import { parseTolerances, toleranceAmount } from "../../src/check/parse-tolerances.js";

describe("paretoEfficient", () => {
  it("marks the points no other point beats on every objective", () => {
    expect(paretoEfficient([[1, 5], [2, 2], [3, 3], [2, 2]])).toEqual([true, true, false, true]);
  });
});

describe("roi", () => {
  it("is (CLV gain + ARPU uplift - cost) / cost, and null when nothing was spent", () => {
    expect(roi(300, 100, 200)).toBe(1);
    expect(roi(0, 0, 50)).toBe(-1);
    expect(roi(10, 10, 0)).toBeNull();
  });
});

describe("welchDifference", () => {
  it("matches a hand-computed Welch interval", () => {
    // means 4 and 2, variances 1 and 1, n 3 and 3: se = sqrt(2/3), df = 4, t(0.975, 4) = 2.776445
    const { meanDiff, ci95 } = welchDifference([3, 4, 5], [1, 2, 3]);
    expect(meanDiff).toBe(2);
    expect(ci95![1] - 2).toBeCloseTo(2.776445 * Math.sqrt(2 / 3), 5);
  });

  it("has no interval with one value per side, and a zero-width one without spread", () => {
    expect(welchDifference([3], [1]).ci95).toBeNull();
    expect(welchDifference([3, 3], [1, 1]).ci95).toEqual([2, 2]);
  });
});

describe("parseTolerances", () => {
  it("reads absolute and relative tolerances, and * for every gated KPI", () => {
    const tolerances = parseTolerances(["churnRateMonthly=0.001", "netValuePerSub=5%", "*=1%"]);
    expect(toleranceAmount(tolerances, "churnRateMonthly", 0.02)).toBe(0.001);
    expect(toleranceAmount(tolerances, "netValuePerSub", -200)).toBeCloseTo(10, 10);
    expect(toleranceAmount(tolerances, "annoyance", 0.5)).toBeCloseTo(0.005, 10);
  });

  it("defaults to 2 % of the baseline's mean", () => {
    expect(toleranceAmount(parseTolerances([]), "arpu", 50)).toBeCloseTo(1, 10);
  });
});
