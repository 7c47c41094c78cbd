/**
 * Today's churn candidates: subscribers whose exact hazard was computed (their churn uniform
 * fell below a cheap upper bound, or they were contacted, or they must leave). Only they are
 * looked at by the churn draw; everyone else provably stays today.
 */
export interface ChurnCandidates {
  size: number;
  readonly subscriber: Int32Array;
  readonly listed: Uint8Array;
}

export function allocateChurnCandidates(count: number): ChurnCandidates {
  return { size: 0, subscriber: new Int32Array(count), listed: new Uint8Array(count) };
}

export function addCandidate(candidates: ChurnCandidates, i: number): void {
  if (candidates.listed[i] === 1) return;
  candidates.listed[i] = 1;
  candidates.subscriber[candidates.size++] = i;
}
