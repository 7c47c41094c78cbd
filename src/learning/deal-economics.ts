import type { ActionInfo } from "../policy/policy.js";
import { dealValue } from "../world/pricing/deal-value.js";

/**
 * Per action, the money an acceptance brings: the deal's value over its term (at most a year,
 * as the engine books it) less the offer's one-off cost. A discount's value is negative.
 */
export function acceptedMoney(actions: readonly ActionInfo[]): Float64Array {
  return Float64Array.from(actions, (action) => (action.index === 0 ? 0 : dealValue(action) - action.cost));
}
