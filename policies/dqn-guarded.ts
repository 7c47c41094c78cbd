import type { DecisionOutput, PolicyDefinition } from "../src/policy/policy.js";
import type { Trainable } from "../src/policy/trainable.js";
import { withExploration } from "../src/policy/with-exploration.js";
import { dqnSettings } from "../src/learning/dqn-settings.js";
import { initialMlpWeights, maskedArgmax, mlpForward, mlpScratch, type MlpWeights } from "../src/learning/mlp.js";
import { mlpFromPayload } from "../src/learning/mlp-payload.js";
import { trainDqn, trainDqnSession } from "../src/learning/train-dqn.js";
import { rulesNba } from "./rules-nba.js";

/** Share of training decisions on which the rules' choice is replaced by a uniform eligible action. */
const TRAINING_EXPLORATION = 0.2;
/** Q advantage (in reward units: money / rewardScale) an action needs over the rules' choice to replace it. */
export const GUARD_MARGIN = 0.2;

const behaviour = withExploration(rulesNba, { epsilon: TRAINING_EXPLORATION });

const trainable: Trainable = {
  train: async (context, session) => (await trainDqnSession(context, dqnSettings(context.scenario.training), "dqn-guarded", session, behaviour)).trained,
  load: (payload) => ({ weights: mlpFromPayload(payload) }),
};

/**
 * Safe policy improvement over the business rules: a double DQN trained off-policy on what
 * rules-nba (with 20 % uniform exploration) does in the training worlds; in the evaluation it
 * takes rules-nba's action unless another eligible action's Q exceeds it by GUARD_MARGIN.
 */
export const dqnGuarded: PolicyDefinition = {
  name: "dqn-guarded",
  relativeCost: 9,
  description: "Double DQN trained off-policy on rules-nba with 20 % exploration; follows rules-nba unless its Q-values see a clearly better action.",
  prepare: (context) => trainDqn(context, dqnSettings(context.scenario.training), "dqn-guarded", behaviour),
  trainable,
  create(context) {
    const prepared = context.prepared as { weights: MlpWeights; curve?: unknown } | undefined;
    const sizes = [context.featureNames.length, ...dqnSettings(context.scenario.training).hiddenSizes, context.actions.length];
    const weights = prepared?.weights ?? initialMlpWeights(sizes, context.random);
    const scratch = mlpScratch(weights.sizes);
    const rules = rulesNba.create(context);
    const actionCount = context.actions.length;
    let inner: DecisionOutput = { probabilities: new Float64Array(0), chosen: new Int32Array(0) };
    return {
      decide(batch, output) {
        if (inner.chosen.length < batch.size) inner = { probabilities: new Float64Array(batch.size * actionCount * 2), chosen: new Int32Array(batch.size * 2) };
        inner.probabilities.fill(0, 0, batch.size * actionCount);
        rules.decide(batch, inner);
        const features = batch.features();
        const eligible = batch.eligibility();
        const d = batch.featureNames.length;
        for (let row = 0; row < batch.size; row++) {
          const ruled = inner.chosen[row];
          const q = mlpForward(weights, features, row * d, scratch);
          const best = maskedArgmax(q, eligible, row * actionCount);
          const take = q[best] - q[ruled] > GUARD_MARGIN ? best : ruled;
          output.probabilities[row * actionCount + take] = 1;
          output.chosen[row] = take;
        }
      },
      feedback: (feedback) => rules.feedback?.(feedback),
      learningCurve: () => (prepared as { curve?: import("../src/policy/policy.js").LearningCurve } | undefined)?.curve ?? null,
    };
  },
};

export default dqnGuarded;
