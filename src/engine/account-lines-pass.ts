import type { SubscriberState } from "../world/state/subscriber-state.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { countEvent } from "../metrics/replicate-metrics.js";
import { otherLinesDay } from "../world/transition/other-lines-network.js";
import { lineLeaveChance, portOutLine } from "../world/transition/line-port-out.js";
import type { WorldDay } from "../world/exogenous/world-day.js";
import type { MorningInputs } from "./morning-pass.js";

/**
 * The morning's account view, one slot at a time, before the holders' own morning: an extra
 * line porting out (the bottom of the slot's account-lines uniform, below a bound of its chance
 * from the holder's churn bound) and the problems of the other lines (its top, above the stored
 * chance of a problem-free day). A single-line account's bounds skip both. A loop of its own:
 * folded into the morning pass's loop, the same checks slowed the whole pass by a fifth.
 */
export function accountLinesPass(state: SubscriberState, day: number, world: WorldDay, churnScale: number, inputs: MorningInputs): void {
  const { params, streams } = inputs;
  const { linesNoProblemChance, churnBound, lines } = state;
  const accountLines = streams.accountLines;
  const lineLeaveScale = churnScale * params.lineLeaveShare;
  const count = state.count;
  for (let i = 0; i < count; i++) {
    // Drawn for every slot whatever its lines, so that the draws never depend on a policy.
    const u = accountLines.nextFloat24();
    const extraLines = lines[i] - 1;
    if (extraLines === 0) continue;
    if (u < churnBound[i] * lineLeaveScale * extraLines) lineDay(state, i, day, u, world, inputs);
    if (u >= linesNoProblemChance[i]) otherLinesDay(state, i, day, u, world, params);
  }
}

/** Whether one of the account's extra lines ports out today (line-port-out.ts). */
function lineDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, inputs: MorningInputs): void {
  if (u >= lineLeaveChance(state, i, day, world, inputs.params)) return;
  portOutLine(state, i, day, inputs.params);
  if (inputs.live) countEvent(inputs.metrics, COUNTER.linesLost, state.plan[i], state.valueSegment[i]);
}
