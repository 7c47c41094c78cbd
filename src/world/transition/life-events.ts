import { PLAN_BROADBAND, PLAN_TV } from "../../scenario/vocabulary.js";
import { NEVER, type SubscriberState } from "../state/subscriber-state.js";
import { DAYS_PER_MONTH, type WorldParams } from "../params/world-params.js";
import { addDissatisfaction } from "../state/decaying-levels.js";
import { refreshLevelBounds } from "../state/level-bounds.js";

const MOVE = 0;
const TRIP = 1;
const DIFFICULTY = 2;
const BREAKAGE = 3;
const RENEWAL = 4;
const REPAIR = 5;
export const LIFE_EVENT_KINDS = 6;
const DEVICE_BREAK_DISSATISFACTION = 0.3;

/**
 * Per-day chances of each life event for subscriber i on `day`: [move, trip, difficulty,
 * breakage, renewal, repair]. A renewal is a customer past contract end re-contracting on their
 * own (a new phone in a store): it keeps the in-contract share steady without any campaign. A
 * repair is a broken device fixed or replaced without the operator. With day = Infinity it gives
 * an upper bound valid on any day, whatever contract or device state comes later.
 */
export function lifeEventChances(state: SubscriberState, i: number, day: number, params: WorldParams, moveFactor: number, tripFactor: number, difficultyFactor: number, out: Float64Array): number {
  const mobile = state.plan[i] <= 1;
  out[MOVE] = params.movesPerDay * moveFactor;
  out[TRIP] = mobile ? params.tripsPerDay * tripFactor : 0;
  out[DIFFICULTY] = state.fragile[i] === 1 ? params.difficultyPerDay * difficultyFactor : 0;
  out[BREAKAGE] = mobile ? params.deviceBreaksPerDay : 0;
  const bound = day === Number.POSITIVE_INFINITY;
  const contractEnd = state.contractEndDay[i];
  out[RENEWAL] = bound || (contractEnd !== NEVER && day >= contractEnd) ? params.renewalsPerDay : 0;
  out[REPAIR] = mobile && (bound || state.deviceBroken[i] === 1) ? params.repairsPerDay : 0;
  return out[MOVE] + out[TRIP] + out[DIFFICULTY] + out[BREAKAGE] + out[RENEWAL] + out[REPAIR];
}

/**
 * Applies the life event that uniform `u` selects (the caller has checked u < total chance).
 * The position of u inside the event's interval is reused as the event's own uniform.
 */
export function applyLifeEvent(state: SubscriberState, i: number, day: number, u: number, chances: Float64Array, params: WorldParams): void {
  let low = 0;
  let event = 0;
  while (event < REPAIR && u >= low + chances[event]) low += chances[event++];
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
    case BREAKAGE:
      state.deviceBroken[i] = 1;
      addDissatisfaction(state, i, day, DEVICE_BREAK_DISSATISFACTION, params);
      break;
    case REPAIR:
      state.deviceBroken[i] = 0;
      break;
    default:
      state.contractEndDay[i] = day + Math.round(params.plans[state.plan[i]].contractMonths * DAYS_PER_MONTH);
      if (state.plan[i] <= 1) {
        state.deviceSinceDay[i] = day;
        state.deviceBroken[i] = 0;
      }
  }
}
