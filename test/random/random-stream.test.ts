import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { createStream, restoreStream } from "../../src/random/random-stream.js";

describe("RandomStream", () => {
  it("next() returns exactly what seedrandom's xor4096 returns for the same seed", () => {
    const ours = createStream(42, "replicate:0/world/churn");
    const reference = seedrandom.xor4096("42/replicate:0/world/churn");
    for (let k = 0; k < 10_000; k++) expect(ours.next()).toBe(reference());
  });

  it("fill() gives the top 24 bits of the same sequence, in [0, 1)", () => {
    const filled = new Float32Array(5000);
    createStream(7, "a").fill(filled);
    const stepped = createStream(7, "a");
    for (let k = 0; k < filled.length; k++) {
      const expected = Math.floor(stepped.next() * 2 ** 24) / 2 ** 24;
      expect(filled[k]).toBe(expected);
      expect(filled[k]).toBeGreaterThanOrEqual(0);
      expect(filled[k]).toBeLessThan(1);
    }
  });

  it("streams with different names or seeds differ, and a restored stream continues where it stopped", () => {
    const a = createStream(1, "x");
    const b = createStream(1, "y");
    const c = createStream(2, "x");
    const first = [a.next(), b.next(), c.next()];
    expect(new Set(first).size).toBe(3);
    const snapshot = a.state();
    const continued = restoreStream(a.path, snapshot);
    for (let k = 0; k < 100; k++) expect(continued.next()).toBe(a.next());
  });

  it("fill() draws uniforms with the right mean and variance", () => {
    const values = new Float32Array(200_000);
    createStream(3, "moments").fill(values);
    let sum = 0;
    let squares = 0;
    for (const value of values) {
      sum += value;
      squares += value * value;
    }
    const mean = sum / values.length;
    const variance = squares / values.length - mean * mean;
    // Standard error of the mean is 0.29 / sqrt(200000) = 0.00065: allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});
