import type { Category, Channel, Program } from "../scenario/vocabulary.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { RandomStream } from "../random/random-stream.js";
import type { ObjectiveWeights } from "../scenario/objective-schema.js";
import type { LearningCurve } from "../results/learning-curve.js";
import type { PriorExperience } from "../results/replicate-result.js";
import type { Trainable } from "./trainable.js";

export type { LearningCurve } from "../results/learning-curve.js";

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
  /**
   * The scenario's objective for the contact (see `objective` in the scenario): the revenue
   * weight times `reward`, less the annoyance it added and any complaint or opt-out, priced by
   * the objective's weights. 0 for no action.
   */
  readonly value: Float64Array;
  /** Subscribers who left today (voluntary or not), whether or not decided on today. */
  readonly churned: Int32Array;
  /**
   * Per entry of `churned`: what losing the customer costs in the objective (the retained-value
   * weight times a year of the customer's margin at the current price). A learner charges it to
   * its decisions on that customer in the last `objective.attributionDays` days.
   */
  readonly churnedValue: Float64Array;
}

/** What both `create` and `prepare` are given about the run. */
export interface RunDescription {
  readonly scenario: Scenario;
  readonly actions: readonly ActionInfo[];
  readonly featureNames: readonly string[];
  /** The objective's weights (scenario `objective`, preset and overrides). */
  readonly objective: ObjectiveWeights;
}

/** What a policy is given when it is created. */
export interface PolicyContext extends RunDescription {
  readonly subscriberCount: number;
  /** The policy's own random stream (`.../policy:NAME`), independent of the world's. */
  readonly random: RandomStream;
  /** What the definition's `prepare` returned for this replicate (a trained model), else undefined. */
  readonly prepared?: unknown;
  /**
   * The world's true models, for privileged reference policies only (the definition sets
   * `privileged: true`). A policy that competes fairly never gets it.
   */
  readonly world?: WorldView;
}

/** The latent side of the world, given only to reference policies such as the oracle. */
export interface WorldView {
  /**
   * Expected value, over `horizonDays`, of taking `action` at decision row `row` of the current
   * batch, relative to taking no action, in the objective's money: the deal, the costs, the
   * change in the chance that the customer stays, and the annoyance and bad experience.
   */
  expectedValue(batch: DecisionBatch, row: number, action: number, horizonDays: number): number;
}

/** What `prepare` gets: the scenario, and training simulations on seeds apart from the evaluation's. */
export interface PrepareContext extends RunDescription {
  /** The evaluation replicate this preparation is for. */
  readonly replicate: number;
  /** Its own stream (`.../policy:NAME/prepare`). */
  readonly random: RandomStream;
  /**
   * Runs `behaviour` in a training world: the scenario's catalogue and parameters, its kinds of
   * scheduled events at times drawn per training seed (none when it schedules none), at most `training.maxSubscribers` subscribers (fewer with `options.maxSubscribers`),
   * on training seed `episode` (streams `replicate:1000000+...`, never an evaluation seed).
   * Returns the whole-base KPIs.
   */
  simulateTraining(behaviour: PolicyDefinition, days: number, episode: number, options?: TrainingOptions): TrainingRun;
  /**
   * Counts experience gained outside `simulateTraining` (a model trained earlier and loaded from
   * its file) in the policy's training experience, which results.json reports; what
   * `simulateTraining` simulates is counted without it.
   */
  countExperience(experience: PriorExperience): void;
}

export interface TrainingOptions {
  /** A lower cap on the training world's subscribers than `training.maxSubscribers`. */
  readonly maxSubscribers?: number;
}

export interface TrainingRun {
  readonly netValuePerSub: number;
  readonly churnRateMonthly: number;
  /** Subscriber-days simulated and decisions asked of the behaviour. */
  readonly customerDays: number;
  readonly decisions: number;
}

export interface Policy {
  decide(batch: DecisionBatch, output: DecisionOutput): void;
  feedback?(feedback: FeedbackBatch): void;
  /** How it learned, read once at the end of the run (results.json `learningCurve`). */
  learningCurve?(): LearningCurve | null;
  /**
   * A policy with an uplift model says what it believes `action` does to the customer at row
   * `row` of the current batch: the drop in the chance of leaving within
   * `objective.attributionDays` (positive: the contact keeps the customer), or NaN when it has no
   * estimate. The engine holds these against the world's true uplift on a sample of days
   * (results.json `upliftAudit`); it is asked before `decide` on those days.
   */
  estimateChurnUplift?(batch: DecisionBatch, row: number, action: number): number;
}

/** A policy module: what `--policies NAME` or a user's file provides. */
export interface PolicyDefinition {
  readonly name: string;
  readonly description: string;
  create(context: PolicyContext): Policy;
  /** Offline work before the evaluation of a replicate (training); its result is `context.prepared`. */
  prepare?(context: PrepareContext): Promise<unknown>;
  /**
   * Learning policies that can be trained once (`offersim train NAME`) and evaluated many times
   * from the model file (`--policies NAME=FILE`) set this; see Trainable.
   */
  readonly trainable?: Trainable;
  /** Reference policies that see the latent world (the oracle) set this; they get `context.world`. */
  readonly privileged?: boolean;
  /**
   * Rough time of one task relative to no-contact's (1), training included; only the order in
   * which the worker pool starts tasks uses it (slowest first). Leave it out when unknown: an
   * unknown policy is started before every policy with a hint.
   */
  readonly relativeCost?: number;
}
