import type { Offer } from "../../scenario/offer-schema.js";
import { REMEDIES } from "../../scenario/vocabulary.js";
import { REMEDY_COUNT, type SubscriberState } from "../state/subscriber-state.js";

/** The customer's latent sensitivity to the offer's kind of remedy (1 for an offer whose remedy is none). */
export function remedySensitivity(state: SubscriberState, i: number, offer: Offer): number {
  if (offer.remedy === "none") return 1;
  return state.remedySensitivity[i * REMEDY_COUNT + REMEDIES.indexOf(offer.remedy)];
}

/**
 * The offer's relief and retention as they work on subscriber i: scaled by their sensitivity to
 * the offer's kind of remedy, at most 1 (the build-out post: what each customer values).
 */
export function effectiveRelief(state: SubscriberState, i: number, offer: Offer): number {
  return Math.min(1, offer.relief * remedySensitivity(state, i, offer));
}

export function effectiveRetention(state: SubscriberState, i: number, offer: Offer): number {
  return Math.min(1, offer.retention * remedySensitivity(state, i, offer));
}
