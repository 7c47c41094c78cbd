import type { PolicyDefinition } from "../policy/policy.js";
import { OUTCOME_ACCEPT } from "../scenario/vocabulary.js";
import { LoggedHistory } from "./logged-history.js";
import { NO_ACTION } from "../scenario/vocabulary.js";

/**
 * The logging policy of the training history: at each decision moment it contacts with
 * probability `contactShare`, uniformly over the eligible offers, else takes no action; every
 * decision, with its propensity and outcome, goes into `history`. Its draws come from the
 * training world's policy stream, so the history is a function of the seeds.
 */
export function exploringBehaviour(contactShare: number, history: LoggedHistory): PolicyDefinition {
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
            rows[row] = history.add(features, row, action, output.probabilities[offset + action], batch.subscriber[row], batch.day);
          }
        },
        feedback(feedback) {
          for (let row = 0; row < feedback.size; row++) {
            const logged = rows[row];
            history.accepted[logged] = feedback.outcome[row] === OUTCOME_ACCEPT ? 1 : 0;
            history.reward[logged] = feedback.reward[row];
            history.value[logged] = feedback.value[row];
          }
          for (let k = 0; k < feedback.churned.length; k++) history.addChurn(feedback.churned[k], feedback.day);
        },
      };
    },
  };
}
