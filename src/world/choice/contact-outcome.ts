import { OUTCOME_ACCEPT, OUTCOME_COMPLAIN, OUTCOME_DECLINE, OUTCOME_IGNORE, OUTCOME_OPT_OUT } from "../../scenario/vocabulary.js";
import type { WorldParams } from "../params/world-params.js";
import type { ContactContext } from "./contact-context.js";

/** Share of non-accepting answers that are explicit declines when the customer is in touch. */
const INBOUND_DECLINE_SHARE = 0.9;

/**
 * Step 5: the answer to one contact, from one uniform `u` split into consecutive intervals:
 * accept, complain, opt out (outbound only), decline, ignore. Complaints and opt-outs grow with
 * annoyance (after this contact) and double for a commercial offer after service problems.
 */
export function contactOutcome(u: number, acceptChance: number, annoyanceAfter: number, context: ContactContext, params: WorldParams): number {
  const r = params.response;
  if (u < acceptChance) return OUTCOME_ACCEPT;
  const contextFactor = context.commercial && context.problemsLastDay > 2 ? 2 : 1;
  const complain = Math.min(0.5, (r.complaintBase + r.complaintPerAnnoyance * annoyanceAfter) * contextFactor);
  const optOut = context.inbound ? 0 : Math.min(0.5, (r.optOutBase + r.optOutPerAnnoyance * annoyanceAfter) * contextFactor);
  const rest = 1 - acceptChance;
  let threshold = acceptChance + rest * complain;
  if (u < threshold) return OUTCOME_COMPLAIN;
  threshold += rest * optOut;
  if (u < threshold) return OUTCOME_OPT_OUT;
  const declineShare = context.inbound ? INBOUND_DECLINE_SHARE : r.declineShare;
  threshold += rest * (1 - complain - optOut) * declineShare;
  return u < threshold ? OUTCOME_DECLINE : OUTCOME_IGNORE;
}
