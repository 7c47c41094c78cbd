import type { SubscriberState } from "../state/subscriber-state.js";
import { PLAN_PREPAID, SEGMENT_DISENGAGED, SEGMENT_STRATEGIC, SEGMENT_TRANSACTIONAL } from "../../scenario/vocabulary.js";

const STRATEGIC_SHARE = 0.2;
const DISENGAGED_SHARE = 0.2;

/**
 * The operator's value segment (strategic, transactional, disengaged, as in the customer-experience article on acting on value), computed from observable data only: monthly value
 * (price x lines), tenure and data engagement. The top fifth by score is strategic, the bottom
 * fifth disengaged, the rest transactional.
 */
export function assignValueSegments(state: SubscriberState, day: number): void {
  const scores = new Float64Array(state.count);
  for (let i = 0; i < state.count; i++) {
    const tenureYears = Math.max(0, day - state.joinDay[i]) / 365;
    const engagement = state.dataUsePerDayGb[i] * 30 / state.dataAllowanceGb[i];
    scores[i] =
      Math.log(state.planPricePerMonth[i] * state.lines[i]) +
      0.25 * Math.log1p(tenureYears) +
      0.3 * Math.min(engagement, 1.5) -
      (state.plan[i] === PLAN_PREPAID ? 0.3 : 0);
  }
  const sorted = Float64Array.from(scores).sort();
  const strategicFrom = sorted[Math.floor(sorted.length * (1 - STRATEGIC_SHARE))];
  const disengagedBelow = sorted[Math.floor(sorted.length * DISENGAGED_SHARE)];
  for (let i = 0; i < state.count; i++) {
    state.valueSegment[i] =
      scores[i] >= strategicFrom ? SEGMENT_STRATEGIC : scores[i] < disengagedBelow ? SEGMENT_DISENGAGED : SEGMENT_TRANSACTIONAL;
  }
}
