import { STATUS_ACTIVE, type SubscriberState } from "../world/state/subscriber-state.js";
import { annoyanceAt, type DecayTables } from "../world/state/decaying-levels.js";

/** Mean annoyance of the active subscribers on `day` (a snapshot for the KPI series). */
export function meanAnnoyance(state: SubscriberState, day: number, tables: DecayTables): number {
  let total = 0;
  let active = 0;
  for (let i = 0; i < state.count; i++) {
    if (state.status[i] !== STATUS_ACTIVE) continue;
    total += annoyanceAt(state, i, day, tables);
    active++;
  }
  return active > 0 ? total / active : 0;
}
