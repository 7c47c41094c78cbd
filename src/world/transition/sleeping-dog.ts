import { MOMENT_OUTBOUND, TYPE_SLEEPING_DOG } from "../../scenario/vocabulary.js";
import type { SubscriberState } from "../state/subscriber-state.js";

/**
 * Whether a contact at a moment of kind `moment` wakes subscriber i: a sleeping dog (a latent
 * type) reminded by an outbound contact that they could leave. Woken, their churn hazard rises
 * for a while (churnHazard, `awakeDays`).
 */
export function wakesSleepingDog(state: SubscriberState, i: number, moment: number): boolean {
  return moment === MOMENT_OUTBOUND && state.responseType[i] === TYPE_SLEEPING_DOG;
}
