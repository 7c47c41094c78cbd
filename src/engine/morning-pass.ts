import { STATUS_CHURNED, type SubscriberState } from "../world/state/subscriber-state.js";
import { addDissatisfaction, dissatisfactionAt } from "../world/state/decaying-levels.js";
import { serviceDissatisfactionFactor } from "../world/transition/priority-service.js";
import { recordProblems } from "../world/state/recent-history.js";
import { inboundTriggers, refreshLevelBounds } from "../world/state/level-bounds.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { countEvent, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import { MOMENT_CANCELLATION } from "../scenario/vocabulary.js";
import { NEVER } from "../world/state/subscriber-state.js";
import { addCandidate, type ChurnCandidates } from "./churn-candidates.js";
import { NETWORK_UNKNOWN, ROUND_DOWN } from "../world/transition/daily-chances.js";
import { addMoment, type DecisionMoments } from "./decision-moments.js";
import type { DayDraws, DrawStreams } from "./day-draws.js";
import { applyLifeEvent, lifeEventChances } from "../world/transition/life-events.js";
import { reactivate } from "../world/transition/reactivate.js";
import { poissonProblems } from "../world/transition/poisson-problems.js";
import { accountLinesPass } from "./account-lines-pass.js";
import { regionPlanIndex, type WorldDay } from "../world/exogenous/world-day.js";
import type { WorldParams } from "../world/params/world-params.js";

export const PENDING_NONE = 0;
export const PENDING_CANCELLATION = 1;
export const PENDING_FORCED = 2;
export const PENDING_SAVED = 3;

const poissonScratch = new Float64Array(2);
const KIND_BITS = 4096;

/** What the morning pass needs besides the state and today's world. */
export interface MorningInputs {
  readonly params: WorldParams;
  readonly draws: DayDraws;
  readonly streams: DrawStreams;
  readonly moments: DecisionMoments;
  readonly candidates: ChurnCandidates;
  readonly metrics: ReplicateMetrics;
  readonly lifeChances: Float64Array;
  /** Per subscriber: exact chance of a problem-free day in a quiet region. */
  readonly quietNoProblemChance: Float64Array;
  /** False during warm-up: no inbound moments and nobody comes back (leavers are replaced). */
  live: boolean;
}

/**
 * Step 2 of the day (the morning) for every subscriber: first the account's other lines (an extra
 * line porting out, their network experience: accountLinesPass), then in one pass the holder's
 * network experience, life events,
 * churn intent (a call to cancel is a decision moment) and inbound touch-points. Each check
 * compares the subscriber's uniform for that purpose with a stored upper bound of its chance
 * (daily-chances.ts) and only works out the exact chance below it, so an uneventful
 * subscriber-day costs eight array reads. Former subscribers have bounds that skip every check
 * but the chance of coming back. Dissatisfaction and annoyance decay lazily (decaying-levels.ts).
 */
export function morningPass(state: SubscriberState, day: number, world: WorldDay, inputs: MorningInputs): void {
  const { params, draws, streams } = inputs;
  const { noProblemChance, lifeChanceBound, churnBound, inboundBound } = state;
  // Three of the day's uniforms are drawn here, in subscriber order, and used at once (the
  // account-lines uniforms in accountLinesPass); the churn uniforms are drawn beforehand
  // because the churn pass needs them again.
  const network = streams.network;
  const life = streams.life;
  const inbound = streams.inbound;
  const uChurn = draws.churn;
  const live = inputs.live;
  const lifeScale = world.maxLifeFactor;
  const churnScale =
    world.seasonFactor * world.maxCompetitorFactor * params.maxContractMultiplier * Math.max(1, params.newCustomerMultiplier) * (1 + params.sleepingDogBoost);
  const inboundScale = live ? 1 : 0;
  accountLinesPass(state, day, world, churnScale, inputs);
  const count = state.count;
  for (let i = 0; i < count; i++) {
    const networkDraw = network.nextFloat24();
    const lifeDraw = life.nextFloat24();
    const inboundDraw = inbound.nextFloat24();
    if (networkDraw >= noProblemChance[i]) networkDay(state, i, day, networkDraw, world, inputs);
    if (lifeDraw < lifeChanceBound[i] * lifeScale) lifeDay(state, i, day, lifeDraw, world, inputs);
    if (uChurn[i] < churnBound[i] * churnScale && churnIntent(state, i, day, world, inputs)) continue;
    if (inboundDraw < inboundBound[i] * inboundScale) inboundTouch(state, i, day, inboundDraw, inputs);
  }
}

