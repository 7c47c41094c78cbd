import { NEVER, type SubscriberState } from "../state/subscriber-state.js";
import { OTHER_LINE_TOTALS as L, otherLineTotals, PROBLEM_TOTALS as P, problemTotals } from "../state/recent-history.js";
import { BILLING_CYCLE_DAYS, DAYS_PER_MONTH } from "../params/world-params.js";
import { dissatisfactionAt, type DecayTables } from "../state/decaying-levels.js";
import { CATEGORIES, PLAN_PREPAID } from "../../scenario/vocabulary.js";

const C = Object.fromEntries(CATEGORIES.map((name, index) => [name, index])) as Record<(typeof CATEGORIES)[number], number>;
const CONTRACT_NEAR_DAYS = 60;
/** Dissatisfaction below which a customer is content enough to recommend the operator. */
export const CONTENT_TO_REFER_BELOW = 0.2;
const problemScratch = new Float64Array(8);
const otherLineScratch = new Float64Array(4);

/** Share of the allowance the subscriber is on course to use in a billing cycle. */
export function projectedAllowanceUse(state: SubscriberState, i: number, day: number): number {
  void day;
  return (state.dataUsePerDayGb[i] * BILLING_CYCLE_DAYS) / state.dataAllowanceGb[i];
}

/** Days until the contract ends (negative once ended), or NEVER without a contract. */
export function daysToContractEnd(state: SubscriberState, i: number, day: number): number {
  const end = state.contractEndDay[i];
  return end === NEVER ? NEVER : end - day;
}

/**
 * How much the subscriber needs an offer of `category` today, from what the operator can see:
 * 0 = no need, 1 = a clear need, up to 1.5. This is the "context" of world-model section 3;
 * the latent affinity comes on top of it in the response model.
 */
export function needSignal(state: SubscriberState, i: number, category: number, day: number, deviceDesire: number, tables: DecayTables): number {
  switch (category) {
    case C.data:
      return clamp((projectedAllowanceUse(state, i, day) - 0.8) / 0.4, 0, 1.5);
    case C.device: {
      const ageMonths = (day - state.deviceSinceDay[i]) / DAYS_PER_MONTH;
      return clamp(((ageMonths - 18) / 18) * deviceDesire + state.deviceBroken[i], 0, 1.5);
    }
    case C.content:
      return state.plan[i] >= 2 ? 0.3 : 0;
    case C.roaming:
      if (day <= state.tripEndDay[i] + 7 && day >= state.tripStartDay[i] - 3) return 1.2;
      return day - state.tripEndDay[i] < 90 || day - state.previousTripEndDay[i] < 90 ? 0.3 : 0;
    case C.loyalty:
      return clamp((day - state.joinDay[i]) / (5 * 365), 0, 1);
    case C.discount:
      return contractNeed(state, i, day) + clamp(dissatisfactionAt(state, i, day, tables), 0, 1);
    case C.service: {
      // The account view: problems on the account's other lines call for a remedy too.
      const totals = problemTotals(state, i, day, problemScratch);
      const others = otherLineTotals(state, i, day, otherLineScratch);
      const problems = totals[P.dropped7d] + totals[P.buffering7d] + others[L.problems7d];
      return clamp((problems + (totals[P.noSignal7d] + others[L.noSignal7d]) / 30) / 5, 0, 1.5);
    }
    case C.payment:
      return state.overdueSinceDay[i] !== NEVER ? 1.5 : 0;
    case C.referral:
      return dissatisfactionAt(state, i, day, tables) < CONTENT_TO_REFER_BELOW && state.lines[i] > 1 ? 0.6 : 0.1;
    case C.home:
      return day - state.movedDay[i] <= 30 ? 1.5 : 0;
    case C.onboarding:
      return day - state.joinDay[i] < 90 ? 1 : 0;
    default:
      return 0;
  }
}

/** A renewal or retention offer works best close to the contract end, far less a year before. */
function contractNeed(state: SubscriberState, i: number, day: number): number {
  if (state.plan[i] === PLAN_PREPAID) return 0.3;
  const daysLeft = daysToContractEnd(state, i, day);
  if (daysLeft === NEVER) return 0.3;
  if (daysLeft <= CONTRACT_NEAR_DAYS) return daysLeft < -120 ? 0.6 : 1;
  return clamp(1 - (daysLeft - CONTRACT_NEAR_DAYS) / 240, 0, 1) * 0.8;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
