import { CATEGORY_COUNT, OUTBOUND_CHANNEL_COUNT, type SubscriberState } from "../state/subscriber-state.js";
import { PROBLEM_TOTALS as P, problemTotals } from "../state/recent-history.js";
import { CATEGORIES, COMMERCIAL_CATEGORIES, MOMENT_OUTBOUND, OUTBOUND_CHANNELS } from "../../scenario/vocabulary.js";
import type { Offer } from "../../scenario/offer-schema.js";
import type { DecayTables } from "../state/decaying-levels.js";
import { needSignal } from "./need-signal.js";

const isCommercial = CATEGORIES.map((name) => COMMERCIAL_CATEGORIES.includes(name));
/** Half an hour without signal weighs like one dropped call in the context of an offer. */
const NO_SIGNAL_MINUTES_PER_PROBLEM = 30;
const problemScratch = new Float64Array(8);

/**
 * The context of one contact, as the response model sees it (computed once per contact and
 * shared by the acceptance, complaint and annoyance models).
 */
export interface ContactContext {
  need: number;
  affinity: number;
  /** Dropped calls, buffering events and half-hours without signal in the last day. */
  problemsLastDay: number;
  /** The same over the last 7 days. */
  problemsLastWeek: number;
  commercial: boolean;
  inbound: boolean;
  /** The person's latent preference for the offer's outbound channel (log-odds); 0 inbound. */
  channelPreference: number;
}

export function contactContext(state: SubscriberState, i: number, offer: Offer, category: number, moment: number, day: number, deviceDesire: number, tables: DecayTables, out: ContactContext): ContactContext {
  out.need = offer.eligibility.target === "churned" ? 0.5 : needSignal(state, i, category, day, deviceDesire, tables);
  out.affinity = state.affinity[i * CATEGORY_COUNT + category];
  const totals = problemTotals(state, i, day, problemScratch);
  out.problemsLastDay = totals[P.dropped1d] + totals[P.buffering1d] + totals[P.noSignal1d] / NO_SIGNAL_MINUTES_PER_PROBLEM;
  out.problemsLastWeek = totals[P.dropped7d] + totals[P.buffering7d] + totals[P.noSignal7d] / NO_SIGNAL_MINUTES_PER_PROBLEM;
  out.commercial = isCommercial[category];
  out.inbound = moment !== MOMENT_OUTBOUND;
  const channel = (OUTBOUND_CHANNELS as readonly string[]).indexOf(offer.channel);
  out.channelPreference = channel < 0 ? 0 : state.channelPreference[i * OUTBOUND_CHANNEL_COUNT + channel];
  return out;
}
