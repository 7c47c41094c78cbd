import { CONTACT_SLOTS, LINE_PROBLEM_SLOTS, PROBLEM_SLOTS, RING_NEVER, type SubscriberState } from "./subscriber-state.js";
import { CHANNELS } from "../../scenario/vocabulary.js";

/** Reads of the per-subscriber ring buffers: network problems and contacts over recent days. */

/** Dropped calls in the `days` days up to and including `day`. */
export function droppedCallsWithin(state: SubscriberState, i: number, day: number, days: number): number {
  let total = 0;
  for (let slot = i * PROBLEM_SLOTS, end = slot + PROBLEM_SLOTS; slot < end; slot++) {
    if (day - state.problemDay[slot] < days) total += state.problemDropped[slot];
  }
  return total;
}

/** Buffering events in the last `days` days. */
export function bufferingWithin(state: SubscriberState, i: number, day: number, days: number): number {
  let total = 0;
  for (let slot = i * PROBLEM_SLOTS, end = slot + PROBLEM_SLOTS; slot < end; slot++) {
    if (day - state.problemDay[slot] < days) total += state.problemBuffering[slot];
  }
  return total;
}

/** No-signal minutes in the last `days` days. */
export function noSignalMinutesWithin(state: SubscriberState, i: number, day: number, days: number): number {
  let total = 0;
  for (let slot = i * PROBLEM_SLOTS, end = slot + PROBLEM_SLOTS; slot < end; slot++) {
    if (day - state.problemDay[slot] < days) total += state.problemNoSignalMinutes[slot];
  }
  return total;
}

/** Records one day's network problems in the subscriber's ring. */
export function recordProblems(state: SubscriberState, i: number, day: number, dropped: number, buffering: number, noSignalMinutes: number): void {
  const head = state.problemHead[i];
  const slot = i * PROBLEM_SLOTS + head;
  state.problemDay[slot] = day;
  state.problemDropped[slot] = Math.min(255, dropped);
  state.problemBuffering[slot] = Math.min(255, buffering);
  state.problemNoSignalMinutes[slot] = Math.min(65535, Math.round(noSignalMinutes));
  state.problemHead[i] = (head + 1) % PROBLEM_SLOTS;
}

/** Records one day's problems on the account's other lines in the account's ring. */
export function recordOtherLineProblems(state: SubscriberState, i: number, day: number, problems: number, noSignalMinutes: number): void {
  const head = state.lineProblemHead[i];
  const slot = i * LINE_PROBLEM_SLOTS + head;
  state.lineProblemDay[slot] = day;
  state.lineProblems[slot] = Math.min(255, problems);
  state.lineNoSignalMinutes[slot] = Math.min(65535, Math.round(noSignalMinutes));
  state.lineProblemHead[i] = (head + 1) % LINE_PROBLEM_SLOTS;
}

/** What otherLineTotals writes, by index. */
export const OTHER_LINE_TOTALS = { problems7d: 0, problems30d: 1, noSignal7d: 2, noSignal30d: 3 } as const;

/**
 * One pass over the account's ring of other-line problems: problems (dropped calls plus
 * buffering) and no-signal minutes on the other lines over 7 and 30 days, into `out` (length 4).
 */
export function otherLineTotals(state: SubscriberState, i: number, day: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let slot = i * LINE_PROBLEM_SLOTS, end = slot + LINE_PROBLEM_SLOTS; slot < end; slot++) {
    const age = day - state.lineProblemDay[slot];
    if (age >= 30) continue;
    out[1] += state.lineProblems[slot];
    out[3] += state.lineNoSignalMinutes[slot];
    if (age >= 7) continue;
    out[0] += state.lineProblems[slot];
    out[2] += state.lineNoSignalMinutes[slot];
  }
  return out;
}

