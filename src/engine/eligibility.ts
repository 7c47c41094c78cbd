import type { Scenario } from "../scenario/scenario-schema.js";
import { NEVER, STATUS_ACTIVE, STATUS_CHURNED, type SubscriberState } from "../world/state/subscriber-state.js";
import { OTHER_LINE_TOTALS, otherLineTotals, outboundTotals, PROBLEM_TOTALS as P, problemTotals } from "../world/state/recent-history.js";
import { CHANNELS, MOMENT_OUTBOUND } from "../scenario/vocabulary.js";
import { daysToContractEnd, projectedAllowanceUse } from "../world/choice/need-signal.js";
import type { ActionCatalogue } from "./action-catalogue.js";

const OUTBOUND_CALL = CHANNELS.indexOf("outbound-call");
const INBOUND = CHANNELS.indexOf("inbound");
const totals = new Float64Array(3);
const problemScratch = new Float64Array(8);
const otherLineScratch = new Float64Array(4);

/**
 * The engine's filter, the same for every policy: catalogue eligibility, availability dates,
 * program budgets, consents and the contact policy. Writes one row of 0/1 flags.
 */
export function eligibleActions(
  state: SubscriberState,
  i: number,
  moment: number,
  day: number,
  catalogue: ActionCatalogue,
  scenario: Scenario,
  budgetLeft: Float64Array,
  row: Uint8Array,
  offset: number,
): void {
  row[offset] = 1;
  const outbound = moment === MOMENT_OUTBOUND;
  const active = state.status[i] === STATUS_ACTIVE;
  const policy = scenario.contactPolicy;
  let contactAllowed = true;
  let callAllowed = true;
  if (outbound) {
    const [week, month, calls] = outboundTotals(state, i, day, INBOUND, OUTBOUND_CALL, totals);
    contactAllowed =
      day > state.holdUntilDay[i] &&
      day - state.lastComplaintDay[i] > policy.quietDaysAfterComplaint &&
      week < policy.maxContactsPerWeek &&
      month < policy.maxContactsPerMonth;
    callAllowed = calls < policy.maxOutboundCallsPerMonth;
  }
  const tenure = day - state.joinDay[i];
  const daysLeft = daysToContractEnd(state, i, day);
  const overdueDays = state.overdueSinceDay[i] === NEVER ? 0 : day - state.overdueSinceDay[i];
  let allowanceUse = -1;
  let issues7d = -1;

  for (let a = 1; a < catalogue.actions.length; a++) {
    const offer = catalogue.offers[a]!;
    const rule = offer.eligibility;
    const channel = catalogue.channelIndex[a];
    let ok =
      day >= offer.availableFromDay &&
      day <= offer.availableToDay &&
      budgetLeft[catalogue.programIndex[a]] > 0 &&
      ((catalogue.planMask[a] >> state.plan[i]) & 1) === 1 &&
      (outbound
        ? channel !== INBOUND && contactAllowed && (state.consentMask[i] & (1 << channel)) !== 0
        : channel === INBOUND && ((catalogue.touchpointMask[a] >> moment) & 1) === 1);
    if (ok && channel === OUTBOUND_CALL) ok = callAllowed;
    if (ok && rule.target === "churned") {
      ok = state.status[i] === STATUS_CHURNED && day - state.churnDay[i] <= rule.maxChurnedDays;
    } else if (ok) {
      ok =
        active &&
        tenure >= rule.minTenureDays &&
        tenure <= rule.maxTenureDays &&
        overdueDays >= rule.minDaysOverdue &&
        overdueDays <= rule.maxDaysOverdue &&
        state.lines[i] >= rule.minLines &&
        (rule.minSurveyScore === 0 || state.surveyScore[i] >= rule.minSurveyScore) &&
        (rule.contractEndWithinDays === 0 || (daysLeft !== NEVER && daysLeft <= rule.contractEndWithinDays)) &&
        (!rule.requiresTravel || (day >= state.tripStartDay[i] - 3 && day <= state.tripEndDay[i] + 7)) &&
        (!rule.requiresMove || day - state.movedDay[i] <= 30);
      if (ok && rule.minAllowanceUse > 0) {
        if (allowanceUse < 0) allowanceUse = projectedAllowanceUse(state, i, day);
        ok = allowanceUse >= rule.minAllowanceUse;
      }
      if (ok && rule.minNetworkIssues7d > 0) {
        if (issues7d < 0) {
          const problems = problemTotals(state, i, day, problemScratch);
          // The account view: problems on the account's other lines count too.
          issues7d = problems[P.dropped7d] + problems[P.buffering7d] + otherLineTotals(state, i, day, otherLineScratch)[OTHER_LINE_TOTALS.problems7d];
        }
        ok = issues7d >= rule.minNetworkIssues7d;
      }
    }
    row[offset + a] = ok ? 1 : 0;
  }
}
