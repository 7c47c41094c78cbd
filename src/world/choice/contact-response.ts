import type { Offer } from "../../scenario/offer-schema.js";
import type { WorldDay } from "../exogenous/world-day.js";
import { regionPlanIndex } from "../exogenous/world-day.js";
import type { WorldParams } from "../params/world-params.js";
import { annoyanceAt } from "../state/decaying-levels.js";
import { outboundContactsWithin } from "../state/recent-history.js";
import type { SubscriberState } from "../state/subscriber-state.js";
import { acceptProbability } from "./accept-probability.js";
import { annoyanceIncrement } from "./annoyance-increment.js";
import { contactContext, type ContactContext } from "./contact-context.js";
import { goodwillIncrement, isWelcome } from "./welcome-contact.js";
import { remindsToCompare } from "../transition/salience.js";

/** Days over which outbound contacts count against the customer's weekly tolerance. */
const TOLERANCE_WINDOW_DAYS = 7;

/**
 * How one customer stands towards one contact before answering it: the context, the chance of
 * accepting, the annoyance and goodwill the contact adds either way, and whether a refusal
 * reminds the customer to compare offers. The day loop draws the answer from
 * it (contactOutcome); the oracle takes its expectation. Both get it from {@link contactResponse},
 * so they cannot disagree about the world.
 */
export interface ContactResponse {
  readonly context: ContactContext;
  acceptChance: number;
  /** Annoyance before this contact. */
  annoyanceBefore: number;
  /** Annoyance this contact adds if the offer is taken, and if it is not. */
  annoyanceIfAccepted: number;
  annoyanceIfRefused: number;
  /** Goodwill this contact adds if the offer is taken, and if it is not (welcome-contact.ts). */
  goodwillIfAccepted: number;
  goodwillIfRefused: number;
  /** Whether turning the offer down reminds the customer to compare offers (salience.ts). */
  remindsIfRefused: boolean;
}

export function createContactResponse(): ContactResponse {
  return {
    context: { need: 0, affinity: 0, problemsLastDay: 0, problemsLastWeek: 0, commercial: false, inbound: false, channelPreference: 0 },
    acceptChance: 0,
    annoyanceBefore: 0,
    annoyanceIfAccepted: 0,
    annoyanceIfRefused: 0,
    goodwillIfAccepted: 0,
    goodwillIfRefused: 0,
    remindsIfRefused: false,
  };
}

/**
 * The response of subscriber i to `offer` (of `category`) at a decision moment of kind `moment`
 * on `day`, in today's world, written into `out` (no allocation).
 */
export function contactResponse(
  state: SubscriberState,
  i: number,
  offer: Offer,
  category: number,
  moment: number,
  day: number,
  world: WorldDay,
  params: WorldParams,
  out: ContactResponse,
): ContactResponse {
  const deviceDesire = world.deviceDesireFactor[regionPlanIndex(state.region[i], state.plan[i])];
  const context = contactContext(state, i, offer, category, moment, day, deviceDesire, params, out.context);
  out.acceptChance = acceptProbability(state, i, offer, category, context, day, params);
  const contactsLastWeek = outboundContactsWithin(state, i, day, TOLERANCE_WINDOW_DAYS);
  const tolerance = state.contactTolerancePerWeek[i];
  out.annoyanceIfAccepted = annoyanceIncrement(context, contactsLastWeek, tolerance, true, params);
  out.annoyanceIfRefused = annoyanceIncrement(context, contactsLastWeek, tolerance, false, params);
  out.annoyanceBefore = annoyanceAt(state, i, day, params);
  const welcome = isWelcome(context, contactsLastWeek, tolerance);
  out.goodwillIfAccepted = goodwillIncrement(welcome, true, params);
  out.goodwillIfRefused = goodwillIncrement(welcome, false, params);
  out.remindsIfRefused = remindsToCompare(state, i, category, moment, day, params);
  return out;
}