/** Outbound contacts (inbound excluded) in the last `days` days. */
export function outboundContactsWithin(state: SubscriberState, i: number, day: number, days: number): number {
  const inbound = CHANNELS.indexOf("inbound");
  let total = 0;
  for (let slot = i * CONTACT_SLOTS, end = slot + CONTACT_SLOTS; slot < end; slot++) {
    if (day - state.contactDay[slot] < days && state.contactChannel[slot] !== inbound) total++;
  }
  return total;
}

/** Contacts with the given outcome in the last `days` days. */
export function outcomesWithin(state: SubscriberState, i: number, day: number, days: number, outcome: number): number {
  let total = 0;
  for (let slot = i * CONTACT_SLOTS, end = slot + CONTACT_SLOTS; slot < end; slot++) {
    if (day - state.contactDay[slot] < days && state.contactOutcome[slot] === outcome) total++;
  }
  return total;
}

/** The most recent contact's slot index, or -1 when there was none. */
export function lastContactSlot(state: SubscriberState, i: number): number {
  const slot = i * CONTACT_SLOTS + ((state.contactHead[i] + CONTACT_SLOTS - 1) % CONTACT_SLOTS);
  return state.contactDay[slot] === RING_NEVER ? -1 : slot;
}

/** Records one contact in the subscriber's ring. */
export function recordContact(state: SubscriberState, i: number, day: number, channel: number, action: number, outcome: number): void {
  const head = state.contactHead[i];
  const slot = i * CONTACT_SLOTS + head;
  state.contactDay[slot] = day;
  state.contactChannel[slot] = channel;
  state.contactAction[slot] = action;
  state.contactOutcome[slot] = outcome;
  state.contactHead[i] = (head + 1) % CONTACT_SLOTS;
}


/** What problemTotals writes, by index. */
export const PROBLEM_TOTALS = { dropped1d: 0, dropped7d: 1, dropped30d: 2, buffering7d: 3, noSignal7d: 4, noSignal30d: 5, buffering1d: 6, noSignal1d: 7 } as const;

/**
 * One pass over the problem ring: dropped calls, buffering events and no-signal minutes over the
 * windows of PROBLEM_TOTALS, into `out` (length 8): many windows at the cost of one scan.
 */
export function problemTotals(state: SubscriberState, i: number, day: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let slot = i * PROBLEM_SLOTS, end = slot + PROBLEM_SLOTS; slot < end; slot++) {
    const age = day - state.problemDay[slot];
    if (age >= 30) continue;
    const dropped = state.problemDropped[slot];
    const noSignal = state.problemNoSignalMinutes[slot];
    out[2] += dropped;
    out[5] += noSignal;
    if (age >= 7) continue;
    out[1] += dropped;
    out[3] += state.problemBuffering[slot];
    out[4] += noSignal;
    if (age >= 1) continue;
    out[0] += dropped;
    out[6] += state.problemBuffering[slot];
    out[7] += noSignal;
  }
  return out;
}

/** One pass over the contact ring: [contacts 7d, contacts 30d, ignored 30d] into `out`. */
export function contactTotals(state: SubscriberState, i: number, day: number, ignored: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let slot = i * CONTACT_SLOTS, end = slot + CONTACT_SLOTS; slot < end; slot++) {
    const age = day - state.contactDay[slot];
    if (age >= 30) continue;
    out[1]++;
    if (state.contactOutcome[slot] === ignored) out[2]++;
    if (age < 7) out[0]++;
  }
  return out;
}

/** One pass over the contact ring: [outbound contacts 7d, outbound 30d, `channel` contacts 30d]. */
export function outboundTotals(state: SubscriberState, i: number, day: number, inbound: number, channel: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let slot = i * CONTACT_SLOTS, end = slot + CONTACT_SLOTS; slot < end; slot++) {
    const age = day - state.contactDay[slot];
    if (age >= 30) continue;
    const contactChannel = state.contactChannel[slot];
    if (contactChannel === channel) out[2]++;
    if (contactChannel === inbound) continue;
    out[1]++;
    if (age < 7) out[0]++;
  }
  return out;
}
