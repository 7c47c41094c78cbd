import { MOMENT_OUTBOUND } from "../../scenario/vocabulary.js";
import { projectedAllowanceUse } from "../choice/need-signal.js";
import type { WorldParams } from "../params/world-params.js";
import { refreshLevelBounds } from "../state/level-bounds.js";
import { NEVER, type SubscriberState } from "../state/subscriber-state.js";

/**
 * Whether subscriber i is one whom a price or plan contact reminds to compare: a customer who
 * overpays (projected data use below `salience.overpayUseShare` of the allowance) or whose
 * contract has ended. Both are observable, so a policy can avoid them.
 */
export function comparesWhenReminded(state: SubscriberState, i: number, day: number, params: WorldParams): boolean {
  const contractEnd = state.contractEndDay[i];
  if (contractEnd !== NEVER && day >= contractEnd) return true;
  return projectedAllowanceUse(state, i, day) < params.overpayUseShare;
}

/**
 * Salience backfire (Ascarza, Iyengar and Schleicher 2016): an outbound contact about price or
 * plan (`salience.categories`) that the customer turns down lowers the inertia of one who
 * overpays or is out of contract. Their hazard rises by `salience.boost`, fading over
 * `salience.days` (churnHazard). An accepted offer is a reason to stay and reminds nobody.
 */
export function remindsToCompare(state: SubscriberState, i: number, category: number, moment: number, day: number, params: WorldParams): boolean {
  return params.salienceBoost > 0 && moment === MOMENT_OUTBOUND && params.salienceCategory[category] === 1 && comparesWhenReminded(state, i, day, params);
}

/** Records a reminder to compare on `day` and widens the subscriber's churn bound to match. */
export function remindToCompare(state: SubscriberState, i: number, day: number, params: WorldParams): void {
  state.remindedDay[i] = day;
  refreshLevelBounds(state, i, day, params);
}

/** The hazard factor of a reminder `daysSince` days old: 1 + boost, fading linearly to 1. */
export function salienceFactor(daysSince: number, params: WorldParams): number {
  return daysSince < params.salienceDays ? 1 + params.salienceBoost * (1 - daysSince / params.salienceDays) : 1;
}
