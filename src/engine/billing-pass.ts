import { NEVER, STATUS_ACTIVE, type SubscriberState } from "../world/state/subscriber-state.js";
import { billSubscriber } from "../world/transition/bill-subscriber.js";
import { addCandidate, type ChurnCandidates } from "./churn-candidates.js";
import { PENDING_FORCED } from "./morning-pass.js";
import { BILLING_CYCLE_DAYS, type WorldParams } from "../world/params/world-params.js";

const MOVE_DEADLINE_DAYS = 30;

/**
 * Today's billing run: only the subscribers whose cycle ends today (one in thirty). Bills them,
 * and marks the involuntary exits that the billing desk sees: too long overdue (prepaid: no
 * top-up), or moved out of the footprint without taking a moving offer. Returns revenue.
 */
export function billingPass(state: SubscriberState, day: number, params: WorldParams, candidates: ChurnCandidates): number {
  const first = (((-day) % BILLING_CYCLE_DAYS) + BILLING_CYCLE_DAYS) % BILLING_CYCLE_DAYS;
  let revenue = 0;
  for (let i = first; i < state.count; i += BILLING_CYCLE_DAYS) {
    if (state.status[i] !== STATUS_ACTIVE) continue;
    revenue += billSubscriber(state, i, day, params);
    if (mustLeave(state, i, day, params)) {
      state.pendingChurn[i] = PENDING_FORCED;
      addCandidate(candidates, i);
    }
  }
  return revenue;
}

function mustLeave(state: SubscriberState, i: number, day: number, params: WorldParams): boolean {
  const overdueSince = state.overdueSinceDay[i];
  if (overdueSince !== NEVER && day - overdueSince >= params.involuntaryAfterDaysOverdue) return true;
  return state.movePending[i] === 1 && day - state.movedDay[i] >= MOVE_DEADLINE_DAYS;
}
