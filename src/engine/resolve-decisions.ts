import type { Scenario } from "../scenario/scenario-schema.js";
import { CHANNELS, MOMENT_CANCELLATION, MOMENT_OUTBOUND, OUTCOME_ACCEPT, OUTCOME_COMPLAIN, OUTCOME_DECLINE, OUTCOME_IGNORE, OUTCOME_NONE, OUTCOME_OPT_OUT, RESPONSE_TYPES, TYPE_SLEEPING_DOG } from "../scenario/vocabulary.js";
import { STATUS_ACTIVE, type SubscriberState } from "../world/state/subscriber-state.js";
import { outboundContactsWithin, outcomesWithin, recordContact } from "../world/state/recent-history.js";
import { acceptProbability, contactContext, type ContactContext } from "../world/choice/accept-probability.js";
import { annoyanceIncrement } from "../world/choice/annoyance-increment.js";
import { applyAcceptance } from "../world/transition/apply-acceptance.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import { contactOutcome } from "../world/choice/contact-outcome.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { addToSeries, countEvent, countProgram, PROGRAM_COUNTER, SERIES_INDEX, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import { retainedValue } from "../world/churn/retained-value.js";
import type { ActionCatalogue } from "./action-catalogue.js";
import type { DecisionMoments } from "./decision-moments.js";
import type { DayDraws } from "./day-draws.js";
import { PENDING_SAVED } from "./morning-pass.js";
import { regionPlanIndex, type WorldDay } from "../world/exogenous/world-day.js";
import type { WorldParams } from "../world/params/world-params.js";
import type { DecisionWorkspace } from "./decision-workspace.js";
import type { DecisionLog } from "../log/decision-log.js";
import { addAnnoyance, addDissatisfaction, annoyanceAt, type DecayTables } from "../world/state/decaying-levels.js";
import { addCandidate, type ChurnCandidates } from "./churn-candidates.js";
import type { ObjectiveWeights } from "../scenario/objective-schema.js";

const INBOUND = CHANNELS.indexOf("inbound");
const COMPLAINT_DISSATISFACTION = 0.1;

/** Everything the response step reads and writes for one replicate. */
export interface ResolveContext {
  readonly state: SubscriberState;
  readonly scenario: Scenario;
  readonly params: WorldParams;
  readonly catalogue: ActionCatalogue;
  readonly metrics: ReplicateMetrics;
  readonly budgetLeft: Float64Array;
  readonly log: DecisionLog | null;
  readonly contact: ContactContext;
  readonly candidates: ChurnCandidates;
  readonly objective: ObjectiveWeights;
}

/**
 * Steps 5 and 6 for every decision of the day, in row order: the world's answer to each
 * contact (from the response uniform of that subscriber-day), then its effects: money,
 * annoyance, consents, contract and plan changes, a save at the cancellation desk, a sleeping
 * dog woken up, and the churn hazard recomputed for the rest of the day.
 */
export function resolveDecisions(context: ResolveContext, moments: DecisionMoments, workspace: DecisionWorkspace, day: number, world: WorldDay, draws: DayDraws): void {
  const { state, params, catalogue, metrics, budgetLeft } = context;
  const actionCount = catalogue.actions.length;
  for (let row = 0; row < moments.size; row++) {
    const i = moments.subscriber[row];
    const moment = moments.kind[row];
    const action = workspace.chosen[row];
    const propensity = workspace.probabilities[row * actionCount + action];
    workspace.propensity[row] = propensity;
    // No action, or the program's budget ran out earlier today: no contact is made.
    if (action === 0 || budgetLeft[catalogue.programIndex[action]] <= 0) {
      workspace.outcome[row] = OUTCOME_NONE;
      workspace.reward[row] = 0;
      workspace.value[row] = 0;
      context.log?.record(day, i, moment, action, propensity, OUTCOME_NONE, 0, 0);
      continue;
    }
    const offer = catalogue.offers[action]!;
    const category = catalogue.categoryIndex[action];
    const channel = catalogue.channelIndex[action];
    const program = catalogue.programIndex[action];
    const plan = state.plan[i];
    const segment = state.valueSegment[i];
    const contactCost = catalogue.actions[action].contactCost;
    const contact = contactContext(state, i, offer, category, moment, day, world.deviceDesireFactor[regionPlanIndex(state.region[i], state.plan[i])], params, context.contact);
    const acceptChance = acceptProbability(state, i, offer, category, contact, day, params);
    const contactsLastWeek = outboundContactsWithin(state, i, day, 7);
    const u = draws.response[i];
    const acceptedNow = u < acceptChance;
    const increment = annoyanceIncrement(contact, contactsLastWeek, state.contactTolerancePerWeek[i], acceptedNow, params);
    const outcome = contactOutcome(u, acceptChance, annoyanceAt(state, i, day, params) + increment, contact, params);
    addAnnoyance(state, i, day, increment, params);
    recordContact(state, i, day, channel, action, outcome);

    let spend = contactCost;
    let reward = -contactCost;
    if (outcome === OUTCOME_ACCEPT) {
      const wasActive = state.status[i] === STATUS_ACTIVE;
      applyAcceptance(state, i, offer, category, day, params);
      spend += offer.cost;
      reward += dealValue(offer) - offer.cost;
      countEvent(metrics, COUNTER.accepts, plan, segment);
      countEvent(metrics, COUNTER.offerCost, plan, segment, offer.cost);
      countProgram(metrics, program, 1);
      countProgram(metrics, program, 2, offer.cost);
      addToSeries(metrics, day, SERIES_INDEX.accepts, 1);
      if (!wasActive) countEvent(metrics, COUNTER.returned, plan, segment);
      const saved = moment === MOMENT_CANCELLATION && saveAtCancellationDesk(context, i, offer.retention, draws, program);
      creditProgramValue(context, i, program, dealValue(offer), saved || !wasActive, day, world);
    } else {
      applyRefusal(state, i, outcome, channel, day, context.scenario, params);
      countEvent(metrics, outcome === OUTCOME_DECLINE ? COUNTER.declines : outcome === OUTCOME_IGNORE ? COUNTER.ignores : outcome === OUTCOME_COMPLAIN ? COUNTER.complaints : COUNTER.optOuts, plan, segment);
    }
    if (moment === MOMENT_OUTBOUND && state.responseType[i] === TYPE_SLEEPING_DOG && state.status[i] === STATUS_ACTIVE) {
      state.awakenedDay[i] = day;
    }
    if (state.status[i] === STATUS_ACTIVE) {
      state.hazardToday[i] = churnHazard(state, i, day, world, params);
      addCandidate(context.candidates, i);
    }

    budgetLeft[program] -= spend;
    countEvent(metrics, COUNTER.contacts, plan, segment);
    countEvent(metrics, COUNTER.contactCost, plan, segment, contactCost);
    countProgram(metrics, program, 0);
    countProgram(metrics, program, 3, contactCost);
    addToSeries(metrics, day, SERIES_INDEX.contacts, 1);
    addToSeries(metrics, day, SERIES_INDEX.cost, spend);
    workspace.outcome[row] = outcome;
    workspace.reward[row] = reward;
    workspace.value[row] = objectiveValue(context.objective, reward, increment, outcome);
    context.log?.record(day, i, moment, action, propensity, outcome, reward, acceptChance);
  }
}

/**
 * A customer who called to cancel and accepted an offer stays if the offer's retention effect
 * works on their latent type. The draw is the churn uniform's position below the cancellation
 * threshold: a fresh uniform that is the same whatever the policy did.
 */
function saveAtCancellationDesk(context: ResolveContext, i: number, retention: number, draws: DayDraws, program: number): boolean {
  const { state, params, metrics } = context;
  const threshold = state.hazardToday[i] * params.cancellationCallShare;
  const v = threshold > 0 ? draws.churn[i] / threshold : 1;
  const typeEffect = params.response.retentionEffectByType[RESPONSE_TYPES[state.responseType[i]]];
  if (v < retention * typeEffect) {
    state.pendingChurn[i] = PENDING_SAVED;
    countEvent(metrics, COUNTER.saves, state.plan[i], state.valueSegment[i]);
    countProgram(metrics, program, 4);
    return true;
  }
  return false;
}

/**
 * Program ROI accounting (docs/kpis.md): the deal value booked at acceptance counts as the
 * program's ARPU uplift; a customer kept at the cancellation desk or won back counts with their
 * retained value (CLV) as the program's CLV gain.
 */
function creditProgramValue(context: ResolveContext, i: number, program: number, bookedValue: number, keptOrWon: boolean, day: number, world: WorldDay): void {
  countProgram(context.metrics, program, PROGRAM_COUNTER.arpuUplift, bookedValue);
  if (keptOrWon) countProgram(context.metrics, program, PROGRAM_COUNTER.clvGain, retainedValue(context.state, i, day, world, context.params));
}

/** A contact's money, annoyance and experience, priced by the scenario's objective. */
export function objectiveValue(objective: ObjectiveWeights, reward: number, annoyanceAdded: number, outcome: number): number {
  const badExperience = outcome === OUTCOME_COMPLAIN || outcome === OUTCOME_OPT_OUT ? 1 : 0;
  return objective.revenue * reward - objective.annoyance * annoyanceAdded - objective.experience * badExperience;
}

/** Months a deal is valued over: a recurring price or discount for good counts a year. */
const DEAL_MONTHS = 12;

/**
 * The money an accepted deal brings over its term (at most a year): price and discount times
 * the months they run, as a commercial NBA engine books it. One-off costs are apart.
 */
export function dealValue(offer: { price: number; priceMonths: number; discount: number; discountMonths: number }): number {
  const months = (count: number) => (count === 0 ? DEAL_MONTHS : Math.min(count, DEAL_MONTHS));
  return offer.price * months(offer.priceMonths) - offer.discount * months(offer.discountMonths);
}

/** Complaints quieten outbound contact, opt-outs remove the channel's consent, ignoring twice holds. */
function applyRefusal(state: SubscriberState, i: number, outcome: number, channel: number, day: number, scenario: Scenario, scenarioTables: DecayTables): void {
  const policy = scenario.contactPolicy;
  if (outcome === OUTCOME_COMPLAIN) {
    state.lastComplaintDay[i] = day;
    state.complaints[i]++;
    addDissatisfaction(state, i, day, COMPLAINT_DISSATISFACTION, scenarioTables);
  } else if (outcome === OUTCOME_OPT_OUT && channel !== INBOUND) {
    state.consentMask[i] &= ~(1 << channel);
  } else if (outcome === OUTCOME_IGNORE && policy.ignoredLimit > 0) {
    if (outcomesWithin(state, i, day, policy.ignoredWindowDays, OUTCOME_IGNORE) >= policy.ignoredLimit) {
      state.holdUntilDay[i] = day + policy.holdDays;
    }
  }
}
