import type { PolicyDefinition, PrepareContext } from "../src/policy/policy.js";
import { SILENT_TRAINING, type Trainable, type TrainedModel, type TrainingSession } from "../src/policy/trainable.js";
import { dqnSettings, type DqnSettings } from "../src/learning/dqn-settings.js";
import type { Guardrails } from "../src/learning/guardrails.js";
import { guardrailsInRun } from "../src/learning/guardrails.js";
import { initialMlpWeights, mlpScratch, type MlpWeights } from "../src/learning/mlp.js";
import { mlpFromPayload } from "../src/learning/mlp-payload.js";
import { decideOnQ } from "../src/learning/q-policy.js";
import { trainDqnSession, type DqnModel } from "../src/learning/train-dqn.js";
import { propensityNba } from "./propensity-nba.js";
import { rulesNba } from "./rules-nba.js";

/**
 * dqn's business guardrails: care, payments, lifecycle (onboarding, renewal, moving house,
 * device) and retention follow rules-nba wherever rules-nba acts in them; the agent decides the
 * rest (sales: upsell, roaming, referral; winback; and when to do nothing).
 */
export const DQN_GUARDRAILS: Guardrails = {
  rules: rulesNba,
  programs: ["proactive-service", "payments", "retention", "renewal", "onboarding", "loyalty", "moving-house", "device"],
};

/** dqn's teacher: its models are trained first, in a training world, then it demonstrates. */
export const DQN_DEMONSTRATOR: PolicyDefinition = propensityNba;

/**
 * dqn's training: DQN_DEMONSTRATOR demonstrating, inside DQN_GUARDRAILS; `settings` default to
 * the scenario's training budget (`demonstrator` is replaced only to instrument it: the bench).
 */
export function trainDqnAgent(
  context: PrepareContext,
  settings: DqnSettings = dqnSettings(context.scenario.training),
  session: TrainingSession = SILENT_TRAINING,
  demonstrator: PolicyDefinition = DQN_DEMONSTRATOR,
): Promise<{ model: DqnModel; trained: TrainedModel }> {
  return trainDqnSession(context, settings, "dqn", session, demonstrator, DQN_GUARDRAILS);
}

/** What `create` gets: a model trained in `prepare`, or a network loaded from a model file. */
type Prepared = DqnModel | { readonly weights: MlpWeights; readonly curve?: undefined };

/** dqn trained once by `offersim train dqn`, and its model file read back for `--policies dqn=FILE`. */
const trainable: Trainable = {
  train: async (context, session) => (await trainDqnAgent(context, undefined, session)).trained,
  load: (payload): Prepared => ({ weights: mlpFromPayload(payload) }),
};

/**
 * Deep Q-learning for the long run, from demonstrations (DQfD), inside business guardrails:
 * trained before the evaluation in training worlds (double DQN, replay, target network;
 * reward = the objective's value of each contact, less the objective's cost of a customer who
 * leaves before the next decision), the first half of the episodes run by propensity-nba (its
 * models trained first, in the training world) with 20 % exploration and a large-margin loss
 * toward propensity-nba's action beside the TD loss; then greedy on its Q-values without further
 * learning. In training and in evaluation, rules-nba's actions in the reserved programs
 * (DQN_GUARDRAILS) stand. Without `prepare` (a bare simulation) it acts on an untrained network
 * drawn from its own stream.
 */
export const dqn: PolicyDefinition = {
  name: "dqn",
  relativeCost: 10,
  description: "Double DQN trained in simulation on training seeds from propensity-nba's demonstrations (DQfD), inside rules-nba's guardrails for care, lifecycle and retention: long-run value with churn and annoyance in the reward; greedy and frozen in evaluation.",
  prepare: async (context) => (await trainDqnAgent(context)).model,
  trainable,
  create(context) {
    const model = context.prepared as Prepared | undefined;
    const sizes = [context.featureNames.length, ...dqnSettings(context.scenario.training).hiddenSizes, context.actions.length];
    const weights = model?.weights ?? initialMlpWeights(sizes, context.random);
    const scratch = mlpScratch(weights.sizes);
    const guard = guardrailsInRun(DQN_GUARDRAILS, context);
    return {
      decide(batch, output) {
        decideOnQ(weights, scratch, batch, output, 0, null);
        guard.apply(batch, output);
      },
      learningCurve: () => model?.curve ?? null,
    };
  },
};

export default dqn;
