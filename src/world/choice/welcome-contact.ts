import type { WorldParams } from "../params/world-params.js";
import type { ContactContext } from "./contact-context.js";
import { isIrrelevant } from "./annoyance-increment.js";

/** Problems in the last 7 days after which a sales offer is unwelcome (as for annoyance). */
const PROBLEM_CONTEXT_PROBLEMS = 3;
/** Share of the goodwill a welcome contact leaves when its offer is turned down. */
export const REFUSED_GOODWILL_SHARE = 0.5;

/**
 * Whether an outbound contact is welcome: relevant to the customer (need or affinity), within
 * their weekly contact tolerance, and not a sales offer right after service problems. A
 * welcome contact builds goodwill ("keep in touch but don't spam"); any other contact only
 * annoys (annoyanceIncrement).
 */
export function isWelcome(context: ContactContext, contactsLastWeek: number, tolerancePerWeek: number): boolean {
  if (context.inbound || isIrrelevant(context)) return false;
  if (contactsLastWeek + 1 > tolerancePerWeek) return false;
  return !(context.commercial && context.problemsLastWeek >= PROBLEM_CONTEXT_PROBLEMS);
}

/**
 * Goodwill a contact adds (Zhang, Kumar and Cosguner 2017: profit per customer peaks at a
 * moderate contact volume): `goodwill.perWelcomeContact` for a welcome contact whose offer is
 * taken, half of it when turned down, 0 for a contact that is not welcome.
 */
export function goodwillIncrement(welcome: boolean, accepted: boolean, params: WorldParams): number {
  if (!welcome) return 0;
  return accepted ? params.goodwillPerWelcomeContact : params.goodwillPerWelcomeContact * REFUSED_GOODWILL_SHARE;
}
