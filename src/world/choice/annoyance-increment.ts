import type { WorldParams } from "../params/world-params.js";
import type { ContactContext } from "./contact-context.js";

const IRRELEVANT_NEED = 0.2;
const IRRELEVANT_AFFINITY = 0.5;
const WELCOME_FACTOR = 0.3;
/** A channel preference below this (log-odds) is a channel the person dislikes. */
export const DISLIKED_CHANNEL_PREFERENCE = -1;

/** A contact the customer has no need for and no taste for. */
export function isIrrelevant(context: ContactContext): boolean {
  return context.need < IRRELEVANT_NEED && context.affinity < IRRELEVANT_AFFINITY;
}

/**
 * Annoyance added by one contact: more for an irrelevant one, beyond the person's weekly
 * tolerance, and for a commercial offer right after service problems; less when the customer
 * is in touch anyway or takes the offer.
 */
export function annoyanceIncrement(context: ContactContext, contactsLastWeek: number, tolerancePerWeek: number, accepted: boolean, params: WorldParams): number {
  const a = params.annoyance;
  let increment = a.perContact;
  if (isIrrelevant(context)) increment *= a.irrelevantMultiplier;
  if (contactsLastWeek + 1 > tolerancePerWeek) increment *= a.overToleranceMultiplier;
  if (context.commercial && context.problemsLastWeek >= 3) increment *= a.problemContextMultiplier;
  if (context.inbound) increment *= a.inboundMultiplier;
  if (context.channelPreference < DISLIKED_CHANNEL_PREFERENCE) increment *= a.dislikedChannelMultiplier;
  if (accepted) increment *= WELCOME_FACTOR;
  return increment;
}
