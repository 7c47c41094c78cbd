import { NEVER, type SubscriberState } from "../state/subscriber-state.js";
import { PLAN_TYPES } from "../../scenario/vocabulary.js";
import type { WorldParams } from "../params/world-params.js";
import { annoyanceAt, dissatisfactionAt, goodwillAt } from "../state/decaying-levels.js";
import { salienceFactor } from "../transition/salience.js";
import { householdFollowFactor } from "./household-follow.js";
import type { WorldDay } from "../exogenous/world-day.js";

const NEW_CUSTOMER_DAYS = 90;
const PLAN_COUNT = PLAN_TYPES.length;

/**
 * Today's churn hazard (probability of leaving today) of active subscriber `i`: the latent base
 * hazard times the lasting effect of the operator's price changes, season, competitor pressure, contract lock-in (low in contract, a spike right
 * after it ends), the early-life effect, dissatisfaction and annoyance, an accepted retention
 * offer, a sleeping dog's awakening after a contact, a reminder to compare after a price or plan
 * contact (salience.ts), the household following a line that ported out (household-follow.ts),
 * and goodwill from welcome contacts (welcome-contact.ts).
 */
export function churnHazard(state: SubscriberState, i: number, day: number, world: WorldDay, params: WorldParams): number {
  let hazard = state.hazardPerDay[i] * state.priceHazardFactor[i] * world.seasonFactor * world.competitorFactor[state.region[i] * PLAN_COUNT + state.plan[i]];
  const contractEnd = state.contractEndDay[i];
  if (contractEnd !== NEVER) {
    if (day < contractEnd) hazard *= params.inContractMultiplier;
    else if (day - contractEnd < params.contractEndSpikeDays) hazard *= params.outOfContractMultiplier * params.contractEndSpikeMultiplier;
    else hazard *= params.outOfContractMultiplier;
  }
  if (day - state.joinDay[i] < NEW_CUSTOMER_DAYS) hazard *= params.newCustomerMultiplier;
  hazard *=
    1 +
    params.hazardDissatisfactionWeight * dissatisfactionAt(state, i, day, params) +
    params.hazardAnnoyanceWeight * annoyanceAt(state, i, day, params);
  if (day <= state.retentionUntilDay[i]) hazard *= state.retentionFactor[i];
  const awake = day - state.awakenedDay[i];
  if (awake < params.awakeDays) hazard *= 1 + params.sleepingDogBoost * (1 - awake / params.awakeDays);
  hazard *= salienceFactor(day - state.remindedDay[i], params);
  hazard *= householdFollowFactor(day - state.lineLeftDay[i], params);
  const goodwill = goodwillAt(state, i, day, params);
  if (goodwill > 0) hazard /= 1 + params.goodwillHazardWeight * goodwill;
  return hazard;
}
