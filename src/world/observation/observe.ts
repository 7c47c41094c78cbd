import { NEVER, NO_SURVEY_ANSWER, STATUS_ACTIVE, type SubscriberState } from "../state/subscriber-state.js";
import { contactTotals, lastContactSlot, otherLineTotals, OTHER_LINE_TOTALS, problemTotals } from "../state/recent-history.js";
import { MOMENT_CANCELLATION, MOMENT_OUTBOUND, OUTCOME_ACCEPT, OUTCOME_IGNORE, OUTBOUND_CHANNELS, PLAN_BROADBAND, PLAN_POSTPAID, PLAN_PREPAID, PLAN_TV, SEGMENT_DISENGAGED, SEGMENT_STRATEGIC, SEGMENT_TRANSACTIONAL } from "../../scenario/vocabulary.js";
import { daysToContractEnd, projectedAllowanceUse } from "../choice/need-signal.js";
import { monthlyPrice } from "../pricing/monthly-price.js";
import { annuityFactor } from "../pricing/annuity-factor.js";
import { DAYS_PER_MONTH, type WorldParams } from "../params/world-params.js";

/**
 * The observable features every policy gets, one row per decision. Scaled to roughly unit range
 * so that linear models and neural networks can use them as they are. Latent traits (response
 * type, sensitivities, affinities, tolerance) never appear here.
 */
export const FEATURE_NAMES = Object.freeze([
  "bias",
  "planPrepaid",
  "planPostpaid",
  "planBroadband",
  "planTv",
  "arpuPer100",
  "tenureYears",
  "contractMonthsLeft",
  "outOfContract",
  "earlyTerminationFeePer100",
  "deviceAgeYears",
  "allowanceUseProjected",
  "droppedCalls1d",
  "droppedCalls7d",
  "droppedCalls30dPer10",
  "buffering7d",
  "noSignalHours7d",
  "noSignalHours30d",
  "billShock",
  "daysOverduePer30",
  "paymentPlan",
  "lines",
  "travellingNow",
  "roamingDays90Per10",
  "movedLast30d",
  "contacts7d",
  "contacts30d",
  "lastOfferAccepted",
  "ignored30d",
  "complaintLast90d",
  "consentCount",
  "segmentStrategic",
  "segmentTransactional",
  "segmentDisengaged",
  "clvEstimatePer1000",
  "momentInbound",
  "momentCancellation",
  "churnedFormer",
  "monthsSinceChurn",
  "npsAnswer",
  "otherLinesProblems7d",
  "otherLinesProblems30dPer10",
  "otherLinesNoSignalHours7d",
  "lineLeftLast90d",
] as const);

export const FEATURE_COUNT = FEATURE_NAMES.length;
/** NPS survey answers of at least this are promoters', of at most NPS_DETRACTOR_SCORE detractors'. */
export const NPS_PROMOTER_SCORE = 9;
export const NPS_DETRACTOR_SCORE = 6;
const problemScratch = new Float64Array(8);
const contactScratch = new Float64Array(3);
const otherLineScratch = new Float64Array(4);
const LINE_LEFT_DAYS = 90;
export const FEATURE_INDEX = Object.fromEntries(FEATURE_NAMES.map((name, index) => [name, index])) as Record<
  (typeof FEATURE_NAMES)[number],
  number
>;

