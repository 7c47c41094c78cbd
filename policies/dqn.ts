import type { PolicyDefinition } from "../src/policy/policy.js";
import type { Trainable } from "../src/policy/trainable.js";
import { dqnSettings } from "../src/learning/dqn-settings.js";
import { initialMlpWeights, mlpScratch, type MlpWeights } from "../src/learning/mlp.js";
import { mlpFromPayload } from "../src/learning/mlp-payload.js";
import { decideImprovingOn, decideOnQ } from "../src/learning/q-policy.js";
import { demonstratedDecisions } from "../src/learning/demonstrated-decisions.js";
import { trainDqn, trainDqnSession, type DqnModel } from "../src/learning/train-dqn.js";
import { rulesNba } from "./rules-nba.js";

/** What `create` gets: a model trained in `prepare`, or a network loaded from a model file. */
type Prepared = DqnModel | { readonly weights: MlpWeights; readonly curve?: undefined };

/** dqn trained once by `offersim train dqn`, and its model file read back for `--policies dqn=FILE`. */
const trainable: Trainable = {
  train: async (context, session) => (await trainDqnSession(context, dqnSettings(context.scenario.training), "dqn", session, rulesNba)).trained,
  load: (payload): Prepared => ({ weights: mlpFromPayload(payload) }),
};

/**
 * Deep Q-learning for the long run: trained before the evaluation in training worlds (double
 * DQN, replay, target network; reward = the objective's value of each contact, less the
 * objective's cost of a customer who leaves before the next decision), then greedy on its
 * Q-values without further learning. Without `prepare` (a bare simulation) it acts on an
 * untrained network drawn from its own stream.
 */
export const dqn: PolicyDefinition = {
  name: "dqn",
  relativeCost: 8,
  description: "Double DQN trained in simulation on training seeds: long-run value with churn and annoyance in the reward; greedy and frozen in evaluation.",
  prepare: (context) => trainDqn(context, dqnSettings(context.scenario.training), "dqn", rulesNba),
  trainable,
  create(context) {
    const model = context.prepared as Prepared | undefined;
    const settings = dqnSettings(context.scenario.training);
    const sizes = [context.featureNames.length, ...settings.hiddenSizes, context.actions.length];
    const weights = model?.weights ?? initialMlpWeights(sizes, context.random);
    const scratch = mlpScratch(weights.sizes);
    const threshold = settings.improvementThreshold;
    const demonstrations = threshold === null ? null : demonstratedDecisions(rulesNba, context);
    return {
      decide(batch, output) {
        if (demonstrations === null || threshold === null) return decideOnQ(weights, scratch, batch, output, 0, null);
        demonstrations.decide(batch);
        decideImprovingOn(weights, scratch, batch, output, demonstrations.chosen, threshold);
      },
      learningCurve: () => model?.curve ?? null,
    };
  },
};

export default dqn;
