import { NEVER, type SubscriberState } from "../state/subscriber-state.js";
import { monthlyPrice } from "../pricing/monthly-price.js";
import { PLAN_POSTPAID } from "../../scenario/vocabulary.js";
import { BILLING_CYCLE_DAYS, type WorldParams } from "../params/world-params.js";
import { addDissatisfaction } from "../state/decaying-levels.js";
import { serviceDissatisfactionFactor } from "./priority-service.js";
import { refreshLevelBounds } from "../state/level-bounds.js";


/**
 * The billing day of one subscriber (prepaid: the monthly top-up). Adds overage and roaming
 * charges (postpaid), raises dissatisfaction on a bill shock, and collects payment unless the
 * subscriber is in financial difficulty. Returns the revenue collected.
 */
export function billSubscriber(state: SubscriberState, i: number, day: number, params: WorldParams): number {
  const plan = state.plan[i];
  let bill = monthlyPrice(state, i, day) + state.pendingCharges[i];
  state.pendingCharges[i] = 0;
  const roamingDays = roamingDaysInCycle(state, i, day);
  if (plan === PLAN_POSTPAID) {
    const used = state.dataUsePerDayGb[i] * (BILLING_CYCLE_DAYS - roamingDays);
    const overShare = used / state.dataAllowanceGb[i] - 1;
    if (overShare > 0) bill += params.overageShare * state.planPricePerMonth[i] * overShare * 10;
    if (day > state.roamingPassUntilDay[i]) bill += roamingDays * params.roamingSpendPerDay;
  }
  const shock = bill / state.usualBill[i] - 1;
  state.lastBillShock[i] = shock > 0 ? shock : 0;
  if (shock > params.billShockThreshold) {
    const factor = serviceDissatisfactionFactor(state, i, day, params);
    addDissatisfaction(state, i, day, factor * state.priceSensitivity[i] * shock * params.dissatisfactionPerBillShock, params);
  }
  state.usualBill[i] = 0.8 * state.usualBill[i] + 0.2 * bill;
  state.lastBill[i] = bill;

  const inDifficulty = day <= state.difficultyUntilDay[i];
  if (!inDifficulty) state.paymentPlan[i] = 0;
  if (inDifficulty && state.paymentPlan[i] === 0) {
    if (state.overdueSinceDay[i] === NEVER) {
      state.overdueSinceDay[i] = day;
      refreshLevelBounds(state, i, day, params);
    }
    return 0;
  }
  state.overdueSinceDay[i] = NEVER;
  state.revenue[i] += bill;
  return bill;
}

function roamingDaysInCycle(state: SubscriberState, i: number, day: number): number {
  const from = Math.max(day - BILLING_CYCLE_DAYS + 1, state.tripStartDay[i]);
  const to = Math.min(day, state.tripEndDay[i]);
  return to >= from ? to - from + 1 : 0;
}

