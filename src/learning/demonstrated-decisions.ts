import type { DecisionBatch, DecisionOutput, PolicyContext, PolicyDefinition } from "../policy/policy.js";
import type { RandomStream } from "../random/random-stream.js";
import { NO_ACTION } from "../scenario/vocabulary.js";
import { countEligible, explorePick } from "./q-policy.js";

/** A demonstrator's decisions on the current day's batch, for learning from demonstrations (DQfD). */
export interface DemonstratedDecisions {
  /** The demonstrator's chosen action per row of the last batch given to `decide` (a view; valid until the next call). */
  readonly chosen: Int32Array;
  /** Asks the demonstrator for the batch (it sees the same batch, and gets feedback from nobody). */
  decide(batch: DecisionBatch): void;
  /**
   * Writes the demonstrator's decisions with `epsilon` uniform exploration into `output`, with
   * exact propensities: (1 - epsilon) x the demonstrator's probability + epsilon / k on each of
   * the k eligible actions (no action included). Call after `decide` on the same batch.
   */
  explore(batch: DecisionBatch, output: DecisionOutput, epsilon: number, random: RandomStream): void;
}

/**
 * The demonstrator `definition` created in the training world of `context`: its decisions are
 * the labels of DQfD's large-margin loss, and with exploration it is the behaviour of the
 * demonstration episodes. Its scratch output grows with the largest batch (no allocation after).
 */
export function demonstratedDecisions(definition: PolicyDefinition, context: PolicyContext): DemonstratedDecisions {
  const demonstrator = definition.create(context);
  const actionCount = context.actions.length;
  let probabilities = new Float64Array(1024 * actionCount);
  let chosen = new Int32Array(1024);
  let view = chosen.subarray(0, 0);
  return {
    get chosen() {
      return view;
    },
    decide(batch) {
      if (chosen.length < batch.size) {
        chosen = new Int32Array(batch.size * 2);
        probabilities = new Float64Array(batch.size * 2 * actionCount);
      }
      probabilities.fill(0, 0, batch.size * actionCount);
      view = chosen.subarray(0, batch.size);
      demonstrator.decide(batch, { probabilities: probabilities.subarray(0, batch.size * actionCount), chosen: view });
    },
    explore(batch, output, epsilon, random) {
      const eligible = batch.eligibility();
      for (let row = 0; row < batch.size; row++) {
        const offset = row * actionCount;
        const eligibleCount = countEligible(eligible, offset, actionCount);
        const share = epsilon / eligibleCount;
        for (let a = 0; a < actionCount; a++) {
          if (a === NO_ACTION || eligible[offset + a] === 1) output.probabilities[offset + a] = (1 - epsilon) * probabilities[offset + a] + share;
        }
        output.chosen[row] = explorePick(eligible, offset, actionCount, eligibleCount, epsilon, view[row], random);
      }
    },
  };
}
