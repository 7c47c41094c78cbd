import { describe, expect, it } from "vitest";
import { policySimulation } from "../support/policy-simulation.js";
import type { DecisionBatch, DecisionOutput, PolicyDefinition } from "../../src/policy/policy.js";
import { expectedActiveDays } from "../../src/engine/world-view.js";
import { baselineWith } from "../world/baseline-scenario.js";

/** Copies every typed array of the state, to compare before and after. */
function copyState(state: object): Record<string, number[]> {
  return Object.fromEntries(Object.entries(state).filter(([, value]) => ArrayBuffer.isView(value)).map(([key, value]) => [key, Array.from(value as Uint8Array)]));
}

describe("the oracle's world view", () => {
  it("weighs every eligible action of a day and leaves the subscriber state exactly as it found it", () => {
    let before: Record<string, number[]> | null = null;
    let after: Record<string, number[]> | null = null;
    let weighed = 0;
    const probe: PolicyDefinition = {
      name: "probe",
      description: "weighs every eligible action with the world view, then does nothing",
      privileged: true,
      create(context) {
        let stateRef: object | null = null;
        return {
          decide(batch: DecisionBatch, output: DecisionOutput) {
            const eligible = batch.eligibility();
            if (batch.day === 20) before = copyState(stateRef!);
            for (let row = 0; row < batch.size; row++) {
              for (let a = 1; a < context.actions.length; a++) {
                if (eligible[row * context.actions.length + a] === 1 && batch.day === 20) {
                  expect(Number.isFinite(context.world!.expectedValue(batch, row, a, 365))).toBe(true);
                  weighed++;
                }
              }
              output.probabilities[row * context.actions.length] = 1;
            }
            if (batch.day === 20) after = copyState(stateRef!);
          },
          set state(value: object) {
            stateRef = value;
          },
        } as never;
      },
    };
    const run = policySimulation(baselineWith({ subscribers: 2000, days: 25 }), probe, 9);
    (run.policy as unknown as { state: object }).state = run.sim.state;
    run.runUntil(25);
    expect(weighed).toBeGreaterThan(1000);
    expect(after).toEqual(before);
  });

  it("expected active days fall with the hazard and equal the horizon at zero hazard", () => {
    expect(expectedActiveDays(0, 90)).toBe(90);
    expect(expectedActiveDays(0.01, 90)).toBeLessThan(90);
    expect(expectedActiveDays(0.01, 90)).toBeGreaterThan(expectedActiveDays(0.02, 90));
    expect(expectedActiveDays(1, 90)).toBe(0);
  });
});
