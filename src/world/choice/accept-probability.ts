import { NEVER, STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { CATEGORIES, TYPE_LOST_CAUSE } from "../../scenario/vocabulary.js";
import type { Offer } from "../../scenario/offer-schema.js";
import type { WorldParams } from "../params/world-params.js";
import { monthlyPrice } from "../pricing/monthly-price.js";
import { annoyanceAt } from "../state/decaying-levels.js";
import type { ContactContext } from "./contact-context.js";
import { referralFactor } from "./referral-factor.js";

const DEVICE = CATEGORIES.indexOf("device");
const DISCOUNT = CATEGORIES.indexOf("discount");
const LOYALTY = CATEGORIES.indexOf("loyalty");
const REFERRAL = CATEGORIES.indexOf("referral");

/**
 * Probability that subscriber i accepts `offer` in `context`: a logistic model around the
 * offer's base take-up, raised by need and latent affinity, lowered by price (scaled by the
 * latent price sensitivity), by service problems for commercial offers (nobody buys more of a service that just failed them), by overdue
 * payments for device offers, and by annoyance; higher when the customer is in touch. A referral
 * invitation is taken far more often by a content promoter, less by anyone else (referral-factor.ts).
 */
export function acceptProbability(state: SubscriberState, i: number, offer: Offer, category: number, context: ContactContext, day: number, params: WorldParams): number {
  const r = params.response;
  const base = Math.min(Math.max(offer.acceptBase, 1e-6), 1 - 1e-6);
  const arpu = Math.max(10, state.status[i] === STATUS_ACTIVE ? monthlyPrice(state, i, day) : state.planPricePerMonth[i]);
  const sensitivity = state.priceSensitivity[i];
  let logit = Math.log(base / (1 - base));
  logit += r.affinityWeight * context.affinity + r.needWeight * context.need;
  logit += (sensitivity * (r.discountWeight * offer.discount - r.priceWeight * offer.price)) / arpu;
  if (context.commercial) logit -= r.problemContextPenalty * context.problemsLastDay + 0.1 * r.problemContextPenalty * context.problemsLastWeek;
  if (category === DEVICE && state.overdueSinceDay[i] !== NEVER) logit -= r.overdueDevicePenalty;
  logit -= r.annoyanceWeight * annoyanceAt(state, i, day, params);
  if (context.inbound) logit += r.inboundBoost;
  logit += r.channelPreferenceWeight * context.channelPreference;
  let probability = 1 / (1 + Math.exp(-logit));
  if (state.responseType[i] === TYPE_LOST_CAUSE && (category === DISCOUNT || category === LOYALTY)) {
    probability *= r.lostCauseAcceptFactor;
  }
  if (category === REFERRAL) probability = Math.min(1, probability * referralFactor(state, i, day, params));
  return probability;
}
