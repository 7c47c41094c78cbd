import { describe, expect, it } from "vitest";
import { DQN_GUARDRAILS, dqn } from "../../policies/dqn.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { guardrailsInRun } from "../../src/learning/guardrails.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { MOMENT_CANCELLATION, NO_ACTION } from "../../src/scenario/vocabulary.js";
import { baselineWith } from "../world/baseline-scenario.js";

const scenario = baselineWith({ subscribers: 1500, days: 60 });

/** What a guarded agent saw and did, row by row, over a run. */
interface Tally {
  rows: number;
  reservedByRules: number;
  overridden: number;
  reported: number;
  mismatches: string[];
}

/**
 * An agent that takes the last eligible action of every row (anything but the rules' choice, mostly),
 * under `DQN_GUARDRAILS`; beside it, a second rules-nba instance says what the rules chose.
 */
function guardedAgent(tally: Tally): PolicyDefinition {
  return {
    name: "guarded-agent",
    description: "the last eligible action, inside dqn's guardrails",
    create(context) {
      const guard = guardrailsInRun(DQN_GUARDRAILS, context);
      const rules = rulesNba.create(context);
      const count = context.actions.length;
      const reserved = context.actions.map((action) => action.program !== null && DQN_GUARDRAILS.programs.includes(action.program));
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const agent = new Int32Array(batch.size);
          for (let row = 0; row < batch.size; row++) {
            let last = NO_ACTION;
            for (let a = 0; a < count; a++) if (a === NO_ACTION || eligible[row * count + a] === 1) last = a;
            agent[row] = last;
            output.probabilities[row * count + last] = 1;
            output.chosen[row] = last;
          }
          const ruled = { probabilities: new Float64Array(batch.size * count), chosen: new Int32Array(batch.size) };
          rules.decide(batch, ruled);
          tally.reported += guard.apply(batch, output);
          for (let row = 0; row < batch.size; row++) {
            tally.rows++;
            const expected = reserved[ruled.chosen[row]] ? ruled.chosen[row] : agent[row];
            if (reserved[ruled.chosen[row]]) tally.reservedByRules++;
            if (reserved[ruled.chosen[row]] && agent[row] !== ruled.chosen[row]) tally.overridden++;
            const probability = output.probabilities[row * count + expected];
            let total = 0;
            for (let a = 0; a < count; a++) total += output.probabilities[row * count + a];
            if (output.chosen[row] !== expected || probability !== 1 || total !== 1) tally.mismatches.push(`day ${batch.day} row ${row}: chose ${output.chosen[row]} (p ${probability}, sum ${total}), expected ${expected}`);
          }
        },
      };
    },
  };
}

describe("business guardrails around a learning agent", () => {
  it("the rules' actions in the reserved programs stand with propensity 1, the agent's stand elsewhere, and apply counts the overrides", () => {
    const tally: Tally = { rows: 0, reservedByRules: 0, overridden: 0, reported: 0, mismatches: [] };
    simulateReplicate({ scenario, policy: guardedAgent(tally), rootSeed: 5, replicate: 0 });
    expect(tally.mismatches.slice(0, 5)).toEqual([]);
    // The run must exercise both sides: many rows reserved by the rules, most rows left to the agent.
    expect(tally.reservedByRules).toBeGreaterThan(500);
    expect(tally.rows - tally.reservedByRules).toBeGreaterThan(tally.reservedByRules);
    expect(tally.reported).toBe(tally.overridden);
  });

  it("dqn, even untrained, makes rules-nba's save offer to a customer calling to cancel: the save desk is reserved", () => {
    const saves: string[] = [];
    const compared: PolicyDefinition = {
      name: "dqn-beside-rules",
      description: "dqn's decisions, checked against rules-nba's at cancellation calls",
      create(context) {
        const agent = dqn.create(context);
        const rules = rulesNba.create(context);
        const count = context.actions.length;
        return {
          decide(batch, output) {
            agent.decide(batch, output);
            const ruled = { probabilities: new Float64Array(batch.size * count), chosen: new Int32Array(batch.size) };
            rules.decide(batch, ruled);
            for (let row = 0; row < batch.size; row++) if (batch.moment[row] === MOMENT_CANCELLATION && ruled.chosen[row] !== NO_ACTION) saves.push(`${output.chosen[row]}=${ruled.chosen[row]}`);
          },
        };
      },
    };
    simulateReplicate({ scenario, policy: compared, rootSeed: 5, replicate: 0 });
    expect(saves.length).toBeGreaterThan(5);
    for (const pair of saves) {
      const [agentChoice, rulesChoice] = pair.split("=");
      expect(agentChoice).toBe(rulesChoice);
    }
  });
});
