import type { SubscriberState } from "../state/subscriber-state.js";
import { refreshLevelBounds } from "../state/level-bounds.js";
import { churnHazard } from "../churn/churn-hazard.js";
import { resetOtherLinesChance } from "./daily-chances.js";
import type { WorldDay } from "../exogenous/world-day.js";
import type { WorldParams } from "../params/world-params.js";

/**
 * Today's chance that one of the account's extra lines ports out on its own: each extra line
 * leaves with `accounts.lineLeaveShare` of the holder's current hazard, so the chance rises
 * with the account's dissatisfaction, the competitor's pressure and the household's pull after
 * an earlier line left (household-follow.ts). The holder's own churn takes every line.
 */
export function lineLeaveChance(state: SubscriberState, i: number, day: number, world: WorldDay, params: WorldParams): number {
  const extraLines = state.lines[i] - 1;
  if (extraLines <= 0 || params.lineLeaveShare === 0) return 0;
  return params.lineLeaveShare * extraLines * churnHazard(state, i, day, world, params);
}

/**
 * One extra line ports out: the account keeps its other lines and pays one line's share less
 * (the plan price over the lines), and the household's pull starts (`lineLeftDay`).
 */
export function portOutLine(state: SubscriberState, i: number, day: number, params: WorldParams): void {
  const lines = state.lines[i];
  state.planPricePerMonth[i] -= state.planPricePerMonth[i] / lines;
  state.lines[i] = lines - 1;
  state.lineLeftDay[i] = day;
  resetOtherLinesChance(state, i);
  refreshLevelBounds(state, i, day, params);
}
