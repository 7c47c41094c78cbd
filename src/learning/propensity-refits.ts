import type { DecisionBatch, FeedbackBatch, LearningCurve, PolicyContext } from "../policy/policy.js";
import { PolicyError } from "../policy/policy-error.js";
import { fitPropensityModels, type PropensityModels, type PropensityModelsWithHistory } from "./propensity-models.js";
import type { DecisionLog } from "../log/decision-log.js";
import { loadedTensorFlowForTraining } from "./tensorflow-backend.js";
import type { PropensityScorer } from "./propensity-scorer.js";
import type { NewOfferExploration } from "./new-offer-exploration.js";

/** The learning variants refit their models every this many days of the run. */
export const REFIT_EVERY_DAYS = 30;
/** ...and explore: this share of decisions is a uniform draw over the eligible actions (withExploration). */
export const LEARNING_EXPLORATION = 0.05;

/**
 * Learning that goes on: the run's own decisions join the history the models were trained on,
 * and every REFIT_EVERY_DAYS days the models are fitted again on the whole (the same networks
 * and caps as in `prepare`: a uniform subsample of at most MAX_ACCEPTANCE_ROWS contacts and MAX_CHURN_ROWS decisions, so the run's
 * rows weigh in as they accumulate). A decision is logged with its features when it is made and
 * completed by the feedback (the action actually taken, after any exploration, its outcome,
 * and the subscriber's churn); its churn label is known once its attribution window has closed
 * before the refit. The policy's decisions depend only on what it observes and its own draws,
 * so its log is as unconfounded as the exploring history, only less spread over the actions:
 * the exploration (LEARNING_EXPLORATION) keeps every eligible action possible.
 */
export class PropensityRefits {
  private readonly history: DecisionLog;
  private readonly firstOwnRow: number;
  /** Evaluation subscribers are logged as `subscriber + idOffset`, apart from the training world's. */
  private readonly idOffset: number;
  private rows = new Int32Array(1024);
  private leavers = new Int32Array(64);
  /** The run's decisions keep no distribution in the history (the layout has none). */
  private readonly noDistribution = new Float64Array(0);
  private readonly refitDays: number[] = [0];
  private readonly acceptanceLoss: number[];
  private readonly churnLoss: number[];

  constructor(
    private readonly context: PolicyContext,
    private readonly uplift: boolean,
    private readonly onRefit: (models: PropensityModels) => void,
    policyName: string,
  ) {
    const prepared = context.prepared as PropensityModelsWithHistory | undefined;
    if (!prepared?.history) throw new PolicyError(policyName, "create() needs the history kept by prepare(); run the policy through runReplicate (the CLI does)");
    this.history = prepared.history;
    this.firstOwnRow = this.history.size;
    let subscribers = 0;
    for (let row = 0; row < this.history.size; row++) subscribers = Math.max(subscribers, this.history.subscriber[row] + 1);
    this.idOffset = subscribers;
    this.acceptanceLoss = [last(prepared.acceptanceLoss)];
    this.churnLoss = uplift ? [last(prepared.churnLoss)] : [];
  }

  /** Logs the day's decisions (their features); call from `decide`. */
  record(batch: DecisionBatch): void {
    if (this.rows.length < batch.size) this.rows = new Int32Array(batch.size * 2);
    this.history.stageDay(batch.features(), batch.eligibility(), this.noDistribution, null, batch.size);
    // The action, outcome and money come with the feedback (observe); the ground-truth columns stay unknown.
    for (let row = 0; row < batch.size; row++) {
      this.rows[row] = this.history.record(row, batch.day, batch.subscriber[row] + this.idOffset, batch.moment[row], 0, Number.NaN, 0, 0, 0, Number.NaN, Number.NaN);
    }
  }

  /** Completes the day's rows with what happened, and refits when the day ends a refit period. */
  observe(feedback: FeedbackBatch): void {
    const history = this.history;
    for (let row = 0; row < feedback.size; row++) {
      const logged = this.rows[row];
      history.action[logged] = feedback.action[row];
      history.recordOutcome(logged, feedback.outcome[row], feedback.reward[row], feedback.value[row]);
    }
    if (this.leavers.length < feedback.churned.length) this.leavers = new Int32Array(feedback.churned.length * 2);
    for (let k = 0; k < feedback.churned.length; k++) this.leavers[k] = feedback.churned[k] + this.idOffset;
    history.recordChurn(feedback.day, this.leavers, feedback.churned.length);
    const dayEnded = feedback.day + 1;
    if (dayEnded % REFIT_EVERY_DAYS === 0 && dayEnded < this.context.scenario.horizonDays) this.refit(dayEnded);
  }

  /** Fits the models again on the history and the run's decisions so far. */
  refit(endDay: number): void {
    // The run's rows whose attribution window has not closed before the refit day are censored (churn label unknown).
    const window = this.context.scenario.objective.attributionDays;
    for (let row = this.firstOwnRow; row < this.history.size; row++) this.history.censored[row] = this.history.day[row] + window >= endDay ? 1 : 0;
    const models = fitPropensityModels(loadedTensorFlowForTraining(), this.history, this.context.actions, this.context.objective.revenue, this.uplift, this.context.random);
    this.refitDays.push(endDay);
    this.acceptanceLoss.push(last(models.acceptanceLoss));
    if (this.uplift) this.churnLoss.push(last(models.churnLoss));
    const prepared = this.context.prepared as PropensityModels;
    this.onRefit({ ...models, historyRows: this.history.size, trainingSeconds: prepared.trainingSeconds });
  }

  /** Rows the run has logged so far (its own decisions). */
  get ownRows(): number {
    return this.history.size - this.firstOwnRow;
  }

  /** The final-epoch training log loss of each fit, by the day it was made (0: prepare). */
  learningCurve(): LearningCurve {
    const days = [...this.refitDays];
    if (!this.uplift) return { xLabel: "day of fit", yLabel: "log loss (training rows)", x: days, y: [...this.acceptanceLoss] };
    return { xLabel: "day of fit", yLabel: "log loss (training rows)", x: [...days, ...days], y: [...this.acceptanceLoss, ...this.churnLoss], parts: ["acceptance model", "churn model"] };
  }
}

function last(values: readonly number[]): number {
  return values.length > 0 ? values[values.length - 1] : Number.NaN;
}

/**
 * The refits of a propensity policy's learning variant (null when it is frozen): each refit
 * replaces the scorer's models, lets the policy re-price its offers (`price`), and graduates
 * the offers the new history has learned out of new-offer exploration.
 */
export function propensityRefitsFor(
  learning: boolean,
  context: PolicyContext,
  uplift: boolean,
  policyName: string,
  parts: { readonly scorer: PropensityScorer; readonly explorer: NewOfferExploration; readonly price: () => void },
): PropensityRefits | null {
  if (!learning) return null;
  return new PropensityRefits(
    context,
    uplift,
    (models) => {
      parts.scorer.replace(models);
      parts.price();
      parts.explorer.graduate(models.acceptanceLearned);
    },
    policyName,
  );
}

