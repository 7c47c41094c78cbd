import type { LearningCurve, PolicyContext } from "../policy/policy.js";
import { PolicyError } from "../policy/policy-error.js";
import { hiddenLayer, outputProbability } from "./masked-network.js";
import type { PropensityModels } from "./propensity-models.js";

/**
 * Reads the models `prepare` returned, with one scratch hidden layer per network: the
 * acceptance probability of an action (its learned output, or its category's prior when the
 * log had too few of its contacts).
 */
export class PropensityScorer {
  models: PropensityModels;
  private readonly acceptanceHidden: Float64Array;
  private readonly churnHidden: Float64Array;
  /** The loaded row's p(leave within the attribution window | no action), by the churn model's arm 0 (uncalibrated). */
  private risk = 0;

  constructor(context: PolicyContext, policyName: string) {
    const models = context.prepared as PropensityModels | undefined;
    if (!models?.acceptance) throw new PolicyError(policyName, "create() needs the model trained by prepare(); run the policy through runReplicate (the CLI does)");
    if (models.acceptance.outputs !== context.actions.length) {
      throw new PolicyError(policyName, `the trained model has ${models.acceptance.outputs} actions, the run ${context.actions.length}`);
    }
    this.models = models;
    this.acceptanceHidden = new Float64Array(models.acceptance.hidden);
    this.churnHidden = new Float64Array(models.churn?.hidden ?? 0);
  }

  /** Scores with refitted models from now on (same shapes: a learning variant's refit). */
  replace(models: PropensityModels): void {
    this.models = models;
  }

  /** Loads row `row` of the features; call before `accept` and `churn` for that row. */
  load(features: Float32Array, row: number, withChurn: boolean): void {
    hiddenLayer(this.models.acceptance, features, row, this.acceptanceHidden);
    if (withChurn && this.models.churn) {
      hiddenLayer(this.models.churn, features, row, this.churnHidden);
      this.risk = outputProbability(this.models.churn, this.churnHidden, 0);
    }
  }

  accept(action: number): number {
    return this.models.acceptanceLearned[action] === 1 ? outputProbability(this.models.acceptance, this.acceptanceHidden, action) : this.models.acceptancePrior[action];
  }

  /** The churn uplift of `action`: p(leave | no action) - p(leave | action) = risk x (ratio[0] - ratio[action]) (relativeChurnEffects). */
  churnUplift(action: number): number {
    const ratio = this.models.churnRatio as Float64Array;
    return this.risk * (ratio[0] - ratio[action]);
  }

  /** The training log loss per epoch of the acceptance model (and of the churn model, as a second part). */
  learningCurve(): LearningCurve {
    const epochs = (loss: readonly number[]) => loss.map((_, k) => k + 1);
    const { acceptanceLoss, churnLoss } = this.models;
    if (!this.models.churn) return { xLabel: "epoch", yLabel: "log loss (history)", x: epochs(acceptanceLoss), y: [...acceptanceLoss] };
    return {
      xLabel: "epoch",
      yLabel: "log loss (history)",
      x: [...epochs(acceptanceLoss), ...epochs(churnLoss)],
      y: [...acceptanceLoss, ...churnLoss],
      parts: ["acceptance model", "churn model"],
    };
  }
}
