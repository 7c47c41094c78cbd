import { NEVER, STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import type { Offer } from "../../scenario/offer-schema.js";
import { CATEGORIES, RESPONSE_TYPES } from "../../scenario/vocabulary.js";
import { effectiveRelief, effectiveRetention } from "./remedy-effect.js";
import { reactivate } from "./reactivate.js";
import { resetOtherLinesChance } from "./daily-chances.js";
import { DAYS_PER_MONTH, type WorldParams } from "../params/world-params.js";
import { scaleDissatisfaction } from "../state/decaying-levels.js";

const C = Object.fromEntries(CATEGORIES.map((name, index) => [name, index])) as Record<(typeof CATEGORIES)[number], number>;
const ROAMING_PASS_DAYS = 30;
/** A data add-on raises the allowance by this factor. */
const DATA_BOOST_FACTOR = 1.5;

const months = (count: number) => Math.round(count * DAYS_PER_MONTH);

/**
 * A price for `priceMonths` months: 0 is for good (the plan price rises), 1 is a one-off charge
 * on the next bill, more is a timed add-on. A second timed add-on while one runs adds to it and
 * runs until the later end (one timed slot per subscriber).
 */
function addPrice(state: SubscriberState, i: number, price: number, priceMonths: number, day: number): void {
  if (priceMonths === 0) state.planPricePerMonth[i] += price;
  else if (priceMonths === 1) state.pendingCharges[i] += price;
  else if (day <= state.addonUntilDay[i]) {
    state.addonPricePerMonth[i] += price;
    state.addonUntilDay[i] = Math.max(state.addonUntilDay[i], day + months(priceMonths));
  } else {
    state.addonPricePerMonth[i] = price;
    state.addonUntilDay[i] = day + months(priceMonths);
  }
}

/**
 * Step 5 of the day (answers and effects), for an accepted offer: price and discount changes, a new contract, relief of
 * dissatisfaction, priority service, a retention effect that depends on the latent response type, and what the
 * category itself does (a new device, a roaming pass, a payment plan, a moving transfer, a
 * returning customer).
 */
export function applyAcceptance(state: SubscriberState, i: number, offer: Offer, category: number, day: number, params: WorldParams): void {
  if (offer.eligibility.target === "churned" && state.status[i] !== STATUS_ACTIVE) reactivate(state, i, day, params);
  if (offer.price > 0) addPrice(state, i, offer.price, offer.priceMonths, day);
  if (offer.discount > 0) {
    if (offer.discountMonths === 0) state.planPricePerMonth[i] = Math.max(0, state.planPricePerMonth[i] - offer.discount);
    else {
      state.discountPerMonth[i] = offer.discount;
      state.discountUntilDay[i] = day + months(offer.discountMonths);
    }
  }
  // Plans without contracts (prepaid) take the offer's other terms but no contract.
  if (offer.contractMonths > 0 && params.plans[state.plan[i]].contractMonths > 0) state.contractEndDay[i] = day + months(offer.contractMonths);
  if (offer.relief > 0) scaleDissatisfaction(state, i, day, 1 - effectiveRelief(state, i, offer), params);
  if (offer.retention > 0) {
    const type = RESPONSE_TYPES[state.responseType[i]];
    state.retentionFactor[i] = 1 - effectiveRetention(state, i, offer) * params.response.retentionEffectByType[type];
    state.retentionUntilDay[i] = day + offer.effectDays;
  }
  if (offer.priorityDays > 0) state.priorityUntilDay[i] = Math.max(state.priorityUntilDay[i], day + offer.priorityDays);
  switch (category) {
    case C.data:
      state.dataAllowanceGb[i] *= DATA_BOOST_FACTOR;
      break;
    case C.device:
      state.deviceSinceDay[i] = day;
      state.deviceBroken[i] = 0;
      break;
    case C.roaming:
      state.roamingPassUntilDay[i] = day + ROAMING_PASS_DAYS;
      break;
    case C.payment:
      state.paymentPlan[i] = 1;
      state.overdueSinceDay[i] = NEVER;
      break;
    case C.home:
      state.movePending[i] = 0;
      break;
    case C.referral:
      state.lines[i] = Math.min(10, state.lines[i] + 1);
      resetOtherLinesChance(state, i);
      break;
  }
}
