import type { DecisionBatch } from "../policy/policy.js";
import type { SubscriberState } from "../world/state/subscriber-state.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { ActionCatalogue } from "./action-catalogue.js";
import type { DecisionMoments } from "./decision-moments.js";
import type { DecisionWorkspace } from "./decision-workspace.js";
import { eligibleActions } from "./eligibility.js";
import { FEATURE_COUNT, FEATURE_NAMES, writeFeatures } from "../world/observation/observe.js";
import type { WorldParams } from "../world/params/world-params.js";

/** What the batch builder needs besides the day's moments. */
export interface BatchSources {
  readonly state: SubscriberState;
  readonly scenario: Scenario;
  readonly params: WorldParams;
  readonly catalogue: ActionCatalogue;
  readonly budgetLeft: Float64Array;
}

/**
 * The policy's view of today's decisions. Features and eligibility are filled on first call
 * (into the workspace's reused buffers); `eligibilityReady` tells the validator whether the
 * full matrix exists. The policy gets copies of everything the engine relies on afterwards
 * (subscribers, moments, eligibility), so that it cannot change what is validated or resolved.
 */
export function createDecisionBatch(sources: BatchSources, moments: DecisionMoments, workspace: DecisionWorkspace, day: number) {
  const size = moments.size;
  const actionCount = sources.catalogue.actions.length;
  let featuresReady = false;
  let eligibilityReady = false;
  let eligibilityCopy: Uint8Array | null = null;
  const batch: DecisionBatch & { readonly eligibilityReady: boolean } = {
    day,
    size,
    subscriber: moments.subscriber.slice(0, size),
    moment: moments.kind.slice(0, size),
    actions: sources.catalogue.actions,
    featureNames: FEATURE_NAMES,
    features() {
      const out = workspace.features.subarray(0, size * FEATURE_COUNT);
      if (!featuresReady) {
        for (let row = 0; row < size; row++) {
          writeFeatures(sources.state, moments.subscriber[row], moments.kind[row], day, sources.params, out, row * FEATURE_COUNT);
        }
        featuresReady = true;
      }
      return out;
    },
    eligibility() {
      if (eligibilityCopy) return eligibilityCopy;
      const out = workspace.eligibility.subarray(0, size * actionCount);
      for (let row = 0; row < size; row++) eligibleRow(sources, moments, row, day, out, row * actionCount);
      eligibilityReady = true;
      eligibilityCopy = out.slice();
      return eligibilityCopy;
    },
    get eligibilityReady() {
      return eligibilityReady;
    },
  };
  return batch;
}

/** Writes the eligibility flags of one decision row. */
export function eligibleRow(sources: BatchSources, moments: DecisionMoments, row: number, day: number, out: Uint8Array, offset: number): void {
  eligibleActions(sources.state, moments.subscriber[row], moments.kind[row], day, sources.catalogue, sources.scenario, sources.budgetLeft, out, offset);
}
