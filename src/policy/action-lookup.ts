import type { ActionInfo } from "./policy.js";
import type { Program } from "../scenario/vocabulary.js";

/** Cheapest first: how rule-based policies break ties between channels. */
const CHANNEL_ORDER = ["app-push", "email", "sms", "inbound", "outbound-call"];

/**
 * The actions of a catalogue grouped for rule-based policies: per program, the action indices
 * in order of channel cost (cheapest first), then id.
 */
export function actionsByProgram(actions: readonly ActionInfo[]): Map<Program, number[]> {
  const groups = new Map<Program, number[]>();
  for (const action of actions) {
    if (action.program === null) continue;
    const list = groups.get(action.program) ?? [];
    list.push(action.index);
    groups.set(action.program, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => CHANNEL_ORDER.indexOf(actions[a].channel ?? "") - CHANNEL_ORDER.indexOf(actions[b].channel ?? "") || actions[a].id.localeCompare(actions[b].id));
  }
  return groups;
}

/** The first action of `candidates` that is eligible in the row at `offset`, or 0 (no action). */
export function firstEligible(candidates: readonly number[] | undefined, eligible: Uint8Array, offset: number): number {
  if (!candidates) return 0;
  for (const action of candidates) if (eligible[offset + action] === 1) return action;
  return 0;
}

/** Writes a deterministic choice: probability 1 on `action`. */
export function choose(probabilities: Float64Array, chosen: Int32Array, row: number, actionCount: number, action: number): void {
  probabilities[row * actionCount + action] = 1;
  chosen[row] = action;
}
