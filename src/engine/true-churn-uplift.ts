import { addAnnoyance } from "../world/state/decaying-levels.js";
import type { SubscriberSnapshot } from "../world/state/subscriber-snapshot.js";
import { contactResponse, type ContactResponse } from "../world/choice/contact-response.js";
import { applyAcceptance } from "../world/transition/apply-acceptance.js";
import { wakesSleepingDog } from "../world/transition/sleeping-dog.js";
import { churnHazard } from "../world/churn/churn-hazard.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";

const STEP_DAYS = 5;

/**
 * The world's true churn uplift of contacting subscriber i with `action` at a decision moment
 * of kind `moment` today: P(leave within `days` | no contact) - P(leave within `days` | contact),
 * the contact's outcome averaged over accept and refuse (with the world's accept chance). Each
 * "what if" is applied to the live state and undone (the oracle's world view does the same). What the world knows and no logged data set
 * gives: the ground truth an uplift model is audited against.
 */
export function trueChurnUplift(sim: ReplicateSimulation, snapshot: SubscriberSnapshot, response: ContactResponse, i: number, action: number, moment: number, day: number, days: number): number {
  const { state, params, catalogue, world } = sim;
  const offer = catalogue.offers[action]!;
  const category = catalogue.categoryIndex[action];
  const contact = contactResponse(state, i, offer, category, moment, day, world, params, response);
  const accept = contact.acceptChance;
  // Survival over the window, the hazard re-read every STEP_DAYS days (annoyance and a woken
  // sleeping dog fade, a retention offer's effect lasts); today's regional factors are assumed to hold.
  const leave = () => {
    let survival = 1;
    for (let t = 0; t < days; t += STEP_DAYS) survival *= Math.pow(1 - Math.min(1, churnHazard(state, i, day + t, world, params)), Math.min(STEP_DAYS, days - t));
    return 1 - survival;
  };
  const untouched = leave();
  const wakes = wakesSleepingDog(state, i, moment);
  snapshot.save(i);
  addAnnoyance(state, i, day, contact.annoyanceIfAccepted, params);
  applyAcceptance(state, i, offer, category, day, params);
  if (wakes) state.awakenedDay[i] = day;
  const ifAccepted = leave();
  snapshot.restore();
  addAnnoyance(state, i, day, contact.annoyanceIfRefused, params);
  if (wakes) state.awakenedDay[i] = day;
  const ifRefused = leave();
  snapshot.restore();
  return untouched - (accept * ifAccepted + (1 - accept) * ifRefused);
}
