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
  it("random gives exactly 1 / (eligible actions) to each eligible action and 0 elsewhere, and the log records that propensity for every decision", () => {
    // What random saw and answered, row by row, recomputed here from batch.eligibility() alone.
    const seen: { day: number; subscriber: number; eligibleCount: number; chosen: number }[] = [];
    const watched: PolicyDefinition = {
      ...random,
      create(context) {
        const inner = random.create(context);
        const count = context.actions.length;
        return {
          decide(batch, output) {
            const eligible = batch.eligibility().slice();
            inner.decide(batch, output);
            for (let row = 0; row < batch.size; row++) {
              let eligibleCount = 0;
              for (let a = 0; a < count; a++) eligibleCount += eligible[row * count + a];
              for (let a = 0; a < count; a++) {
                const expected = eligible[row * count + a] === 1 ? 1 / eligibleCount : 0;
                if (output.probabilities[row * count + a] !== expected) {
                  expect.fail(`day ${batch.day}, row ${row}, action ${a}: expected probability ${expected}, got ${output.probabilities[row * count + a]}`);
                }
              }
              seen.push({ day: batch.day, subscriber: batch.subscriber[row], eligibleCount, chosen: output.chosen[row] });
            }
          },
        };
      },
    };
    const log = simulateReplicate({ scenario, policy: watched, rootSeed: 1, replicate: 0, keepLog: true }).log!;
    expect(log.size).toBe(seen.length);
    expect(log.size).toBeGreaterThan(1000);
    const eligibleCounts = new Set<number>();
    let noActionChosen = 0;
    let noActionExpected = 0;
    let noActionVariance = 0;
    for (let row = 0; row < log.size; row++) {
      const { day, subscriber, eligibleCount, chosen } = seen[row];
      expect([log.day[row], log.subscriber[row], log.action[row]]).toEqual([day, subscriber, chosen]);
      if (log.propensity[row] !== 1 / eligibleCount) expect.fail(`log row ${row}: propensity ${log.propensity[row]}, expected 1/${eligibleCount}`);
      eligibleCounts.add(eligibleCount);
      if (chosen === 0) noActionChosen++;
      noActionExpected += 1 / eligibleCount;
      noActionVariance += (1 / eligibleCount) * (1 - 1 / eligibleCount);
    }
    // Rows with 1, 2, 3, ... eligible actions all occur, so 1/count is tested for several counts.
    expect(eligibleCounts.size).toBeGreaterThan(3);
    // The draw follows the stated distribution: "no action" is chosen as often as its
    // probabilities add up to, within 4 standard deviations.
    expect(Math.abs(noActionChosen - noActionExpected)).toBeLessThan(4 * Math.sqrt(noActionVariance));
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
