import type { SubscriberState } from "../state/subscriber-state.js";

/** Sum of today's recurring price: plan, timed add-on, minus timed discount. */
export function monthlyPrice(state: SubscriberState, i: number, day: number): number {
  let price = state.planPricePerMonth[i];
  if (day <= state.addonUntilDay[i]) price += state.addonPricePerMonth[i];
  if (day <= state.discountUntilDay[i]) price -= state.discountPerMonth[i];
  return price > 0 ? price : 0;
}
