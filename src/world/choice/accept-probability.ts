import { CATEGORY_COUNT, NEVER, STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { PROBLEM_TOTALS as P, problemTotals } from "../state/recent-history.js";
import { CATEGORIES, COMMERCIAL_CATEGORIES, MOMENT_OUTBOUND, TYPE_LOST_CAUSE } from "../../scenario/vocabulary.js";
import type { Offer } from "../../scenario/offer-schema.js";
import type { WorldParams } from "../params/world-params.js";
import { monthlyPrice } from "../transition/bill-subscriber.js";
import { needSignal } from "./need-signal.js";
import { annoyanceAt, type DecayTables } from "../state/decaying-levels.js";

const DEVICE = CATEGORIES.indexOf("device");
const DISCOUNT = CATEGORIES.indexOf("discount");
const LOYALTY = CATEGORIES.indexOf("loyalty");
const isCommercial = CATEGORIES.map((name) => COMMERCIAL_CATEGORIES.includes(name));
/** Half an hour without signal weighs like one dropped call in the context of an offer. */
const NO_SIGNAL_MINUTES_PER_PROBLEM = 30;
const problemScratch = new Float64Array(8);

/**
 * The context of one contact, as the response model sees it (computed once per contact and
 * shared by the acceptance, complaint and annoyance models).
 */
export interface ContactContext {
  need: number;
  affinity: number;
  /** Dropped calls, buffering events and half-hours without signal in the last day. */
  problemsLastDay: number;
  /** The same over the last 7 days. */
  problemsLastWeek: number;
  commercial: boolean;
  inbound: boolean;
}

export function contactContext(state: SubscriberState, i: number, offer: Offer, category: number, moment: number, day: number, deviceDesire: number, tables: DecayTables, out: ContactContext): ContactContext {
  out.need = offer.eligibility.target === "churned" ? 0.5 : needSignal(state, i, category, day, deviceDesire, tables);
  out.affinity = state.affinity[i * CATEGORY_COUNT + category];
  const totals = problemTotals(state, i, day, problemScratch);
  out.problemsLastDay = totals[P.dropped1d] + totals[P.buffering1d] + totals[P.noSignal1d] / NO_SIGNAL_MINUTES_PER_PROBLEM;
  out.problemsLastWeek = totals[P.dropped7d] + totals[P.buffering7d] + totals[P.noSignal7d] / NO_SIGNAL_MINUTES_PER_PROBLEM;
  out.commercial = isCommercial[category];
  out.inbound = moment !== MOMENT_OUTBOUND;
  return out;
}

/**
 * Probability that subscriber i accepts `offer` in `context`: a logistic model around the
 * offer's base take-up, raised by need and latent affinity, lowered by price (scaled by the
 * latent price sensitivity), by service problems for commercial offers (001), by overdue
 * payments for device offers, and by annoyance; higher when the customer is in touch.
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
  let probability = 1 / (1 + Math.exp(-logit));
  if (state.responseType[i] === TYPE_LOST_CAUSE && (category === DISCOUNT || category === LOYALTY)) {
    probability *= r.lostCauseAcceptFactor;
  }
  return probability;
}
