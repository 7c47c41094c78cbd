import type { WorldParams } from "../params/world-params.js";
import { dissatisfactionAt } from "../state/decaying-levels.js";
import type { SubscriberState } from "../state/subscriber-state.js";
import { CONTENT_TO_REFER_BELOW } from "./need-signal.js";

/**
 * The factor on subscriber i's chance of taking a referral invitation: `promoters.referralFactor`
 * for a promoter who is content today (dissatisfaction below {@link CONTENT_TO_REFER_BELOW}),
 * and for everyone else, a discontented promoter included, the factor that keeps the base's
 * average take-up the offer's (world-params: otherReferralFactor). Reichheld (2003): promoters
 * bring most referrals; a promoter let down by the network recommends nobody.
 */
export function referralFactor(state: SubscriberState, i: number, day: number, params: WorldParams): number {
  if (state.promoter[i] === 1 && dissatisfactionAt(state, i, day, params) < CONTENT_TO_REFER_BELOW) return params.promoterReferralFactor;
  return params.otherReferralFactor;
}
