import { describe, expect, it } from "vitest";
import { detectableChange } from "../../src/check/detectable-change.js";
import { formatKpiAmount, formatKpiInterval } from "../../src/check/check-units.js";
import type { PolicyResults } from "../../src/report/build-results.js";
import { studentTQuantile } from "../../src/metrics/student-t-quantile.js";

function policy(name: string, reference: string, ci95: [number, number] | null, n: number): PolicyResults {
  return { policy: name, paired: { reference, kpis: { churnRateMonthly: { meanDiff: 0, ci95, n } } } } as unknown as PolicyResults;
}

describe("detectableChange", () => {
  it("is the tolerance plus (t(0.975) + t(0.8)) standard errors of the policy's paired differences from the reference", () => {
    // sd 0.0001 over 3 seeds: the paired half-width is t(0.975, 2) x 0.0001 / sqrt(3).
    const standardError = 0.0001 / Math.sqrt(3);
    const half = studentTQuantile(0.975, 2) * standardError;
    const detectable = detectableChange(policy("rules-nba", "no-contact", [-half, half], 3), "churnRateMonthly", 0.0002);
    expect(detectable).toBeCloseTo(0.0002 + (4.302653 + 1.060660) * standardError, 9);
  });

  it("is null for the reference itself and with one seed", () => {
    expect(detectableChange(policy("no-contact", "no-contact", [0, 0], 3), "churnRateMonthly", 0.0002)).toBeNull();
    expect(detectableChange(policy("random", "no-contact", null, 1), "churnRateMonthly", 0.0002)).toBeNull();
  });
});

describe("check units", () => {
  it("prints churn in % per month and other rates in %, money as it is", () => {
    expect(formatKpiAmount("churnRateMonthly", 0.01215)).toBe("1.215 %/month");
    expect(formatKpiAmount("complaintRate", 0.005)).toBe("0.5 %");
    expect(formatKpiAmount("netValuePerSub", 1234.56)).toBe("1234.6");
    expect(formatKpiInterval("churnRateMonthly", 0.0006, [0.0004, 0.0008])).toBe("0.06 [0.04, 0.08] %/month");
  });
});
