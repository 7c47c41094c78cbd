import { STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { addDissatisfaction } from "../state/decaying-levels.js";
import { recordOtherLineProblems } from "../state/recent-history.js";
import { NETWORK_UNKNOWN, resetOtherLinesChance, ROUND_DOWN } from "./daily-chances.js";
import { serviceDissatisfactionFactor } from "./priority-service.js";
import { poissonProblems } from "./poisson-problems.js";
import type { WorldDay } from "../exogenous/world-day.js";
import type { WorldParams } from "../params/world-params.js";

const poissonScratch = new Float64Array(2);

/**
 * A day with problems on the account's other lines (the shared experience of the account view):
 * a Poisson number of problems at rate problemsPerDay x the region's problem multiplier x the
 * other lines' coverage x (lines - 1), and the region's no-signal time on each of them, drawn
 * by inversion of the account's uniform `u` of `world/account-lines` (the morning pass calls
 * this only when `u` lies above the stored chance of a problem-free day). They are recorded in
 * the account's history (the operator sees them) and add `accounts.sharedExperienceWeight` of
 * the dissatisfaction they would add on the holder's own line.
 */
export function otherLinesDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, params: WorldParams): void {
  const others = state.lines[i] - 1;
  if (others <= 0 || state.status[i] !== STATUS_ACTIVE) {
    resetOtherLinesChance(state, i);
    return;
  }
  const r = state.region[i];
  const exposure = state.linesCoverage[i] * others;
  const lambda = params.problemsPerDay * world.problemMultiplier[r] * exposure;
  const noProblem = Math.exp(-lambda);
  const noSignalMinutes = world.noSignalMinutes[r] * exposure;
  state.linesNoProblemChance[i] = noSignalMinutes > 0 ? NETWORK_UNKNOWN : noProblem * ROUND_DOWN;
  const problems = poissonProblems(u, lambda, noProblem, poissonScratch)[0];
  if (problems === 0 && noSignalMinutes === 0) return;
  recordOtherLineProblems(state, i, day, problems, noSignalMinutes);
  if (params.sharedExperienceWeight === 0) return;
  const loss =
    params.sharedExperienceWeight *
    serviceDissatisfactionFactor(state, i, day, params) *
    state.qualitySensitivity[i] *
    (problems * params.dissatisfactionPerProblem + noSignalMinutes * params.dissatisfactionPerNoSignalMinute);
  addDissatisfaction(state, i, day, loss, params);
}
