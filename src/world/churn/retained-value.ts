import { STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { monthlyPrice } from "../pricing/monthly-price.js";
import { annuityFactor } from "../pricing/annuity-factor.js";
import { DAYS_PER_MONTH, type WorldParams } from "../params/world-params.js";
import type { WorldDay } from "../exogenous/world-day.js";
import { churnHazard } from "./churn-hazard.js";

/**
 * The true expected value of subscriber i after the run: monthly margin times the discounted
 * expected months it stays, from its current (latent) hazard. Zero for former subscribers.
 * Churn after `day` still counts. `months` is the annuity's length: the CLV horizon by default;
 * after the value tail, what is left of it (params.monthsAfterTail).
 */
export function retainedValue(state: SubscriberState, i: number, day: number, world: WorldDay, params: WorldParams, months = params.clvHorizonMonths): number {
  if (state.status[i] !== STATUS_ACTIVE) return 0;
  const hazard = churnHazard(state, i, day, world, params);
  const churnPerMonth = 1 - Math.pow(1 - Math.min(hazard, 1), DAYS_PER_MONTH);
  return monthlyPrice(state, i, day) * params.marginShare * annuityFactor(churnPerMonth, params.monthlyDiscountRate, months);
}
