import { describe, expect, it } from "vitest";
import { describePolicyContract } from "../../src/testing/describe-policy-contract.js";
import { noContact } from "../../policies/no-contact.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";

/** The contract's checks by name, collected with a stand-in for the test framework. */
function contractChecks(definition: PolicyDefinition): Map<string, () => void | Promise<void>> {
  const checks = new Map<string, () => void | Promise<void>>();
  describePolicyContract(definition, {
    describe: (_name, body) => body(),
    it: (name, body) => checks.set(name, body),
  });
  return checks;
}

const NAMED = "has a name and a one-line description";
const RUNS = "runs to the end with every decision passing the engine's checks, logging a propensity in (0, 1]";
const REPEATS = "gives identical results for identical seeds";

/** Always offers action 1, eligible or not. */
const offersIneligible: PolicyDefinition = {
  ...noContact,
  name: "offers-ineligible",
  create(context) {
    const actionCount = context.actions.length;
    return {
      decide(batch, output) {
        for (let row = 0; row < batch.size; row++) {
          output.probabilities[row * actionCount + 1] = 1;
          output.chosen[row] = 1;
        }
      },
    };
  },
};

/** Keeps a day count at module level, so its second run starts where the first stopped. */
let daysSeen = 0;
const remembersAcrossRuns: PolicyDefinition = {
  ...noContact,
  name: "remembers-across-runs",
  create(context) {
    const actionCount = context.actions.length;
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        const contacting = daysSeen++ < 30;
        for (let row = 0; row < batch.size; row++) {
          const offset = row * actionCount;
          let action = 0;
          for (let a = 1; contacting && a < actionCount && action === 0; a++) if (eligible[offset + a] === 1) action = a;
          output.probabilities[offset + action] = 1;
          output.chosen[row] = action;
        }
      },
    };
  },
};

describe("describePolicyContract", () => {
  it("declares the three checks and passes a valid policy", async () => {
    const checks = contractChecks(noContact);
    expect([...checks.keys()]).toEqual([NAMED, RUNS, REPEATS]);
    for (const check of checks.values()) await check();
  });

  it("fails a policy whose name is not lower-case words joined by dashes, naming the value", () => {
    const checks = contractChecks({ ...noContact, name: "Service First" });
    expect(() => checks.get(NAMED)!()).toThrow('name must be lower-case letters, digits and dashes, got "Service First"');
  });

  it("fails a policy whose description spans two lines", () => {
    const checks = contractChecks({ ...noContact, description: "Never contacts anyone:\nthe baseline." });
    expect(() => checks.get(NAMED)!()).toThrow("description must be one line");
  });

  it("fails a policy that gives probability to an ineligible action, with the engine's message", async () => {
    await expect(async () => contractChecks(offersIneligible).get(RUNS)!()).rejects.toThrow(/policy "offers-ineligible": day 0, decision 0: gave probability 1 to ineligible action/);
  });

  it("fails a policy that keeps state between runs, since the same seed no longer gives the same results", async () => {
    await expect(async () => contractChecks(remembersAcrossRuns).get(REPEATS)!()).rejects.toThrow(/Expected values to be strictly deep-equal/);
  });
});
