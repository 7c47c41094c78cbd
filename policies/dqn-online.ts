import type { PolicyDefinition } from "../src/policy/policy.js";
import { dqnSettings } from "../src/learning/dqn-settings.js";
import { loadTensorFlowForTraining, tensorFlowForTrainingIfLoaded } from "../src/learning/tensorflow-backend.js";
import { createOnlineQPolicy } from "../src/learning/online-q-policy.js";
import { initialMlpWeights, type MlpWeights } from "../src/learning/mlp.js";
import { dqn, DQN_GUARDRAILS } from "./dqn.js";

/** Share of decisions on which dqn-online explores (uniformly over the eligible actions). */
export const DQN_ONLINE_EPSILON = 0.05;

/**
 * dqn that goes on learning in the evaluation: trained as dqn (or loaded from a dqn model file,
 * `--policies dqn-online=FILE`), then epsilon-greedy with 5 % exploration, exact propensities,
 * and double-DQN updates from its own feedback after each day. Not in the default set of
 * policies: name it in --policies beside dqn to compare frozen and learning.
 */
export const dqnOnline: PolicyDefinition = {
  name: "dqn-online",
  relativeCost: 10,
  description: "dqn's trained network, then learning on during the evaluation from its own feedback: 5 % epsilon-greedy exploration with exact propensities, double-DQN updates after each day.",
  async prepare(context) {
    const model = await dqn.prepare!(context);
    await loadTensorFlowForTraining();
    return model;
  },
  trainable: {
    ...dqn.trainable!,
    async prepareLoaded(loaded) {
      await loadTensorFlowForTraining();
      return loaded;
    },
  },
  create(context) {
    const tf = tensorFlowForTrainingIfLoaded();
    if (!tf) throw new Error("dqn-online learns with TensorFlow.js, which its prepare loads: run it through runReplicate or offersim run (prepare first)");
    const settings = dqnSettings(context.scenario.training);
    const prepared = context.prepared as { weights: MlpWeights } | undefined;
    const initial = prepared?.weights ?? initialMlpWeights([context.featureNames.length, ...settings.hiddenSizes, context.actions.length], context.random);
    return createOnlineQPolicy(tf, context, initial, settings, DQN_ONLINE_EPSILON, DQN_GUARDRAILS);
  },
};

export default dqnOnline;
