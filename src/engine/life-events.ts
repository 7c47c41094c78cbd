import { PLAN_BROADBAND, PLAN_TV } from "../scenario/vocabulary.js";
import type { SubscriberState } from "../population/subscriber-state.js";
import type { WorldParams } from "./world-params.js";
import { addDissatisfaction } from "../population/decaying-levels.js";
import { refreshLevelBounds } from "../population/level-bounds.js";

const MOVE = 0;
const TRIP = 1;
const DIFFICULTY = 2;
const BREAKAGE = 3;
const DEVICE_BREAK_DISSATISFACTION = 0.3;

/** Per-day chances of each life event for subscriber i: [move, trip, difficulty, breakage]. */
export function lifeEventChances(state: SubscriberState, i: number, params: WorldParams, moveFactor: number, tripFactor: number, difficultyFactor: number, out: Float64Array): number {
  const mobile = state.plan[i] <= 1;
  out[MOVE] = params.movesPerDay * moveFactor;
  out[TRIP] = mobile ? params.tripsPerDay * tripFactor : 0;
  out[DIFFICULTY] = state.fragile[i] === 1 ? params.difficultyPerDay * difficultyFactor : 0;
  out[BREAKAGE] = mobile ? params.deviceBreaksPerDay : 0;
  return out[MOVE] + out[TRIP] + out[DIFFICULTY] + out[BREAKAGE];
}

/**
 * Applies the life event that uniform `u` selects (the caller has checked u < total chance).
 * The position of u inside the event's interval is reused as the event's own uniform.
 */
export function applyLifeEvent(state: SubscriberState, i: number, day: number, u: number, chances: Float64Array, params: WorldParams): void {
  let low = 0;
  let event = 0;
  while (event < BREAKAGE && u >= low + chances[event]) low += chances[event++];
  const v = (u - low) / chances[event];
  switch (event) {
    case MOVE:
      state.movedDay[i] = day;
      refreshLevelBounds(state, i, day, params);
      if ((state.plan[i] === PLAN_BROADBAND || state.plan[i] === PLAN_TV) && v < params.moveChurnRisk) state.movePending[i] = 1;
      break;
    case TRIP:
      if (day <= state.tripEndDay[i]) break;
      state.previousTripEndDay[i] = state.tripEndDay[i];
      state.previousTripDays[i] = Math.max(0, state.tripEndDay[i] - state.tripStartDay[i] + 1);
      state.tripStartDay[i] = day;
      state.tripEndDay[i] = day + Math.max(1, Math.round(params.tripDays * (0.3 + 1.4 * v))) - 1;
      break;
    case DIFFICULTY:
      state.difficultyUntilDay[i] = day + Math.round(params.difficultyDays * (0.3 + 1.4 * v));
      break;
    default:
      state.deviceBroken[i] = 1;
      addDissatisfaction(state, i, day, DEVICE_BREAK_DISSATISFACTION, params);
  }
}
