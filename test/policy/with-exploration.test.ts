import { describe, expect, it } from "vitest";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { withExploration } from "../../src/policy/with-exploration.js";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { InputError } from "../../src/input-error.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { offerOfTheMonth } from "../../policies/offer-of-the-month.js";
import { baselineWith } from "../world/baseline-scenario.js";
import { describePolicyContract } from "../../src/testing/describe-policy-contract.js";

describePolicyContract(withExploration(rulesNba, { epsilon: 0.1 }), { describe, it });
describePolicyContract(withExploration(offerOfTheMonth, { temperature: 0.25 }), { describe, it });

interface Recorded {
  probabilities: Float64Array;
  chosen: Int32Array;
  eligibility: Uint8Array;
}

/** `definition` with every batch's output copied into `into` right after its decide(). */
function recording(definition: PolicyDefinition, into: Recorded[]): PolicyDefinition {
  return {
    ...definition,
    create(context) {
      const policy = definition.create(context);
      const count = context.actions.length;
      return {
        decide(batch, output) {
          policy.decide(batch, output);
          into.push({ probabilities: output.probabilities.slice(0, batch.size * count), chosen: output.chosen.slice(0, batch.size), eligibility: batch.eligibility().slice(0, batch.size * count) });
        },
        feedback: policy.feedback && ((feedback) => policy.feedback!(feedback)),
      };
    },
  };
}

/** Runs `explore(recorded inner)` on a small world; the inner and outer outputs, batch by batch. */
async function runRecorded(inner: PolicyDefinition, explore: (definition: PolicyDefinition) => PolicyDefinition): Promise<{ inner: Recorded[]; outer: Recorded[]; actionCount: number }> {
  const innerRecords: Recorded[] = [];
  const outerRecords: Recorded[] = [];
  const scenario = baselineWith({ subscribers: 1500, days: 30 });
  let actionCount = 0;
  const outer = recording(explore(recording(inner, innerRecords)), outerRecords);
  const counting: PolicyDefinition = { ...outer, create: (context) => ((actionCount = context.actions.length), outer.create(context)) };
  await runReplicate({ scenario, policy: counting, rootSeed: 9, replicate: 0 });
  return { inner: innerRecords, outer: outerRecords, actionCount };
}

