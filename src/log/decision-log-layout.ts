/**
 * The shape of a run's logged-decision record: what the columns are named, how many feature and
 * action columns there are, and how long a decision is answerable for a subscriber's leaving.
 * Plain data; the engine builds it from the scenario, the log knows nothing of the world.
 */
export interface DecisionLogLayout {
  /** One feature column per name, in the order of the feature rows the engine hands in. */
  readonly featureNames: readonly string[];
  /** Action ids in catalogue order ("no action" first): eligibility, distribution and value columns. */
  readonly actionIds: readonly string[];
  /** Decision-moment names by code. */
  readonly momentNames: readonly string[];
  /** Outcome names by code. */
  readonly outcomeNames: readonly string[];
  /** A subscriber who leaves within this many days after a decision (the decision's day included) counts as churned for it. */
  readonly attributionDays: number;
  /** The run's last day + 1: a decision whose window reaches it is censored. */
  readonly horizonDays: number;
  /** Keep the policy's whole action distribution (one column per action), not only the taken action's propensity. */
  readonly distribution: boolean;
  /** Keep the world's expected value of every eligible action (the oracle's view; NaN when ineligible). */
  readonly expectedValues: boolean;
}
