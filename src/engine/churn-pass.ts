import { STATUS_ACTIVE, STATUS_CHURNED, type SubscriberState } from "../world/state/subscriber-state.js";
import { flushAnnoyance } from "../world/state/decaying-levels.js";
import { setFormerChances } from "../world/transition/daily-chances.js";
import { reactivate } from "../world/transition/reactivate.js";
import type { WorldParams } from "../world/params/world-params.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { addToSeries, countEvent, SERIES_INDEX, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import type { ChurnCandidates } from "./churn-candidates.js";
import type { DecisionWorkspace } from "./decision-workspace.js";
import { PENDING_CANCELLATION, PENDING_NONE, PENDING_SAVED } from "./morning-pass.js";

/**
 * Step 6 of the day: the churn draw, for today's candidates only (everyone else's uniform lies above a
 * bound of their hazard). Callers who were not saved leave, forced exits leave, and the others
 * leave when today's churn uniform falls below today's exact hazard (after today's contacts).
 * Leavers stop paying and stay in the arrays as former subscribers (winback targets). During
 * warm-up a leaver is replaced on the spot by a new customer in the same slot, so that the base
 * reaches its steady mix of tenures, contracts and arrears before day 0.
 */
export function churnPass(state: SubscriberState, day: number, uChurn: Float32Array, candidates: ChurnCandidates, params: WorldParams, metrics: ReplicateMetrics, workspace: DecisionWorkspace, live: boolean): void {
  let leavers = 0;
  for (let k = 0; k < candidates.size; k++) {
    const i = candidates.subscriber[k];
    candidates.listed[i] = 0;
    const pending = state.pendingChurn[i];
    const hazard = state.hazardToday[i];
    state.pendingChurn[i] = PENDING_NONE;
    state.hazardToday[i] = 0;
    if (state.status[i] !== STATUS_ACTIVE || pending === PENDING_SAVED) continue;
    if (pending === PENDING_NONE && uChurn[i] >= hazard) continue;
    if (!live) {
      reactivate(state, i, day, params);
      continue;
    }
    leave(state, i, day, pending, params, metrics);
    workspace.churned[leavers++] = i;
  }
  candidates.size = 0;
  workspace.churnedCount = leavers;
  if (live) addToSeries(metrics, day, SERIES_INDEX.churned, leavers);
}

function leave(state: SubscriberState, i: number, day: number, pending: number, params: WorldParams, metrics: ReplicateMetrics): void {
  state.status[i] = STATUS_CHURNED;
  state.churnDay[i] = day;
  state.activeDays[i] += day + 1 - state.activeSinceDay[i];
  flushAnnoyance(state, i, day + 1, params);
  setFormerChances(state, i, params);
  if (pending === PENDING_CANCELLATION) countEvent(metrics, COUNTER.cancellationCalls, state.plan[i], state.valueSegment[i]);
  countEvent(metrics, COUNTER.churned, state.plan[i], state.valueSegment[i]);
}
