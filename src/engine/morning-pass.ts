import { STATUS_ACTIVE, type SubscriberState } from "../population/subscriber-state.js";
import { addDissatisfaction, dissatisfactionAt } from "../population/decaying-levels.js";
import { recordProblems } from "../population/recent-history.js";
import { churnHazard } from "../response/churn-hazard.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { countEvent, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import { MOMENT_CANCELLATION } from "../scenario/vocabulary.js";
import { NEVER } from "../population/subscriber-state.js";
import { addCandidate, type ChurnCandidates } from "./churn-candidates.js";
import { addMoment, type DecisionMoments } from "./decision-moments.js";
import type { DayDraws } from "./day-draws.js";
import { applyLifeEvent, lifeEventChances } from "./life-events.js";
import { reactivate } from "./reactivate.js";
import type { WorldDay } from "./world-day.js";
import type { WorldParams } from "./world-params.js";

export const PENDING_NONE = 0;
export const PENDING_CANCELLATION = 1;
export const PENDING_FORCED = 2;
export const PENDING_SAVED = 3;

const MAX_PROBLEMS = 60;
/** Largest extra inbound rate from open problems (broken device, recent move, overdue bill). */
const MAX_INBOUND_TRIGGERS = 0.09;

/** What the morning pass needs besides the state and today's world. */
export interface MorningInputs {
  readonly params: WorldParams;
  readonly draws: DayDraws;
  readonly moments: DecisionMoments;
  readonly candidates: ChurnCandidates;
  readonly metrics: ReplicateMetrics;
  /** Per subscriber: chance of no network problem on a quiet day. */
  readonly quietNoProblemChance: Float32Array;
  /** Per subscriber: total life-event chance per day at rate factor 1. */
  readonly lifeChanceBase: Float32Array;
  readonly lifeChances: Float64Array;
  /** False during warm-up: no decision moments and no churn intent. */
  live: boolean;
}

/**
 * Steps 2 and 3 of the day for every subscriber, in one pass: network experience, life events,
 * churn intent (a call to cancel is a decision moment) and inbound touch-points. Each check
 * first compares the subscriber's uniform with a cheap upper bound of its chance, and only
 * works out the exact chance when the uniform falls below it, so a quiet subscriber-day costs a
 * handful of array reads. Dissatisfaction and annoyance decay lazily (decaying-levels.ts).
 * Returns the number of former subscribers who came back unprompted.
 */
export function morningPass(state: SubscriberState, day: number, world: WorldDay, inputs: MorningInputs): number {
  const { params, draws, quietNoProblemChance, lifeChanceBase } = inputs;
  const { status, region, dissatisfaction, annoyance, hazardPerDay } = state;
  const uNetwork = draws.network;
  const uLife = draws.life;
  const uInbound = draws.inbound;
  const uChurn = draws.churn;
  const quiet = world.quiet;
  const lifeBound = world.maxLifeFactor;
  const hazardBound =
    world.seasonFactor * world.maxCompetitorFactor * params.maxContractMultiplier * Math.max(1, params.newCustomerMultiplier) * (1 + params.sleepingDogBoost);
  const dissatisfactionWeight = params.hazardDissatisfactionWeight;
  const annoyanceWeight = params.hazardAnnoyanceWeight;
  const inboundBase = params.inboundPerDay + MAX_INBOUND_TRIGGERS;
  const inboundSlope = params.inboundPerDay * params.inboundDissatisfactionMultiplier;
  const live = inputs.live;
  const naturalReturn = live ? params.naturalReturnPerDay : -1;
  let returned = 0;

  const count = state.count;
  for (let i = 0; i < count; i++) {
    if (status[i] !== STATUS_ACTIVE) {
      if (uLife[i] < naturalReturn) {
        comeBack(state, i, day, inputs);
        returned++;
      }
      continue;
    }
    const u = uNetwork[i];
    if (quiet[region[i]] === 0 || u >= quietNoProblemChance[i]) networkDay(state, i, day, u, world, inputs);
    const lifeDraw = uLife[i];
    if (lifeDraw < lifeChanceBase[i] * lifeBound) lifeDay(state, i, day, lifeDraw, world, inputs);
    const level = dissatisfaction[i];
    if (live && uChurn[i] < hazardPerDay[i] * hazardBound * (1 + dissatisfactionWeight * level + annoyanceWeight * annoyance[i])) {
      if (churnIntent(state, i, day, world, inputs)) continue;
    }
    const inboundDraw = uInbound[i];
    if (live && inboundDraw < inboundBase + inboundSlope * level) inboundTouch(state, i, day, inboundDraw, inputs);
  }
  return returned;
}

/** A day with network problems or no-signal time: Poisson problems, split calls/buffering. */
function networkDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, inputs: MorningInputs): void {
  const params = inputs.params;
  const r = state.region[i];
  const multiplier = world.problemMultiplier[r];
  const lambda = params.problemsPerDay * state.coverage[i] * multiplier;
  const noProblem = multiplier === 1 ? inputs.quietNoProblemChance[i] : Math.exp(-lambda);
  let problems = 0;
  let mass = noProblem;
  let cumulative = noProblem;
  while (u >= cumulative && problems < MAX_PROBLEMS) {
    problems++;
    mass *= lambda / problems;
    cumulative += mass;
  }
  const noSignalMinutes = world.noSignalMinutes[r] * state.coverage[i];
  if (problems === 0 && noSignalMinutes === 0) return;
  const within = mass > 0 ? (u - (cumulative - mass)) / mass : 0;
  const dropped = Math.min(problems, Math.floor(problems * params.droppedCallShare + within));
  recordProblems(state, i, day, dropped, problems - dropped, noSignalMinutes);
  const loss = state.qualitySensitivity[i] * (problems * params.dissatisfactionPerProblem + noSignalMinutes * params.dissatisfactionPerNoSignalMinute);
  addDissatisfaction(state, i, day, loss, params);
}

function lifeDay(state: SubscriberState, i: number, day: number, u: number, world: WorldDay, inputs: MorningInputs): void {
  const r = state.region[i];
  const chance = lifeEventChances(state, i, inputs.params, world.moveRateFactor[r], world.tripRateFactor[r], world.difficultyRateFactor[r], inputs.lifeChances);
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
  let rate = params.inboundPerDay * (1 + params.inboundDissatisfactionMultiplier * dissatisfactionAt(state, i, day, params));
  if (state.deviceBroken[i] === 1) rate += 0.05;
  if (day - state.movedDay[i] < 14) rate += 0.03;
  if (state.overdueSinceDay[i] !== NEVER) rate += 0.01;
  if (u >= rate || state.pendingChurn[i] !== PENDING_NONE) return;
  state.lastInboundDay[i] = day;
  const share = u / rate;
  const careEnd = params.careCallShare;
  const appEnd = careEnd + (1 - careEnd) * params.appSessionShare;
  addMoment(inputs.moments, i, share < careEnd ? 0 : share < appEnd ? 1 : 2);
}

function comeBack(state: SubscriberState, i: number, day: number, inputs: MorningInputs): void {
  reactivate(state, i, day, inputs.params);
  countEvent(inputs.metrics, COUNTER.returned, state.plan[i], state.valueSegment[i]);
}
