import { describe, expect, it } from "vitest";
import { pairedDifference, summarizeReplicates } from "../../src/metrics/summarize-replicates.js";

/** mulberry32: a tiny seeded uniform [0, 1) generator, so these statistical tests replay exactly. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a uniform source. */
function normalSource(uniform: () => number): () => number {
  return () => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 - u is in (0, 1]
    return radius * Math.cos(2 * Math.PI * uniform());
  };
}

describe("summarizeReplicates", () => {
  it("gives the mean, the n - 1 standard deviation and the 95 % t-interval", () => {
    const summary = summarizeReplicates([1, 2, 3]);
    expect(summary.mean).toBe(2);
    expect(summary.sd).toBe(1);
    expect(summary.n).toBe(3);
    expect(summary.perSeed).toEqual([1, 2, 3]);
    const halfWidth = (4.30265272974946 * 1) / Math.sqrt(3);
    expect(summary.ci95?.[0]).toBeCloseTo(2 - halfWidth, 12);
    expect(summary.ci95?.[1]).toBeCloseTo(2 + halfWidth, 12);
  });

  it("reports no interval and no sd for a single seed", () => {
    expect(summarizeReplicates([4.2])).toEqual({ mean: 4.2, ci95: null, sd: null, n: 1, perSeed: [4.2] });
  });

  it("returns an interval that contains the mean, of width 0 when all values are identical", () => {
    const uniform = mulberry32(20240611);
    for (let trial = 0; trial < 500; trial++) {
      const size = 2 + Math.floor(uniform() * 20);
      const scale = 10 ** Math.floor(uniform() * 12 - 6);
      const values = Array.from({ length: size }, () => (uniform() - 0.5) * scale);
      const { mean, ci95 } = summarizeReplicates(values);
      expect(ci95, `trial ${trial}`).not.toBeNull();
      expect(ci95![0], `trial ${trial}`).toBeLessThanOrEqual(mean);
      expect(ci95![1], `trial ${trial}`).toBeGreaterThanOrEqual(mean);
      const constant = new Array<number>(size).fill(values[0]);
      const flat = summarizeReplicates(constant);
      expect(flat.mean, `trial ${trial}`).toBe(values[0]);
      expect(flat.sd, `trial ${trial}`).toBe(0);
      expect(flat.ci95, `trial ${trial}`).toEqual([values[0], values[0]]);
    }
  });

  it("covers the true mean of normal samples of size 5 in 95 % ± 1.5 % of 4000 trials", () => {
    const seed = 7;
    const normal = normalSource(mulberry32(seed));
    const trueMean = 3;
    const trials = 4000;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const sample = Array.from({ length: 5 }, () => trueMean + 2 * normal());
      const [low, high] = summarizeReplicates(sample).ci95!;
      if (low <= trueMean && trueMean <= high) covered++;
    }
    const coverage = covered / trials;
    expect(Math.abs(coverage - 0.95), `seed ${seed}: coverage ${coverage}`).toBeLessThanOrEqual(0.015);
  });

  it("throws a clear error on an empty array or a non-finite value", () => {
    expect(() => summarizeReplicates([])).toThrow("summarizeReplicates: values must hold at least one replicate");
    expect(() => summarizeReplicates([1, Number.NaN])).toThrow(
      "summarizeReplicates: values[1] must be a finite number, got NaN",
    );
    expect(() => summarizeReplicates([Infinity])).toThrow("values[0] must be a finite number, got Infinity");
  });
});

describe("pairedDifference", () => {
  it("equals summarizeReplicates of the element-wise differences", () => {
    const uniform = mulberry32(99);
    for (const size of [1, 2, 5, 30]) {
      const a = Array.from({ length: size }, () => uniform() * 100);
      const b = a.map((value) => value - 5 + uniform());
      const paired = pairedDifference(a, b);
      const direct = summarizeReplicates(a.map((value, index) => value - b[index]));
      expect(paired).toEqual({ meanDiff: direct.mean, ci95: direct.ci95, n: direct.n });
    }
  });

  it("throws when the two arrays differ in length or hold a non-finite value", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(
      "pairedDifference: a and b must have the same length, got 2 and 1",
    );
    expect(() => pairedDifference([1, 2], [1, Number.NaN])).toThrow("pairedDifference: b[1] must be a finite number");
  });
});
