import type { DecisionBatch, DecisionOutput, PolicyContext, PolicyDefinition } from "../policy/policy.js";
import type { Program } from "../scenario/vocabulary.js";
import { demonstratedDecisions } from "./demonstrated-decisions.js";

/**
 * Business guardrails for a learning agent: the programs the business keeps under its own rules
 * (care, lifecycle and retention, say). Where `rules` picks an action of one of `programs`, that
 * action stands; everywhere else the agent decides. This is how a strategy is kept while a
 * learner optimises the rest (the domain's "difficult to align with strategy").
 */
export interface Guardrails {
  readonly rules: PolicyDefinition;
  readonly programs: readonly Program[];
}

/** Guardrails created in a run: `apply` after the agent has written its decisions. */
export interface GuardrailsInRun {
  /**
   * Overrides `output`'s rows where the rules choose a reserved program's action: that action,
   * with propensity 1 (exact for deterministic rules such as rules-nba). Returns how many rows it overrode.
   */
  apply(batch: DecisionBatch, output: DecisionOutput): number;
}

/** `guardrails` in the run of `context`: the rules policy is created there (it learns nothing). */
export function guardrailsInRun(guardrails: Guardrails, context: PolicyContext): GuardrailsInRun {
  const rules = demonstratedDecisions(guardrails.rules, context);
  const actionCount = context.actions.length;
  const reserved = Uint8Array.from(context.actions, (action) => (action.program !== null && guardrails.programs.includes(action.program) ? 1 : 0));
  return {
    apply(batch, output) {
      rules.decide(batch);
      const chosen = rules.chosen;
      let overridden = 0;
      for (let row = 0; row < batch.size; row++) {
        const action = chosen[row];
        if (reserved[action] === 0) continue;
        const offset = row * actionCount;
        output.probabilities.fill(0, offset, offset + actionCount);
        output.probabilities[offset + action] = 1;
        if (output.chosen[row] !== action) overridden++;
        output.chosen[row] = action;
      }
      return overridden;
    },
  };
}
