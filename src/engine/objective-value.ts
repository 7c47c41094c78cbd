import { OUTCOME_COMPLAIN, OUTCOME_OPT_OUT } from "../scenario/vocabulary.js";
import type { ObjectiveWeights } from "../scenario/objective-schema.js";

/** A contact's money, annoyance and experience, priced by the scenario's objective. */
export function objectiveValue(objective: ObjectiveWeights, reward: number, annoyanceAdded: number, outcome: number): number {
  const badExperience = outcome === OUTCOME_COMPLAIN || outcome === OUTCOME_OPT_OUT ? 1 : 0;
  return objective.revenue * reward - objective.annoyance * annoyanceAdded - objective.experience * badExperience;
}
