import type { Scenario } from "../../scenario/scenario-schema.js";
import { CHANNELS, OUTCOME_COMPLAIN, OUTCOME_IGNORE, OUTCOME_OPT_OUT } from "../../scenario/vocabulary.js";
import { addDissatisfaction, type DecayTables } from "../state/decaying-levels.js";
import { outcomesWithin } from "../state/recent-history.js";
import type { SubscriberState } from "../state/subscriber-state.js";

const INBOUND = CHANNELS.indexOf("inbound");
/** Dissatisfaction a complaint adds: the customer is unhappy enough to say so. */
const COMPLAINT_DISSATISFACTION = 0.1;

/**
 * What a refused contact changes: a complaint quietens outbound contact and adds
 * dissatisfaction, an opt-out removes the channel's consent, ignoring too often puts the
 * customer on hold (the scenario's contact policy).
 */
export function applyRefusal(state: SubscriberState, i: number, outcome: number, channel: number, day: number, scenario: Scenario, tables: DecayTables): void {
  const policy = scenario.contactPolicy;
  if (outcome === OUTCOME_COMPLAIN) {
    state.lastComplaintDay[i] = day;
    state.complaints[i]++;
    addDissatisfaction(state, i, day, COMPLAINT_DISSATISFACTION, tables);
  } else if (outcome === OUTCOME_OPT_OUT && channel !== INBOUND) {
    state.consentMask[i] &= ~(1 << channel);
  } else if (outcome === OUTCOME_IGNORE && policy.ignoredLimit > 0) {
    if (outcomesWithin(state, i, day, policy.ignoredWindowDays, OUTCOME_IGNORE) >= policy.ignoredLimit) {
      state.holdUntilDay[i] = day + policy.holdDays;
    }
  }
}