/** A day with network problems or no-signal time: Poisson problems, split calls/buffering. */
function networkDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, inputs: MorningInputs): void {
  const params = inputs.params;
  const r = state.region[i];
  const multiplier = world.problemMultiplier[r];
  const lambda = params.problemsPerDay * state.coverage[i] * multiplier;
  const noProblem = multiplier === 1 ? inputs.quietNoProblemChance[i] : Math.exp(-lambda);
  const noSignalMinutes = world.noSignalMinutes[r] * state.coverage[i];
  state.noProblemChance[i] = noSignalMinutes > 0 ? NETWORK_UNKNOWN : noProblem * ROUND_DOWN;
  const drawn = poissonProblems(u, lambda, noProblem, poissonScratch);
  const problems = drawn[0];
  if (problems === 0 && noSignalMinutes === 0) return;
  const within = drawn[1];
  const dropped = Math.min(problems, Math.floor(problems * params.droppedCallShare + within));
  recordProblems(state, i, day, dropped, problems - dropped, noSignalMinutes);
  const loss =
    serviceDissatisfactionFactor(state, i, day, params) *
    state.qualitySensitivity[i] *
    (problems * params.dissatisfactionPerProblem + noSignalMinutes * params.dissatisfactionPerNoSignalMinute);
  addDissatisfaction(state, i, day, loss, params);
}

function lifeDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, inputs: MorningInputs): void {
  if (state.status[i] === STATUS_CHURNED) {
    if (inputs.live && u < inputs.params.naturalReturnPerDay) comeBack(state, i, day, inputs);
    return;
  }
  const k = regionPlanIndex(state.region[i], state.plan[i]);
  const chance = lifeEventChances(state, i, day, inputs.params, world.moveRateFactor[k], world.tripRateFactor[k], world.difficultyRateFactor[k], inputs.lifeChances);
  if (u < chance) applyLifeEvent(state, i, day, u, inputs.lifeChances, inputs.params);
}

/**
 * The exact hazard of a churn candidate. Contract customers whose churn uniform falls below
 * hazard x cancellationCallShare call to cancel today (a decision moment); the rest of the
 * draw waits for the churn pass. Returns true when a cancellation call was placed.
 */
function churnIntent(state: SubscriberState, i: number, day: number, world: WorldDay, inputs: MorningInputs): boolean {
  const hazard = churnHazard(state, i, day, world, inputs.params);
  state.hazardToday[i] = hazard;
  addCandidate(inputs.candidates, i);
  if (state.pendingChurn[i] !== PENDING_NONE || state.contractEndDay[i] === NEVER) return false;
  if (inputs.draws.churn[i] >= hazard * inputs.params.cancellationCallShare) return false;
  state.pendingChurn[i] = PENDING_CANCELLATION;
  state.lastInboundDay[i] = day;
  addMoment(inputs.moments, i, MOMENT_CANCELLATION);
  return true;
}

/** Inbound contacts per day: a base rate raised by dissatisfaction and by open problems. */
function inboundTouch(state: SubscriberState, i: number, day: number, u: number, inputs: MorningInputs): void {
  const params = inputs.params;
  const rate = params.inboundPerDay * (1 + params.inboundDissatisfactionMultiplier * dissatisfactionAt(state, i, day, params)) + inboundTriggers(state, i, day);
  if (u >= rate) {
    refreshLevelBounds(state, i, day, params); // expired triggers leave the bound loose: tighten it
    return;
  }
  if (state.pendingChurn[i] !== PENDING_NONE) return;
  state.lastInboundDay[i] = day;
  // The kind comes from the low bits of the same uniform (its top bits decided that a contact
  // happens): the same contact has the same kind whatever the policy did to the rate.
  const share = (u * KIND_BITS) % 1;
  const careEnd = params.careCallShare;
  const appEnd = careEnd + (1 - careEnd) * params.appSessionShare;
  addMoment(inputs.moments, i, share < careEnd ? 0 : share < appEnd ? 1 : 2);
}

function comeBack(state: SubscriberState, i: number, day: number, inputs: MorningInputs): void {
  reactivate(state, i, day, inputs.params);
  countEvent(inputs.metrics, COUNTER.returned, state.plan[i], state.valueSegment[i]);
}