/** Writes the features of subscriber i at decision moment `moment` into out[offset...]. */
export function writeFeatures(state: SubscriberState, i: number, moment: number, day: number, params: WorldParams, out: Float32Array, offset: number): void {
  const plan = state.plan[i];
  const price = monthlyPrice(state, i, day);
  const daysLeft = daysToContractEnd(state, i, day);
  const hasContract = daysLeft !== NEVER;
  const tripDays90 = tripDaysWithin(state, i, day, 90);
  let consents = 0;
  for (let c = 0; c < OUTBOUND_CHANNELS.length; c++) consents += (state.consentMask[i] >> c) & 1;
  const last = lastContactSlot(state, i);
  const active = state.status[i] === STATUS_ACTIVE;
  let f = offset;
  out[f++] = 1;
  out[f++] = plan === PLAN_PREPAID ? 1 : 0;
  out[f++] = plan === PLAN_POSTPAID ? 1 : 0;
  out[f++] = plan === PLAN_BROADBAND ? 1 : 0;
  out[f++] = plan === PLAN_TV ? 1 : 0;
  out[f++] = price / 100;
  out[f++] = (day - state.joinDay[i]) / 365;
  out[f++] = hasContract ? Math.max(-12, daysLeft / DAYS_PER_MONTH) / 12 : 0;
  out[f++] = hasContract && daysLeft < 0 ? 1 : 0;
  out[f++] = hasContract && daysLeft > 0 ? (params.plans[plan].earlyTerminationFeePerMonth * daysLeft) / DAYS_PER_MONTH / 100 : 0;
  out[f++] = (day - state.deviceSinceDay[i]) / 365;
  out[f++] = Math.min(3, projectedAllowanceUse(state, i, day));
  const problems = problemTotals(state, i, day, problemScratch);
  out[f++] = problems[0];
  out[f++] = problems[1];
  out[f++] = problems[2] / 10;
  out[f++] = problems[3];
  out[f++] = problems[4] / 60;
  out[f++] = problems[5] / 60;
  out[f++] = state.lastBillShock[i];
  out[f++] = state.overdueSinceDay[i] === NEVER ? 0 : (day - state.overdueSinceDay[i]) / 30;
  out[f++] = state.paymentPlan[i];
  out[f++] = state.lines[i];
  out[f++] = day >= state.tripStartDay[i] && day <= state.tripEndDay[i] ? 1 : 0;
  out[f++] = tripDays90 / 10;
  out[f++] = day - state.movedDay[i] <= 30 ? 1 : 0;
  const contacts = contactTotals(state, i, day, OUTCOME_IGNORE, contactScratch);
  out[f++] = contacts[0];
  out[f++] = contacts[1];
  out[f++] = last >= 0 && state.contactOutcome[last] === OUTCOME_ACCEPT ? 1 : 0;
  out[f++] = contacts[2];
  out[f++] = day - state.lastComplaintDay[i] <= 90 ? 1 : 0;
  out[f++] = consents;
  out[f++] = state.valueSegment[i] === SEGMENT_STRATEGIC ? 1 : 0;
  out[f++] = state.valueSegment[i] === SEGMENT_TRANSACTIONAL ? 1 : 0;
  out[f++] = state.valueSegment[i] === SEGMENT_DISENGAGED ? 1 : 0;
  out[f++] = estimatedClv(state, i, day, params) / 1000;
  out[f++] = moment !== MOMENT_OUTBOUND ? 1 : 0;
  out[f++] = moment === MOMENT_CANCELLATION ? 1 : 0;
  out[f++] = active ? 0 : 1;
  out[f++] = active ? 0 : (day - state.churnDay[i]) / DAYS_PER_MONTH;
  out[f++] = npsGroup(state.surveyScore[i]);
  // The account view: the experience of the account's other lines, and a line that left.
  const otherLines = otherLineTotals(state, i, day, otherLineScratch);
  out[f++] = otherLines[OTHER_LINE_TOTALS.problems7d];
  out[f++] = otherLines[OTHER_LINE_TOTALS.problems30d] / 10;
  out[f++] = otherLines[OTHER_LINE_TOTALS.noSignal7d] / 60;
  out[f++] = day - state.lineLeftDay[i] < LINE_LEFT_DAYS ? 1 : 0;
}

/** The NPS group of a survey answer: 1 promoter (9-10), -1 detractor (0-6), 0 passive (7-8) or no answer. */
export function npsGroup(surveyScore: number): number {
  if (surveyScore === NO_SURVEY_ANSWER) return 0;
  return surveyScore >= NPS_PROMOTER_SCORE ? 1 : surveyScore <= NPS_DETRACTOR_SCORE ? -1 : 0;
}

/**
 * The operator's CLV estimate from observable data (as in the high-value-customer post: value is margin over the customer's expected life): margin x ARPU x expected
 * remaining months, from the plan's typical churn, discounted.
 */
export function estimatedClv(state: SubscriberState, i: number, day: number, params: WorldParams): number {
  const plan = params.plans[state.plan[i]];
  const monthlyMargin = monthlyPrice(state, i, day) * params.marginShare;
  const daysLeft = daysToContractEnd(state, i, day);
  const churnPerMonth = plan.baseChurnPerMonth * (daysLeft !== NEVER && daysLeft > 0 ? 0.6 : 1.4);
  return monthlyMargin * annuityFactor(churnPerMonth, params.monthlyDiscountRate, params.clvHorizonMonths);
}


function tripDaysWithin(state: SubscriberState, i: number, day: number, days: number): number {
  const overlap = (start: number, end: number) => Math.max(0, Math.min(day, end) - Math.max(day - days + 1, start) + 1);
  return overlap(state.tripStartDay[i], state.tripEndDay[i]) + (day - state.previousTripEndDay[i] < days ? state.previousTripDays[i] : 0);
}

