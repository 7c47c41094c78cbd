import { STATUS_NOT_JOINED, STATUS_ACTIVE, type SubscriberState } from "../world/state/subscriber-state.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { countEvent, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import { setActiveChances } from "../world/transition/daily-chances.js";
import { DAYS_PER_MONTH, type WorldParams } from "../world/params/world-params.js";

/** Where the day's gross adds start: they are stored in join-day order after the starting base. */
export interface GrossAddQueue {
  next: number;
}

/**
 * New customers whose join day is today become active: a fresh contract where the plan has
 * one, a new device, and the early-life churn risk that onboarding programs address. Their
 * join days were fixed when the population was drawn, whatever the policy does.
 */
export function joinGrossAdds(state: SubscriberState, day: number, queue: GrossAddQueue, params: WorldParams, scratch: Float64Array, metrics: ReplicateMetrics): void {
  while (queue.next < state.count && state.joinDay[queue.next] <= day) {
    const i = queue.next++;
    if (state.status[i] !== STATUS_NOT_JOINED) continue;
    state.status[i] = STATUS_ACTIVE;
    const contractMonths = params.plans[state.plan[i]].contractMonths;
    if (contractMonths > 0) state.contractEndDay[i] = day + Math.round(contractMonths * DAYS_PER_MONTH);
    state.deviceSinceDay[i] = day;
    state.usualBill[i] = state.planPricePerMonth[i]; // a price change before joining is no shock
    state.lastBill[i] = state.planPricePerMonth[i];
    state.lastBillShock[i] = 0;
    state.activeSinceDay[i] = day;
    state.dissatisfactionDay[i] = day;
    state.annoyanceDay[i] = day;
    state.annoyanceFlushDay[i] = day;
    setActiveChances(state, i, day, params, scratch);
    countEvent(metrics, COUNTER.joined, state.plan[i], state.valueSegment[i]);
  }
}
