import type { Scenario } from "../scenario/scenario-schema.js";
import { MOMENT_CANCELLATION, NO_ACTION, OUTCOME_ACCEPT, OUTCOME_COMPLAIN, OUTCOME_DECLINE, OUTCOME_IGNORE, OUTCOME_NONE } from "../scenario/vocabulary.js";
import { STATUS_ACTIVE } from "../world/state/subscriber-state.js";
import { recordContact } from "../world/state/recent-history.js";
import { addAnnoyance, addGoodwill } from "../world/state/decaying-levels.js";
import { remindToCompare } from "../world/transition/salience.js";
import { effectiveRetention } from "../world/transition/remedy-effect.js";
import { contactResponse, type ContactResponse } from "../world/choice/contact-response.js";
import { contactOutcome } from "../world/choice/contact-outcome.js";
import { applyAcceptance } from "../world/transition/apply-acceptance.js";
import { applyRefusal } from "../world/transition/apply-refusal.js";
import { wakesSleepingDog } from "../world/transition/sleeping-dog.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import { keptAtCancellationDesk } from "../world/churn/cancellation-desk.js";
import { retainedValue } from "../world/churn/retained-value.js";
import { dealValue } from "../world/pricing/deal-value.js";
import type { WorldDay } from "../world/exogenous/world-day.js";
import type { WorldParams } from "../world/params/world-params.js";
import type { SubscriberState } from "../world/state/subscriber-state.js";
import { COUNTER } from "../metrics/metric-groups.js";
import { addToSeries, countEvent, countProgram, PROGRAM_COUNTER, SERIES_INDEX, type ReplicateMetrics } from "../metrics/replicate-metrics.js";
import type { DecisionLog } from "../log/decision-log.js";
import type { ObjectiveWeights } from "../scenario/objective-schema.js";
import type { ActionCatalogue } from "./action-catalogue.js";
import type { DecisionMoments } from "./decision-moments.js";
import type { DayDraws } from "./day-draws.js";
import { PENDING_SAVED } from "./morning-pass.js";
import type { DecisionWorkspace } from "./decision-workspace.js";
import { addCandidate, type ChurnCandidates } from "./churn-candidates.js";
import { objectiveValue } from "./objective-value.js";

/** Everything the response step reads and writes for one replicate. */
export interface ResolveContext {
  readonly state: SubscriberState;
  readonly scenario: Scenario;
  readonly params: WorldParams;
  readonly catalogue: ActionCatalogue;
  readonly metrics: ReplicateMetrics;
  readonly budgetLeft: Float64Array;
  readonly log: DecisionLog | null;
  readonly response: ContactResponse;
  readonly candidates: ChurnCandidates;
  readonly objective: ObjectiveWeights;
}

/**
 * Step 5 of the day for every decision, in row order: the world's answer to each
 * contact (from the response uniform of that subscriber-day), then its effects: money,
 * annoyance and goodwill, consents, contract and plan changes, a save at the cancellation desk, a
 * sleeping dog woken up, a refuser reminded to compare offers, and the churn hazard recomputed
 * for the rest of the day.
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
    if (action === NO_ACTION || budgetLeft[catalogue.programIndex[action]] <= 0) {
      workspace.outcome[row] = OUTCOME_NONE;
      workspace.reward[row] = 0;
      workspace.value[row] = 0;
      context.log?.record(row, day, i, moment, action, propensity, OUTCOME_NONE, 0, 0, 0, Number.NaN);
      continue;
    }
    const offer = catalogue.offers[action]!;
    const category = catalogue.categoryIndex[action];
    const channel = catalogue.channelIndex[action];
    const program = catalogue.programIndex[action];
    const plan = state.plan[i];
    const segment = state.valueSegment[i];
    const contactCost = catalogue.actions[action].contactCost;
    const response = contactResponse(state, i, offer, category, moment, day, world, params, context.response);
    const acceptChance = response.acceptChance;
    const u = draws.response[i];
    const increment = u < acceptChance ? response.annoyanceIfAccepted : response.annoyanceIfRefused;
    const outcome = contactOutcome(u, acceptChance, response.annoyanceBefore + increment, response.context, params);
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
      countProgram(metrics, program, PROGRAM_COUNTER.accepts);
      countProgram(metrics, program, PROGRAM_COUNTER.offerCost, offer.cost);
      addToSeries(metrics, day, SERIES_INDEX.accepts, 1);
      if (!wasActive) countEvent(metrics, COUNTER.returned, plan, segment);
      const saved = moment === MOMENT_CANCELLATION && saveAtCancellationDesk(context, i, effectiveRetention(state, i, offer), draws, program);
      creditProgramValue(context, i, program, dealValue(offer), saved || !wasActive, day, world);
    } else {
      applyRefusal(state, i, outcome, channel, day, context.scenario, params);
      countEvent(metrics, outcome === OUTCOME_DECLINE ? COUNTER.declines : outcome === OUTCOME_IGNORE ? COUNTER.ignores : outcome === OUTCOME_COMPLAIN ? COUNTER.complaints : COUNTER.optOuts, plan, segment);
    }
    if (outcome === OUTCOME_ACCEPT) addGoodwill(state, i, day, response.goodwillIfAccepted, params);
    else if (outcome !== OUTCOME_COMPLAIN) addGoodwill(state, i, day, response.goodwillIfRefused, params);
    if (wakesSleepingDog(state, i, moment) && state.status[i] === STATUS_ACTIVE) {
      state.awakenedDay[i] = day;
    }
    if (outcome !== OUTCOME_ACCEPT && response.remindsIfRefused && state.status[i] === STATUS_ACTIVE) remindToCompare(state, i, day, params);
    if (state.status[i] === STATUS_ACTIVE) {
      state.hazardToday[i] = churnHazard(state, i, day, world, params);
      addCandidate(context.candidates, i);
    }

    budgetLeft[program] -= spend;
    countEvent(metrics, COUNTER.contacts, plan, segment);
    countEvent(metrics, COUNTER.contactCost, plan, segment, contactCost);
    countProgram(metrics, program, PROGRAM_COUNTER.contacts);
    countProgram(metrics, program, PROGRAM_COUNTER.contactCost, contactCost);
    addToSeries(metrics, day, SERIES_INDEX.contacts, 1);
    addToSeries(metrics, day, SERIES_INDEX.cost, spend);
    workspace.outcome[row] = outcome;
    workspace.reward[row] = reward;
    workspace.value[row] = objectiveValue(context.objective, reward, increment, outcome);
    context.log?.record(row, day, i, moment, action, propensity, outcome, reward, workspace.value[row], acceptChance, state.status[i] === STATUS_ACTIVE ? state.hazardToday[i] : Number.NaN);
  }
}

/** A customer who called to cancel and accepted an offer: kept, or not, by its retention effect. */
function saveAtCancellationDesk(context: ResolveContext, i: number, retention: number, draws: DayDraws, program: number): boolean {
  const { state, params, metrics } = context;
  if (!keptAtCancellationDesk(state, i, retention, draws.churn[i], params)) return false;
  state.pendingChurn[i] = PENDING_SAVED;
  countEvent(metrics, COUNTER.saves, state.plan[i], state.valueSegment[i]);
  countProgram(metrics, program, PROGRAM_COUNTER.saves);
  return true;
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
