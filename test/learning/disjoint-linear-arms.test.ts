import { describe, expect, it } from "vitest";
import { DisjointLinearArms } from "../../src/learning/disjoint-linear-arms.js";
import { createStream } from "../../src/random/random-stream.js";

/** Solves (lambda I + X^T X) theta = X^T r directly (Gauss-Jordan), for comparison. */
function ridge(xs: number[][], rewards: number[], lambda: number): { theta: number[]; inverse: number[][] } {
  const d = xs[0].length;
  const a = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? lambda : 0)));
  const b = new Array(d).fill(0);
  xs.forEach((x, n) => {
    for (let i = 0; i < d; i++) {
      b[i] += rewards[n] * x[i];
      for (let j = 0; j < d; j++) a[i][j] += x[i] * x[j];
    }
  });
  const inverse = a.map((row, i) => [...row, ...Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < d; col++) {
    const pivot = inverse[col][col];
    for (let j = 0; j < 2 * d; j++) inverse[col][j] /= pivot;
    for (let row = 0; row < d; row++) {
      if (row === col) continue;
      const factor = inverse[row][col];
      for (let j = 0; j < 2 * d; j++) inverse[row][j] -= factor * inverse[col][j];
    }
  }
  const inv = inverse.map((row) => row.slice(d));
  return { theta: inv.map((row) => row.reduce((sum, value, j) => sum + value * b[j], 0)), inverse: inv };
}

describe("DisjointLinearArms", () => {
  it("Sherman-Morrison updates give the same estimate and inverse as solving the ridge regression directly", () => {
    const stream = createStream(1, "test/ridge");
    const d = 6;
    const arms = new DisjointLinearArms(2, d, 0.5);
    const xs: number[][] = [];
    const rewards: number[] = [];
    for (let n = 0; n < 200; n++) {
      const x = Array.from({ length: d }, () => stream.next() * 2 - 1);
      const reward = x[0] * 2 - x[3] + (stream.next() - 0.5) * 0.1;
      xs.push(x);
      rewards.push(reward);
      arms.update(1, Float64Array.from(x), reward);
    }
    const direct = ridge(xs, rewards, 0.5);
    for (let k = 0; k < d; k++) expect(arms.theta[d + k]).toBeCloseTo(direct.theta[k], 9);
    const probe = Float64Array.from([0.3, -0.2, 0.5, 0.1, -0.4, 0.2]);
    const quadratic = direct.inverse.reduce((sum, row, i) => sum + probe[i] * row.reduce((s, v, j) => s + v * probe[j], 0), 0);
    expect(arms.variance(1, probe)).toBeCloseTo(quadratic, 9);
    // Arm 0 never saw data: prior mean 0, prior variance |x|^2 / lambda.
    expect(arms.mean(0, probe)).toBe(0);
    expect(arms.variance(0, probe)).toBeCloseTo(probe.reduce((s, v) => s + v * v, 0) / 0.5, 12);
  });

  it("the variance of an arm shrinks as it is pulled", () => {
    const arms = new DisjointLinearArms(1, 3);
    const x = Float64Array.from([1, 0.5, -0.5]);
    const before = arms.variance(0, x);
    for (let n = 0; n < 50; n++) arms.update(0, x, 1);
    expect(arms.variance(0, x)).toBeLessThan(before / 20);
    expect(arms.mean(0, x)).toBeCloseTo(1, 1);
  });
});

describe("DisjointLinearArms sparse scoring", () => {
  it("meanSparse and varianceSparse equal mean and variance on the non-zero entries", () => {
    const stream = createStream(2, "test/sparse");
    const d = 8;
    const arms = new DisjointLinearArms(1, d);
    for (let n = 0; n < 30; n++) {
      const x = Float64Array.from({ length: d }, () => (stream.next() < 0.5 ? 0 : stream.next()));
      arms.update(0, x, stream.next());
    }
    const x = Float64Array.from([0, 0.4, 0, 1, 0, 0, 0.7, 0]);
    const nonZero = Int32Array.from([1, 3, 6]);
    expect(arms.meanSparse(0, x, nonZero, 3)).toBeCloseTo(arms.mean(0, x), 12);
    expect(arms.varianceSparse(0, x, nonZero, 3)).toBeCloseTo(arms.variance(0, x), 12);
  });
});
