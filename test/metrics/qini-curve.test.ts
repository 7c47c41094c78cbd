import { describe, expect, it } from "vitest";
import { qiniCurve } from "../../src/metrics/qini-curve.js";
import { createStream } from "../../src/random/random-stream.js";

describe("qiniCurve", () => {
  it("gives 1 to the ranking by the truth, -1-ish to the reverse, and about 0 to a ranking by noise", () => {
    const random = createStream(11, "test/qini");
    const count = 20_000;
    const truth = Float64Array.from({ length: count }, () => random.next() - 0.3);
    const noise = Float64Array.from({ length: count }, () => random.next());
    expect(qiniCurve(truth, truth).coefficient).toBeCloseTo(1, 12);
    expect(qiniCurve(Float64Array.from(truth, (value) => -value), truth).coefficient).toBeLessThan(-0.9);
    expect(Math.abs(qiniCurve(noise, truth).coefficient)).toBeLessThan(0.05);
  });

  it("accumulates the true uplift per audited customer of the top shares (a worked example)", () => {
    const curve = qiniCurve(Float64Array.of(0.3, 0.1, 0.2, 0.0), Float64Array.of(1, -1, 0, 2), 4);
    expect(curve.share).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(curve.model).toEqual([0, 0.25, 0.25, 0, 0.5]);
    expect(curve.perfect).toEqual([0, 0.5, 0.75, 0.75, 0.5]);
    expect(curve.pairs).toBe(4);
    // Areas (trapezoids of width 1/4): model 0.1875, perfect 0.5625, chance 0.25.
    expect(curve.coefficient).toBeCloseTo((0.1875 - 0.25) / (0.5625 - 0.25), 12);
  });
});
