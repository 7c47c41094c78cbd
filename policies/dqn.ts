import type { PolicyDefinition } from "../src/policy/policy.js";
import type { Trainable } from "../src/policy/trainable.js";
import { dqnSettings } from "../src/learning/dqn-settings.js";
import { initialMlpWeights, mlpScratch, type MlpWeights } from "../src/learning/mlp.js";
import { mlpFromPayload } from "../src/learning/mlp-payload.js";
import { decideOnQ } from "../src/learning/q-policy.js";
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
 * Deep Q-learning for the long run, from demonstrations (DQfD): trained before the evaluation in
 * training worlds (double DQN, replay, target network; reward = the objective's value of each
 * contact, less the objective's cost of a customer who leaves before the next decision), the
 * first half of the episodes run by rules-nba with 20 % exploration and a large-margin loss
 * toward rules-nba's action beside the TD loss; then greedy on its Q-values without further
 * learning. Without `prepare` (a bare simulation) it acts on an untrained network drawn from
 * its own stream.
 */
export const dqn: PolicyDefinition = {
  name: "dqn",
  relativeCost: 8,
  description: "Double DQN trained in simulation on training seeds from rules-nba's demonstrations (DQfD): long-run value with churn and annoyance in the reward; greedy and frozen in evaluation.",
  prepare: (context) => trainDqn(context, dqnSettings(context.scenario.training), "dqn", rulesNba),
  trainable,
  create(context) {
    const model = context.prepared as Prepared | undefined;
    const sizes = [context.featureNames.length, ...dqnSettings(context.scenario.training).hiddenSizes, context.actions.length];
    const weights = model?.weights ?? initialMlpWeights(sizes, context.random);
    const scratch = mlpScratch(weights.sizes);
    return {
      decide: (batch, output) => decideOnQ(weights, scratch, batch, output, 0, null),
      learningCurve: () => model?.curve ?? null,
    };
  },
};

export default dqn;
