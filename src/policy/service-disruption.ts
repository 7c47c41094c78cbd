import { FEATURE_INDEX as F } from "../world/observation/observe.js";

/** Dropped calls and buffering events in 7 days that make a service disruption. */
const PROBLEMS_FOR_DISRUPTION = 3;
/** Hours without signal in 7 days that make a service disruption. */
const NO_SIGNAL_HOURS_FOR_DISRUPTION = 1;

/**
 * Whether the decision row whose features start at `offset` of `features` shows a service
 * disruption as the operator sees it: 3 dropped calls or buffering events, or an hour without
 * signal, in the last 7 days. The business rule the rule-based and NBA policies share: after
 * one, apologise or fix, and do not sell.
 */
export function inServiceDisruption(features: Float32Array, offset: number): boolean {
  return features[offset + F.droppedCalls7d] + features[offset + F.buffering7d] >= PROBLEMS_FOR_DISRUPTION || features[offset + F.noSignalHours7d] >= NO_SIGNAL_HOURS_FOR_DISRUPTION;
}

/**
 * Whether the row shows the account's other lines in trouble (the account view): 3 problems,
 * or an hour without signal, on the other lines in the last 7 days. A CVM team that sees the
 * account treats the holder as if the trouble were their own.
 */
export function otherLinesDisrupted(features: Float32Array, offset: number): boolean {
  return features[offset + F.otherLinesProblems7d] >= PROBLEMS_FOR_DISRUPTION || features[offset + F.otherLinesNoSignalHours7d] >= NO_SIGNAL_HOURS_FOR_DISRUPTION;
}
