import type { WorldParams } from "../params/world-params.js";
import type { SubscriberState } from "../state/subscriber-state.js";

/**
 * The share of the usual dissatisfaction that a network problem or a bill shock adds to
 * subscriber i today: `response.priorityDissatisfactionFactor` while they have priority service
 * (help lines and sales counters serve them first, as the high-value-customer post advises),
 * else 1.
 */
export function serviceDissatisfactionFactor(state: SubscriberState, i: number, day: number, params: WorldParams): number {
  return day <= state.priorityUntilDay[i] ? params.response.priorityDissatisfactionFactor : 1;
}
