import { describe, expect, it } from "vitest";
import { random } from "../../policies/random.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { PolicyError } from "../../src/policy/policy-error.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { baselineWith } from "../world/baseline-scenario.js";

const scenario = baselineWith({ subscribers: 1500, days: 20 });

/** A policy whose answer for the first row of each day is written by `write`, the rest "no action". */
function misbehaving(name: string, write: (probabilities: Float64Array, chosen: Int32Array, count: number, eligible: Uint8Array) => void): PolicyDefinition {
  return {
    name,
    description: "test",
    create: (context) => ({
      decide(batch, output) {
        const count = context.actions.length;
        for (let row = 0; row < batch.size; row++) output.probabilities[row * count] = 1;
        if (batch.size > 0) write(output.probabilities, output.chosen, count, batch.eligibility());
      },
    }),
  };
}

describe("the engine checks every decision", () => {
  it("random's logged propensities are one over the number of eligible actions, and each row is a valid distribution", () => {
    const { log } = simulateReplicate({ scenario, policy: random, rootSeed: 1, replicate: 0, keepLog: true });
    expect(log!.size).toBeGreaterThan(1000);
    const propensities = new Set<number>();
    for (let row = 0; row < log!.size; row++) {
      const p = log!.propensity[row];
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isInteger(Math.round(1 / p))).toBe(true);
      expect(Math.abs(1 / p - Math.round(1 / p))).toBeLessThan(1e-9);
      propensities.add(p);
    }
    expect(propensities.size).toBeGreaterThan(1);
  });

  const cases: [string, RegExp, Parameters<typeof misbehaving>[1]][] = [
    ["probabilities that sum to 2", /sum to 2/, (p) => (p[0] = 2)],
    ["a negative probability", /finite and >= 0/, (p) => ((p[0] = 1.5), (p[1] = -0.5))],
    ["a NaN probability", /finite and >= 0/, (p) => (p[0] = Number.NaN)],
    ["a chosen action with probability 0", /with probability 0/, (_p, chosen) => (chosen[0] = 1)],
    ["an action index out of range", /expected an index/, (_p, chosen) => (chosen[0] = 999)],
    [
      "probability on an ineligible action",
      /ineligible action/,
      (p, _c, count, eligible) => {
        const ineligible = Array.from({ length: count }, (_, a) => a).find((a) => a > 0 && eligible[a] === 0)!;
        p[0] = 0.5;
        p[ineligible] = 0.5;
      },
    ],
  ];
  for (const [what, message, write] of cases) {
    it(`a policy that returns ${what} fails with a PolicyError naming it`, () => {
      const run = () => simulateReplicate({ scenario, policy: misbehaving("bad", write), rootSeed: 1, replicate: 0 });
      expect(run).toThrow(PolicyError);
      expect(run).toThrow(message);
      expect(run).toThrow(/policy "bad": day 0, decision 0/);
    });
  }

  it("a policy that throws fails with a PolicyError carrying its message", () => {
    const thrower: PolicyDefinition = { name: "thrower", description: "", create: () => ({ decide: () => { throw new Error("model not loaded"); } }) };
    expect(() => simulateReplicate({ scenario, policy: thrower, rootSeed: 1, replicate: 0 })).toThrow(/policy "thrower": decide\(\) threw on day 0: model not loaded/);
  });
});
