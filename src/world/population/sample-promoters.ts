import type { RandomStream } from "../../random/random-stream.js";
import type { Scenario } from "../../scenario/scenario-schema.js";
import { TYPE_SLEEPING_DOG } from "../../scenario/vocabulary.js";
import { NO_SURVEY_ANSWER, type SubscriberState } from "../state/subscriber-state.js";

/** Starting-base slots over which the promoter intercept is solved (the rest are alike). */
const INTERCEPT_SLOTS = 100_000;
const BISECTION_STEPS = 40;
/** Share of a non-promoter's answers below 9 that are passive (7-8); the rest are 0-6. */
const PASSIVE_SHARE = 0.6;

type Promoters = Scenario["promoters"];

/**
 * Draws every slot's latent promoter trait and the NPS survey answers of the starting base from
 * a stream of their own (three uniforms a slot, whatever the outcome), so that adding them
 * shifts none of the world's other draws. A slot's promoter log-odds are
 * `a + tenureWeight x ln(1 + tenure in years) - experienceWeight x ln(quality sensitivity x
 * coverage)`, with `a` solved so that the starting base holds `promoters.share` of promoters;
 * sleeping dogs are never promoters; gross adds join with no tenure, and answered no survey.
 */
export function samplePromoters(state: SubscriberState, scenario: Scenario, stream: RandomStream): void {
  const { promoters } = scenario;
  const base = scenario.population.size;
  const firstDay = -scenario.warmupDays;
  const tilt = (i: number) => promoterTilt(state, i, firstDay, promoters);
  const intercept = solveIntercept(tilt, Math.min(base, INTERCEPT_SLOTS), promoters.share);
  for (let i = 0; i < state.count; i++) {
    const isPromoter = stream.next() < 1 / (1 + Math.exp(-(intercept + tilt(i))));
    const answered = stream.next() < promoters.surveyShare && i < base;
    const answerUniform = stream.next();
    state.promoter[i] = isPromoter ? 1 : 0;
    state.surveyScore[i] = answered ? surveyAnswer(isPromoter, answerUniform, promoters) : NO_SURVEY_ANSWER;
  }
}

/**
 * The NPS answer (0-10) of a promoter or not, from one uniform `u`: 9 or 10 with the chance
 * `promoterTopAnswerShare` (promoters) or `othersTopAnswerShare` (others); otherwise a promoter
 * answers 7 or 8, anyone else 7-8 (PASSIVE_SHARE) or 0-6.
 */
export function surveyAnswer(promoter: boolean, u: number, promoters: Pick<Promoters, "promoterTopAnswerShare" | "othersTopAnswerShare">): number {
  const top = promoter ? promoters.promoterTopAnswerShare : promoters.othersTopAnswerShare;
  if (u < top) return u < top / 2 ? 10 : 9;
  const rest = (u - top) / (1 - top);
  if (promoter || rest < PASSIVE_SHARE) return rest < (promoter ? 0.5 : PASSIVE_SHARE / 2) ? 8 : 7;
  return Math.min(6, Math.floor(((rest - PASSIVE_SHARE) / (1 - PASSIVE_SHARE)) * 7));
}

/**
 * Slot i's promoter log-odds before the intercept: long tenure raises them, network exposure
 * lowers them. A sleeping dog, who stays out of inertia and leaves when reminded, is never a promoter.
 */
function promoterTilt(state: SubscriberState, i: number, firstDay: number, promoters: Promoters): number {
  if (state.responseType[i] === TYPE_SLEEPING_DOG) return Number.NEGATIVE_INFINITY;
  const tenureYears = Math.max(0, firstDay - state.joinDay[i]) / 365;
  const exposure = state.qualitySensitivity[i] * state.coverage[i];
  return promoters.tenureWeight * Math.log1p(tenureYears) - promoters.experienceWeight * Math.log(exposure);
}

/** The intercept `a` for which the mean of sigmoid(a + tilt(i)) over the first `slots` slots is `share`. */
function solveIntercept(tiltOf: (i: number) => number, slots: number, share: number): number {
  if (share <= 0) return Number.NEGATIVE_INFINITY;
  if (share >= 1 || slots === 0) return Number.POSITIVE_INFINITY;
  const tilt = Float64Array.from({ length: slots }, (_, i) => tiltOf(i));
  let low = -30;
  let high = 30;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    let sum = 0;
    for (let i = 0; i < slots; i++) sum += 1 / (1 + Math.exp(-(middle + tilt[i])));
    if (sum / slots < share) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
