import { LIFE_EVENT_KINDS } from "./life-events.js";
import { NEVER, STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { DAYS_PER_MONTH, type WorldParams } from "../params/world-params.js";
import { setActiveChances } from "./daily-chances.js";

/** Scratch space for the life-event chances (no allocation per call). */
const scratch = new Float64Array(LIFE_EVENT_KINDS);

/**
 * A former subscriber comes back (unprompted, or won back by an offer): a fresh start on the
 * old plan, a new contract where the plan has one, and a clean slate of experience.
 */
export function reactivate(state: SubscriberState, i: number, day: number, params: WorldParams): void {
  state.status[i] = STATUS_ACTIVE;
  state.churnDay[i] = NEVER;
  state.joinDay[i] = day;
  const contractMonths = params.plans[state.plan[i]].contractMonths;
  state.contractEndDay[i] = contractMonths > 0 ? day + Math.round(contractMonths * DAYS_PER_MONTH) : NEVER;
  state.dissatisfaction[i] = 0;
  state.dissatisfactionDay[i] = day;
  state.annoyanceFlushDay[i] = day;
  state.activeSinceDay[i] = day;
  state.overdueSinceDay[i] = NEVER;
  state.difficultyUntilDay[i] = NEVER;
  state.movePending[i] = 0;
  state.pendingChurn[i] = 0;
  state.retentionUntilDay[i] = NEVER;
  state.awakenedDay[i] = NEVER;
  state.remindedDay[i] = NEVER;
  state.priorityUntilDay[i] = NEVER;
  state.lineLeftDay[i] = NEVER;
  state.usualBill[i] = state.planPricePerMonth[i];
  setActiveChances(state, i, day, params, scratch);
}