describe("withExploration", () => {
  it("names and describes the wrapped policy", () => {
    expect(withExploration(rulesNba, { epsilon: 0.1 }).name).toBe("rules-nba-eps10");
    expect(withExploration(rulesNba, { epsilon: 0.125 }).name).toBe("rules-nba-eps12p5");
    expect(withExploration(rulesNba, { temperature: 0.5 }).name).toBe("rules-nba-softmax-t0p5");
    expect(withExploration(rulesNba, { epsilon: 0.1, name: "rules-explore" }).name).toBe("rules-explore");
    expect(withExploration(rulesNba, { epsilon: 0.1 }).description).toMatch(/; with 10 % uniform exploration over the eligible actions\.$/);
  });

  it("logs exactly (1 - epsilon) p_policy + epsilon / n_eligible on eligible actions and 0 elsewhere", async () => {
    const epsilon = 0.1;
    const { inner, outer, actionCount } = await runRecorded(rulesNba, (definition) => withExploration(definition, { epsilon }));
    expect(outer.length).toBe(inner.length);
    const mismatches: string[] = [];
    let rows = 0;
    let explored = 0;
    let expectedExplored = 0;
    for (let b = 0; b < outer.length; b++) {
      const { eligibility } = outer[b];
      for (let row = 0; row < outer[b].chosen.length; row++, rows++) {
        const offset = row * actionCount;
        let eligibleCount = 0;
        for (let a = 0; a < actionCount; a++) eligibleCount += eligibility[offset + a];
        for (let a = 0; a < actionCount; a++) {
          const expected = eligibility[offset + a] === 1 ? (1 - epsilon) * inner[b].probabilities[offset + a] + epsilon / eligibleCount : 0;
          if (outer[b].probabilities[offset + a] !== expected) mismatches.push(`batch ${b} row ${row} action ${a}: ${outer[b].probabilities[offset + a]} !== ${expected}`);
        }
        if (!(outer[b].probabilities[offset + outer[b].chosen[row]] > 0)) mismatches.push(`batch ${b} row ${row}: chose an action of probability 0`);
        if (outer[b].chosen[row] !== inner[b].chosen[row]) explored++;
        expectedExplored += epsilon * (1 - 1 / eligibleCount);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(rows).toBeGreaterThan(5000);
    // rules-nba is deterministic: a choice differs from its own with probability epsilon (1 - 1 / n_eligible).
    expect(Math.abs(explored - expectedExplored)).toBeLessThan(4 * Math.sqrt(expectedExplored));
  });

  it("with a temperature, logs the softmax of the policy's probabilities over the eligible actions and draws from it", async () => {
    const temperature = 0.4;
    const { inner, outer, actionCount } = await runRecorded(rulesNba, (definition) => withExploration(definition, { temperature }));
    const mismatches: string[] = [];
    let keptOwnChoice = 0;
    let expectedKept = 0;
    for (let b = 0; b < outer.length; b++) {
      const { eligibility } = outer[b];
      for (let row = 0; row < outer[b].chosen.length; row++) {
        const offset = row * actionCount;
        let total = 0;
        for (let a = 0; a < actionCount; a++) if (eligibility[offset + a] === 1) total += Math.exp(inner[b].probabilities[offset + a] / temperature);
        let sum = 0;
        for (let a = 0; a < actionCount; a++) {
          const expected = eligibility[offset + a] === 1 ? Math.exp(inner[b].probabilities[offset + a] / temperature) / total : 0;
          if (Math.abs(outer[b].probabilities[offset + a] - expected) > 1e-15) mismatches.push(`batch ${b} row ${row} action ${a}: ${outer[b].probabilities[offset + a]} vs ${expected}`);
          sum += outer[b].probabilities[offset + a];
        }
        if (Math.abs(sum - 1) > 1e-12) mismatches.push(`batch ${b} row ${row}: sums to ${sum}`);
        const own = inner[b].chosen[row];
        if (outer[b].chosen[row] === own) keptOwnChoice++;
        expectedKept += outer[b].probabilities[offset + own];
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(Math.abs(keptOwnChoice - expectedKept)).toBeLessThan(4 * Math.sqrt(expectedKept));
  });

  it("passes prepare's result, every feedback and the learning curve through to the wrapped policy", async () => {
    let feedbackDays = 0;
    let preparedSeen: unknown;
    const learner: PolicyDefinition = {
      name: "counting-learner",
      description: "Takes no action and counts its feedback calls.",
      prepare: async () => "model",
      create(context) {
        preparedSeen = context.prepared;
        return {
          decide(batch, output) {
            for (let row = 0; row < batch.size; row++) output.probabilities[row * context.actions.length] = 1;
          },
          feedback: () => void feedbackDays++,
          learningCurve: () => ({ xLabel: "day", yLabel: "feedback calls", x: [0], y: [feedbackDays] }),
        };
      },
    };
    const result = await runReplicate({ scenario: baselineWith({ subscribers: 300, days: 20 }), policy: withExploration(learner, { epsilon: 0.2 }), rootSeed: 4, replicate: 0 });
    expect(preparedSeen).toBe("model");
    expect(feedbackDays).toBe(20);
    expect(result.learningCurve).toEqual({ xLabel: "day", yLabel: "feedback calls", x: [0], y: [20] });
    expect(result.groups.all.contacts).toBeGreaterThan(0);
  });

  it("refuses an epsilon outside [0, 1] and a temperature that is not positive", () => {
    expect(() => withExploration(rulesNba, { epsilon: 1.5 })).toThrow(new InputError("withExploration: epsilon must be a number from 0 to 1, got 1.5"));
    expect(() => withExploration(rulesNba, { temperature: 0 })).toThrow(new InputError("withExploration: temperature must be a finite number > 0, got 0"));
  });
});
