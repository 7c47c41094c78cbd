import { DecisionLog } from "../log/decision-log.js";
import type { ActionInfo } from "../policy/policy.js";
import { MOMENT_KINDS, OUTCOME_ACCEPT, OUTCOMES } from "../scenario/vocabulary.js";

/**
 * The history a learner trains on: the logged-decision record of `offersim run
 * --log-decisions` (src/log/decision-log.ts), kept in memory, for a training world of
 * `historyDays` days. Churn is labelled as in the log: a decision counts as churned when its
 * subscriber left on its day or within `attributionDays` after it, and is censored (its label
 * unknown) when that window reaches the history's end.
 */
export function createTrainingHistory(featureNames: readonly string[], actions: readonly ActionInfo[], attributionDays: number, historyDays: number): DecisionLog {
  return new DecisionLog({
    featureNames,
    actionIds: actions.map((action) => action.id),
    momentNames: MOMENT_KINDS,
    outcomeNames: OUTCOMES,
    attributionDays,
    horizonDays: historyDays,
    distribution: false,
    expectedValues: false,
  });
}

/** 1 when row `row` of a history was an accepted contact. */
export function acceptedAt(history: DecisionLog, row: number): number {
  return history.outcome[row] === OUTCOME_ACCEPT ? 1 : 0;
}
