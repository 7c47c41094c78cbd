import type { WorldParams } from "../params/world-params.js";

/**
 * The hazard factor of an account `daysSince` days after one of its lines ported out
 * (line-port-out.ts): 1 + `accounts.followBoost`, fading linearly to 1 over `accounts.followDays`.
 * The rest of the household follows the line to the competitor's family plan: the holder's
 * hazard, and with it the other lines' chance of porting out, stays raised for a while.
 */
export function householdFollowFactor(daysSince: number, params: Pick<WorldParams, "followBoost" | "followDays">): number {
  return daysSince < params.followDays ? 1 + params.followBoost * (1 - daysSince / params.followDays) : 1;
}
