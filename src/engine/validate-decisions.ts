import { PolicyError } from "../policy/policy-error.js";
import type { DecisionOutput } from "../policy/policy.js";
import type { BatchSources } from "./decision-batch.js";
import { eligibleRow } from "./decision-batch.js";
import type { DecisionMoments } from "./decision-moments.js";

const SUM_TOLERANCE = 1e-6;

/**
 * Checks a policy's answer for every row: probabilities finite and non-negative, summing to 1,
 * zero on ineligible actions, and the chosen action given positive probability. Eligibility is
 * computed only for rows that put probability on some action other than "no action", unless
 * the policy already asked for the full matrix.
 */
export function validateDecisions(
  policyName: string,
  output: DecisionOutput,
  moments: DecisionMoments,
  sources: BatchSources,
  day: number,
  eligibility: Uint8Array,
  eligibilityReady: boolean,
  rowScratch: Uint8Array,
): void {
  const actionCount = sources.catalogue.actions.length;
  const { probabilities, chosen } = output;
  for (let row = 0; row < moments.size; row++) {
    const offset = row * actionCount;
    let sum = probabilities[offset];
    let invalid = !(sum >= 0);
    let needsEligibility = false;
    for (let a = 1; a < actionCount; a++) {
      const p = probabilities[offset + a];
      if (p !== 0) {
        needsEligibility = true;
        if (!(p > 0)) invalid = true;
      }
      sum += p;
    }
    if (invalid || !Number.isFinite(sum)) fail(policyName, day, row, `probabilities must be finite and >= 0, got [${Array.from(probabilities.subarray(offset, offset + actionCount)).join(", ")}]`);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(policyName, day, row, `probabilities sum to ${sum}, expected 1`);
    const action = chosen[row];
    if (!Number.isInteger(action) || action < 0 || action >= actionCount) fail(policyName, day, row, `chose action ${action}, expected an index from 0 to ${actionCount - 1}`);
    if (!(probabilities[offset + action] > 0)) fail(policyName, day, row, `chose action ${action} ("${sources.catalogue.actions[action].id}") with probability 0`);
    if (!needsEligibility) continue;
    let flags = eligibility;
    let flagOffset = offset;
    if (!eligibilityReady) {
      eligibleRow(sources, moments, row, day, rowScratch, 0);
      flags = rowScratch;
      flagOffset = 0;
    }
    for (let a = 1; a < actionCount; a++) {
      if (probabilities[offset + a] > 0 && flags[flagOffset + a] === 0) {
        fail(policyName, day, row, `gave probability ${probabilities[offset + a]} to ineligible action "${sources.catalogue.actions[a].id}"`);
      }
    }
  }
}

function fail(policy: string, day: number, row: number, message: string): never {
  throw new PolicyError(policy, `day ${day}, decision ${row}: ${message}`);
}
