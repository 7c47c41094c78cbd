import type { PolicyDefinition } from "../policy/policy.js";
import type { DecisionLog } from "../log/decision-log.js";
import { NO_ACTION, OUTCOME_NONE } from "../scenario/vocabulary.js";

/**
 * The logging policy of the training history: at each decision moment it contacts with
 * probability `contactShare`, uniformly over the eligible offers, else takes no action; every
 * decision, with its features, eligibility, propensity and outcome, goes into `history` (the
 * logged-decision record of src/log, see createTrainingHistory). Its draws come from the
 * training world's policy stream, so the history is a function of the seeds.
 */
export function exploringBehaviour(contactShare: number, history: DecisionLog): PolicyDefinition {
  return {
    name: "exploring-behaviour",
    description: "Logging policy for training: contacts a share of decision moments, uniformly over the eligible offers.",
    create(context) {
      const actionCount = context.actions.length;
      const draw = context.random;
      let rows = new Int32Array(1024);
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const features = batch.features();
          history.stageDay(features, eligible, output.probabilities, null, batch.size);
          if (rows.length < batch.size) rows = new Int32Array(batch.size * 2);
          for (let row = 0; row < batch.size; row++) {
            const offset = row * actionCount;
            let offers = 0;
            for (let a = 1; a < actionCount; a++) offers += eligible[offset + a];
            const share = offers === 0 ? 0 : contactShare;
            const contact = draw.next() < share;
            let action = 0;
            if (contact) {
              let pick = Math.floor(draw.next() * offers);
              for (let a = 1; a < actionCount && action === NO_ACTION; a++) if (eligible[offset + a] === 1 && pick-- === 0) action = a;
            }
            if (share < 1) output.probabilities[offset] = 1 - share;
            for (let a = 1; a < actionCount; a++) if (eligible[offset + a] === 1) output.probabilities[offset + a] = share / offers;
            output.chosen[row] = action;
            // The outcome and ground truth are not known yet (the policy sees no ground truth: NaN).
            rows[row] = history.record(row, batch.day, batch.subscriber[row], batch.moment[row], action, output.probabilities[offset + action], OUTCOME_NONE, 0, 0, Number.NaN, Number.NaN);
          }
        },
        feedback(feedback) {
          for (let row = 0; row < feedback.size; row++) history.recordOutcome(rows[row], feedback.outcome[row], feedback.reward[row], feedback.value[row]);
          history.recordChurn(feedback.day, feedback.churned, feedback.churned.length);
        },
      };
    },
  };
}
