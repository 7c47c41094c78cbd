import type { DecisionBatch, WorldView } from "../policy/policy.js";
import { MOMENT_CANCELLATION, NO_ACTION } from "../scenario/vocabulary.js";
import { addAnnoyance, addGoodwill } from "../world/state/decaying-levels.js";
import { remindToCompare } from "../world/transition/salience.js";
import { effectiveRetention } from "../world/transition/remedy-effect.js";
import { SubscriberSnapshot } from "../world/state/subscriber-snapshot.js";
import { contactResponse, createContactResponse } from "../world/choice/contact-response.js";
import { badExperienceChance } from "../world/choice/contact-outcome.js";
import { applyAcceptance } from "../world/transition/apply-acceptance.js";
import { wakesSleepingDog } from "../world/transition/sleeping-dog.js";
import { cancellationSaveChance } from "../world/churn/cancellation-desk.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import { monthlyPrice } from "../world/pricing/monthly-price.js";
import { DAYS_PER_MONTH } from "../world/params/world-params.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";

/**
 * The oracle's view: the world's own response and churn models applied to the latent state.
 * The value of an action is what it changes in expected margin over the horizon: the customer
 * stays (hazard after the contact, accepted or not, against the hazard without it), pays the new
 * price, and the contact and offer cost; annoyance and complaints are priced by the objective on
 * top of their effect on churn. Each "what if" is applied to the live state and undone.
 */
/** What the oracle worked out for the last action it weighed: for tests that hold it to the engine. */
export interface WorldViewTrace {
  acceptChance: number;
  /** Today's churn hazard once the offer is taken, and once it is refused (without a complaint). */
  hazardIfAccepted: number;
  hazardIfRefused: number;
}

export function createWorldView(getSim: () => ReplicateSimulation, trace?: WorldViewTrace): WorldView {
  let snapshot: SubscriberSnapshot | null = null;
  let baselineRow = -1;
  let baselineDay = Number.NaN;
  let baseline = 0;
  // A refused contact's outcome depends on the action only through what it adds (its annoyance, goodwill and reminder).
  let cachedIncrement = Number.NaN;
  let cachedGoodwill = Number.NaN;
  let cachedReminds = false;
  let cachedRefusal = 0;
  const response = createContactResponse();

  return {
    expectedValue(batch: DecisionBatch, row: number, action: number, horizonDays: number): number {
      if (action === NO_ACTION) return 0;
      const sim = getSim();
      const { state, params, catalogue, world } = sim;
      snapshot ??= new SubscriberSnapshot(state);
      const i = batch.subscriber[row];
      const moment = batch.moment[row];
      const day = batch.day;
      const offer = catalogue.offers[action]!;
      const category = catalogue.categoryIndex[action];
      const contact = contactResponse(state, i, offer, category, moment, day, world, params, response);
      const accept = contact.acceptChance;
      const incrementAccepted = contact.annoyanceIfAccepted;
      const incrementRefused = contact.annoyanceIfRefused;
      const wakes = wakesSleepingDog(state, i, moment);
      const cancelling = moment === MOMENT_CANCELLATION;
      const stayValue = (fromDay: number) => expectedMargin(sim, i, fromDay, horizonDays);
      if (row !== baselineRow || day !== baselineDay) {
        baselineRow = row;
        baselineDay = day;
        baseline = cancelling ? 0 : stayValue(day);
        cachedIncrement = Number.NaN;
      }
      const before = baseline;

      snapshot.save(i);
      const chargesBefore = state.pendingCharges[i];
      addAnnoyance(state, i, day, incrementAccepted, params);
      applyAcceptance(state, i, offer, category, day, params);
      addGoodwill(state, i, day, contact.goodwillIfAccepted, params);
      if (wakes) state.awakenedDay[i] = day;
      const oneOff = (state.pendingCharges[i] - chargesBefore) * params.marginShare;
      const saved = cancelling ? Math.min(1, cancellationSaveChance(state, i, effectiveRetention(state, i, offer), params)) : 1;
      const afterAccept = saved * stayValue(day) + oneOff;
      if (trace) trace.hazardIfAccepted = churnHazard(state, i, day, world, params);
      snapshot.restore();

      let afterRefusal = 0;
      const sameRefusal = incrementRefused === cachedIncrement && contact.goodwillIfRefused === cachedGoodwill && contact.remindsIfRefused === cachedReminds;
      if (!cancelling && sameRefusal && row === baselineRow && !trace) afterRefusal = cachedRefusal;
      else if (!cancelling || trace) {
        addAnnoyance(state, i, day, incrementRefused, params);
        addGoodwill(state, i, day, contact.goodwillIfRefused, params);
        if (wakes) state.awakenedDay[i] = day;
        if (contact.remindsIfRefused) remindToCompare(state, i, day, params);
        afterRefusal = cancelling ? 0 : stayValue(day);
        if (trace) trace.hazardIfRefused = churnHazard(state, i, day, world, params);
        snapshot.restore();
        cachedIncrement = incrementRefused;
        cachedGoodwill = contact.goodwillIfRefused;
        cachedReminds = contact.remindsIfRefused;
        cachedRefusal = afterRefusal;
      }

      if (trace) trace.acceptChance = accept;
      const badExperience = (1 - accept) * badExperienceChance(contact.annoyanceBefore + incrementRefused, contact.context, params);
      const money = accept * (afterAccept - offer.cost) + (1 - accept) * afterRefusal - before - catalogue.actions[action].contactCost;
      const objective = sim.objective;
      return objective.revenue * money - objective.annoyance * (accept * incrementAccepted + (1 - accept) * incrementRefused) - objective.experience * badExperience;
    },
  };
}

const LOOK_AHEAD_STEP_DAYS = 91;

/**
 * Expected margin of subscriber i over the next `days` days from `fromDay`, with the hazard and
 * price re-read every quarter (a contract ending, a discount running out, levels decaying).
 * Today's regional factors are assumed to hold.
 */
function expectedMargin(sim: ReplicateSimulation, i: number, fromDay: number, days: number): number {
  const { state, world, params } = sim;
  const marginPerDay = params.marginShare / DAYS_PER_MONTH;
  let survival = 1;
  let value = 0;
  for (let t = 0; t < days; t += LOOK_AHEAD_STEP_DAYS) {
    const length = Math.min(LOOK_AHEAD_STEP_DAYS, days - t);
    const hazard = Math.min(churnHazard(state, i, fromDay + t, world, params), 1);
    value += survival * monthlyPrice(state, i, fromDay + t) * marginPerDay * expectedActiveDays(hazard, length);
    survival *= Math.pow(1 - hazard, length);
  }
  return value;
}

/** Expected days active among the next `days` at a constant daily hazard. */
export function expectedActiveDays(hazardPerDay: number, days: number): number {
  const h = Math.min(Math.max(hazardPerDay, 0), 1);
  if (h < 1e-12) return days;
  const stay = 1 - h;
  return (stay * (1 - Math.pow(stay, days))) / h;
}
