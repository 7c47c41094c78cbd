import { RESPONSE_TYPES } from "../../scenario/vocabulary.js";
import type { WorldParams } from "../params/world-params.js";
import type { SubscriberState } from "../state/subscriber-state.js";

/**
 * Chance that a customer who called to cancel and accepted an offer with retention effect
 * `retention` stays: the offer's effect on their latent response type.
 */
export function cancellationSaveChance(state: SubscriberState, i: number, retention: number, params: WorldParams): number {
  return retention * params.response.retentionEffectByType[RESPONSE_TYPES[state.responseType[i]]];
}

/**
 * Whether the cancellation desk keeps subscriber i today. The draw is the churn uniform's
 * position below today's cancellation threshold: a fresh uniform, the same whatever the
 * policy did.
 */
export function keptAtCancellationDesk(state: SubscriberState, i: number, retention: number, uChurn: number, params: WorldParams): boolean {
  const threshold = state.hazardToday[i] * params.cancellationCallShare;
  const v = threshold > 0 ? uChurn / threshold : 1;
  return v < cancellationSaveChance(state, i, retention, params);
}
