/**
 * A logged bandit dataset in the Open Bandit Pipeline's shape, as plain typed arrays: row i is
 * one decision (OBP's round), taken by the logging policy. The off-policy estimators read it
 * together with the evaluation (target) policy's action distribution and, for DM and the
 * doubly robust family, a reward model's predictions, both `rounds x actionCount` row-major
 * Float64Arrays (OBP's `action_dist` and `estimated_rewards_by_reg_model` without their
 * trailing position axis: offersim decides one action per decision moment).
 */
export interface LoggedDataset {
  /** Number of logged decisions n. */
  readonly rounds: number;
  /** Number of actions K (action 0 is "no action" in offersim's logs). */
  readonly actionCount: number;
  /** The action taken per row, 0..K-1. */
  readonly action: Int32Array;
  /** The observed reward per row. */
  readonly reward: Float64Array;
  /** The logging policy's probability of the action it took (OBP's pscore), in (0, 1]. */
  readonly pscore: Float64Array;
  /** Who the decision was about (the subscriber): the bootstrap resamples these clusters. */
  readonly cluster: Int32Array;
  /** Number of context features per row (may be 0). */
  readonly featureCount: number;
  /** rounds x featureCount observable features, for the reward model. */
  readonly features: Float64Array;
  /** The logging policy's whole distribution, rounds x actionCount, when it was logged. */
  readonly loggingDistribution?: Float64Array;
}

/**
 * An n x K matrix row-major: the target policy's action distribution or a reward model's
 * predictions. Entry (i, a) is at `i * actionCount + a`.
 */
export type ActionMatrix = Float64Array;
