import { OUTCOME_ACCEPT, OUTCOME_COMPLAIN, OUTCOME_DECLINE, OUTCOME_IGNORE, OUTCOME_OPT_OUT } from "../../scenario/vocabulary.js";
import type { WorldParams } from "../params/world-params.js";
import type { ContactContext } from "./contact-context.js";

/** At most half of the refusals are complaints, and at most half opt-outs. */
const MAX_SHARE = 0.5;
/** Share of non-accepting answers that are explicit declines when the customer is in touch. */
const INBOUND_DECLINE_SHARE = 0.9;

/**
 * Step 5 of the day: the answer to one contact, from one uniform `u` split into consecutive intervals:
 * accept, complain, opt out (outbound only), decline, ignore. Complaints and opt-outs grow with
 * annoyance (after this contact) and double for a commercial offer after service problems.
 */
export function contactOutcome(u: number, acceptChance: number, annoyanceAfter: number, context: ContactContext, params: WorldParams): number {
  const r = params.response;
  if (u < acceptChance) return OUTCOME_ACCEPT;
  const complain = complaintShare(annoyanceAfter, context, params);
  const optOut = optOutShare(annoyanceAfter, context, params);
  const rest = 1 - acceptChance;
  let threshold = acceptChance + rest * complain;
  if (u < threshold) return OUTCOME_COMPLAIN;
  threshold += rest * optOut;
  if (u < threshold) return OUTCOME_OPT_OUT;
  const declineShare = context.inbound ? INBOUND_DECLINE_SHARE : r.declineShare;
  threshold += rest * (1 - complain - optOut) * declineShare;
  return u < threshold ? OUTCOME_DECLINE : OUTCOME_IGNORE;
}

/**
 * Chance that a refused contact ends badly (a complaint or an opt-out), with `annoyanceAfter`
 * the annoyance once the contact is added: the bad experience the objective prices.
 */
export function badExperienceChance(annoyanceAfter: number, context: ContactContext, params: WorldParams): number {
  return complaintShare(annoyanceAfter, context, params) + optOutShare(annoyanceAfter, context, params);
}

/** A commercial offer right after a bad day of service doubles complaints and opt-outs. */
function contextFactor(context: ContactContext): number {
  return context.commercial && context.problemsLastDay > 2 ? 2 : 1;
}

/** Share of refusals that are complaints. */
function complaintShare(annoyanceAfter: number, context: ContactContext, params: WorldParams): number {
  const r = params.response;
  return Math.min(MAX_SHARE, (r.complaintBase + r.complaintPerAnnoyance * annoyanceAfter) * contextFactor(context));
}

/** Share of refusals that are opt-outs (none when the customer is in touch). */
function optOutShare(annoyanceAfter: number, context: ContactContext, params: WorldParams): number {
  const r = params.response;
  return context.inbound ? 0 : Math.min(MAX_SHARE, (r.optOutBase + r.optOutPerAnnoyance * annoyanceAfter) * contextFactor(context));
}
