import type { Category, Channel, Program } from "../scenario/vocabulary.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { RandomStream } from "../random/random-stream.js";

/** One action a policy can choose. Action 0 is always "no action". */
export interface ActionInfo {
  readonly index: number;
  readonly id: string;
  readonly program: Program | null;
  readonly category: Category | null;
  readonly channel: Channel | null;
  readonly price: number;
  readonly priceMonths: number;
  readonly discount: number;
  readonly discountMonths: number;
  readonly cost: number;
  readonly contactCost: number;
  readonly contractMonths: number;
  readonly targetsChurned: boolean;
}

/**
 * The decisions of one simulated day, as one batch. Row r is one decision moment of subscriber
 * `subscriber[r]`. Features and eligibility are matrices with one row per decision; both are
 * computed on first use, so a policy that needs neither pays for neither.
 */
export interface DecisionBatch {
  readonly day: number;
  readonly size: number;
  readonly subscriber: Int32Array;
  /** Moment kind per row: index into MOMENT_KINDS (care-call, ..., outbound-slot). */
  readonly moment: Uint8Array;
  readonly actions: readonly ActionInfo[];
  readonly featureNames: readonly string[];
  /** size x featureNames.length observable features. */
  features(): Float32Array;
  /** size x actions.length: 1 where the action may be taken, always 1 for action 0. */
  eligibility(): Uint8Array;
}

/** Where a policy writes its answer: a distribution per row and the action it chose. */
export interface DecisionOutput {
  /** size x actions.length, zero-filled before decide(); each row must sum to 1. */
  readonly probabilities: Float64Array;
  /** The chosen action per row; it must have probability > 0. */
  readonly chosen: Int32Array;
}

/** What happened after the day's decisions; rows match the decision batch. */
export interface FeedbackBatch {
  readonly day: number;
  readonly size: number;
  readonly subscriber: Int32Array;
  readonly action: Int32Array;
  /** Index into OUTCOMES. */
  readonly outcome: Uint8Array;
  /**
   * Money of the contact: minus the contact cost, plus on an acceptance the deal's value over its
   * term, at most a year (price and discount times their months, for good counting 12), minus the
   * offer's one-off cost. Churn avoided is not in it: see `churned`.
   */
  readonly reward: Float64Array;
  /** Subscribers who left today (voluntary or not), whether or not decided on today. */
  readonly churned: Int32Array;
}

/** What a policy is given when it is created. */
export interface PolicyContext {
  readonly scenario: Scenario;
  readonly actions: readonly ActionInfo[];
  readonly featureNames: readonly string[];
  readonly subscriberCount: number;
  /** The policy's own random stream (`.../policy:NAME`), independent of the world's. */
  readonly random: RandomStream;
}

export interface Policy {
  decide(batch: DecisionBatch, output: DecisionOutput): void;
  feedback?(feedback: FeedbackBatch): void;
}

/** A policy module: what `--policies NAME` or a user's file provides. */
export interface PolicyDefinition {
  readonly name: string;
  readonly description: string;
  create(context: PolicyContext): Policy;
}
