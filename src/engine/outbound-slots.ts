import { STATUS_ACTIVE, STATUS_CHURNED, type SubscriberState } from "../world/state/subscriber-state.js";
import { MOMENT_OUTBOUND } from "../scenario/vocabulary.js";
import { addMoment, type DecisionMoments } from "./decision-moments.js";
import { PENDING_NONE } from "./morning-pass.js";

/**
 * Outbound campaign slots: each subscriber comes up every `slotEveryDays` days, staggered by
 * index. Active subscribers already in touch today get no second decision; former subscribers
 * come up while a winback offer could still reach them.
 */
export function addOutboundSlots(state: SubscriberState, day: number, slotEveryDays: number, winbackDays: number, moments: DecisionMoments): void {
  const first = (((slotEveryDays - (day % slotEveryDays)) % slotEveryDays) + slotEveryDays) % slotEveryDays;
  for (let i = first; i < state.count; i += slotEveryDays) {
    if (state.status[i] === STATUS_ACTIVE) {
      if (state.pendingChurn[i] === PENDING_NONE && state.lastInboundDay[i] !== day) addMoment(moments, i, MOMENT_OUTBOUND);
    } else if (state.status[i] === STATUS_CHURNED && day - state.churnDay[i] <= winbackDays) {
      addMoment(moments, i, MOMENT_OUTBOUND);
    }
  }
}
