import { NEVER, STATUS_ACTIVE, type SubscriberState } from "./subscriber-state.js";

/** Bounds are stored as float32: rounding them up keeps them above the exact float64 value. */
export const ROUND_UP = 1 + 1e-6;
const BROKEN_DEVICE_CONTACTS_PER_DAY = 0.05;
const MOVE_CONTACTS_PER_DAY = 0.03;
const MOVE_CONTACT_DAYS = 14;
const OVERDUE_CONTACTS_PER_DAY = 0.01;

/** Extra inbound contacts per day from open problems: a broken device, a move, an overdue bill. */
export function inboundTriggers(state: SubscriberState, i: number, day: number): number {
  let rate = 0;
  if (state.deviceBroken[i] === 1) rate += BROKEN_DEVICE_CONTACTS_PER_DAY;
  if (day - state.movedDay[i] < MOVE_CONTACT_DAYS) rate += MOVE_CONTACTS_PER_DAY;
  if (state.overdueSinceDay[i] !== NEVER) rate += OVERDUE_CONTACTS_PER_DAY;
  return rate;
}

/** What the bounds depend on (a subset of the world's parameters). */
export interface LevelBoundParams {
  readonly hazardDissatisfactionWeight: number;
  readonly hazardAnnoyanceWeight: number;
  readonly inboundPerDay: number;
  readonly inboundDissatisfactionMultiplier: number;
  readonly salienceBoost: number;
  readonly salienceDays: number;
  readonly followBoost: number;
  readonly followDays: number;
}

/**
 * Refreshes the per-subscriber upper bounds that the morning pass compares today's uniforms
 * with, after dissatisfaction, annoyance, a reminder to compare, a line's port-out or an inbound trigger changed: the churn hazard before
 * the day's common factors, and the inbound-contact rate. Stored levels only decay and triggers
 * only expire until the next change, so a bound stays valid until then.
 */
export function refreshLevelBounds(state: SubscriberState, i: number, day: number, params: LevelBoundParams): void {
  // Former and waiting subscribers keep their zero bounds (a winback contact must not revive them).
  if (state.status[i] !== STATUS_ACTIVE) return;
  const dissatisfaction = state.dissatisfaction[i];
  // A reminder to compare (salience.ts) only fades, so its full boost bounds it until it expires.
  const reminded = day - state.remindedDay[i] < params.salienceDays ? 1 + params.salienceBoost : 1;
  // So does the household's pull after a line ported out (household-follow.ts).
  const followed = day - state.lineLeftDay[i] < params.followDays ? 1 + params.followBoost : 1;
  state.churnBound[i] =
    state.hazardPerDay[i] * state.priceHazardFactor[i] * reminded * followed * (1 + params.hazardDissatisfactionWeight * dissatisfaction + params.hazardAnnoyanceWeight * state.annoyance[i]) * ROUND_UP;
  state.inboundBound[i] = (params.inboundPerDay * (1 + params.inboundDissatisfactionMultiplier * dissatisfaction) + inboundTriggers(state, i, day)) * ROUND_UP;
}
