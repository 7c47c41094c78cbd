import { describe, expect, it } from "vitest";
import { createOnlineQPolicy } from "../../src/learning/online-q-policy.js";
import { loadTensorFlowForTraining } from "../../src/learning/tensorflow-backend.js";
import type { DqnSettings } from "../../src/learning/dqn-settings.js";
import { initialMlpWeights } from "../../src/learning/mlp.js";
import { createStream } from "../../src/random/random-stream.js";
import type { DecisionBatch, Policy, PolicyDefinition } from "../../src/policy/policy.js";
import { bestActions, simulateTiny, TINY_ACTIONS, TINY_ELIGIBLE, TINY_FEATURES, TINY_STATES, tinyFeatures, tinyOptimalQ, tinyPrepareContext, TINY_DQN_SETTINGS } from "./tiny-mdp.js";

const SETTINGS: DqnSettings = { ...TINY_DQN_SETTINGS, episodes: 1, episodeDays: 150, epsilonStart: 0.3, epsilonEnd: 0.3 };
const EPSILON = 0.3;

/** The greedy action and the propensities the policy reports, for one customer in each state. */
function probe(policy: Policy, actions: ReturnType<typeof tinyPrepareContext>["actions"]): { greedy: number[]; probabilities: number[][] } {
  const size = TINY_STATES.length;
  const features = new Float32Array(size * TINY_FEATURES.length);
  const eligible = new Uint8Array(size * actions.length);
  TINY_STATES.forEach((_, s) => {
    features.set(tinyFeatures(s), s * TINY_FEATURES.length);
    for (const a of TINY_ELIGIBLE[s]) eligible[s * actions.length + a] = 1;
  });
  const batch: DecisionBatch = { day: 0, size, subscriber: Int32Array.from({ length: size }, (_, s) => s), moment: new Uint8Array(size), actions, featureNames: TINY_FEATURES, features: () => features, eligibility: () => eligible };
  const output = { probabilities: new Float64Array(size * actions.length), chosen: new Int32Array(size) };
  policy.decide(batch, output);
  const probabilities = TINY_STATES.map((_, s) => Array.from(output.probabilities.subarray(s * actions.length, (s + 1) * actions.length)));
  return { greedy: probabilities.map((row) => row.indexOf(Math.max(...row))), probabilities };
}

describe("dqn-online: learning that goes on, from its own feedback", () => {
  it("starting from an untrained network, finds the tiny world's best policy while acting in it, reporting exact propensities", async () => {
    const tf = await loadTensorFlowForTraining();
    const context = tinyPrepareContext(7, SETTINGS.maxSubscribers);
    let policy: Policy | null = null;
    const definition: PolicyDefinition = {
      name: "online",
      description: "the online Q policy in the tiny world",
      create(policyContext) {
        policy = createOnlineQPolicy(tf, policyContext, initialMlpWeights([TINY_FEATURES.length, ...SETTINGS.hiddenSizes, TINY_ACTIONS.length], createStream(7, "init")), SETTINGS, EPSILON);
        return policy;
      },
    };
    simulateTiny(definition, SETTINGS.episodeDays, createStream(7, "tiny-online"), SETTINGS.maxSubscribers);
    const { greedy, probabilities } = probe(policy!, context.actions);
    expect(greedy, JSON.stringify(probabilities)).toEqual(bestActions(tinyOptimalQ()));
    // Epsilon-greedy propensities: 1 - eps + eps/k on the greedy action, eps/k on each other eligible one.
    probabilities.forEach((row, s) => {
      const k = TINY_ELIGIBLE[s].length;
      row.forEach((p, a) => {
        const expected = !TINY_ELIGIBLE[s].includes(a) ? 0 : k === 1 ? 1 : a === greedy[s] ? 1 - EPSILON + EPSILON / k : EPSILON / k;
        expect(p).toBeCloseTo(expected, 12);
      });
    });
    expect(policy!.learningCurve!()!.x.length).toBe(5);
  }, 120_000);
});
