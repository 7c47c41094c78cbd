import { describe, expect, it } from "vitest";
import { trainDqn } from "../../src/learning/train-dqn.js";
import type { DqnSettings } from "../../src/learning/dqn-settings.js";
import { demonstratedDecisions } from "../../src/learning/demonstrated-decisions.js";
import { mlpForward, mlpScratch } from "../../src/learning/mlp.js";
import { createStream } from "../../src/random/random-stream.js";
import type { DecisionBatch, PolicyDefinition } from "../../src/policy/policy.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { bestActions, TINY_ACTIONS, TINY_ELIGIBLE, TINY_FEATURES, TINY_STATES, tinyFeatures, tinyOptimalQ, tinyPrepareContext, TINY_DQN_SETTINGS } from "./tiny-mdp.js";

/** The myopic demonstrator: it upsells whoever it can and never nurtures or saves (wrong in two states of four). */
const MYOPIC = [0, 2, 2, 0];
const myopic: PolicyDefinition = {
  name: "myopic",
  description: "upsells whoever it can",
  create: (context) => ({
    decide(batch, output) {
      const features = batch.features();
      const width = batch.featureNames.length;
      for (let row = 0; row < batch.size; row++) {
        const state = [1, 2, 3, 4].findIndex((k) => features[row * width + k] === 1);
        output.chosen[row] = MYOPIC[state];
        output.probabilities[row * context.actions.length + MYOPIC[state]] = 1;
      }
    },
  }),
};

/** A third of the episodes demonstrated; the margin loss's weight annealed from 1 to 0, so the TD loss has the last word. */
const DQFD: DqnSettings = { ...TINY_DQN_SETTINGS, demonstrationEpisodes: 4, demonstrationEpsilon: 0.3, marginWeightStart: 1, marginWeightEnd: 0 };

async function learnedQ(settings: DqnSettings, seed: number): Promise<number[][]> {
  const model = await trainDqn(tinyPrepareContext(seed, settings.maxSubscribers), settings, "dqn", myopic);
  const scratch = mlpScratch(model.weights.sizes);
  return TINY_STATES.map((_, s) => {
    const q = Array.from(mlpForward(model.weights, tinyFeatures(s), 0, scratch), (value) => value * settings.rewardScale);
    return q.map((value, a) => (TINY_ELIGIBLE[s].includes(a) ? value : Number.NaN));
  });
}

const show = (q: number[][]) => JSON.stringify(q.map((row) => row.map((x) => Number(x.toFixed(2)))));

describe("dqn from demonstrations (DQfD) in the tiny world", () => {
  it("starts from a myopic demonstrator and still finds the best policy where the demonstrator is wrong, on 3 training seeds", async () => {
    const optimal = bestActions(tinyOptimalQ());
    expect(optimal).not.toEqual(MYOPIC);
    for (const seed of [1, 2, 3]) {
      const q = await learnedQ(DQFD, seed);
      expect(bestActions(q), `seed ${seed}: learned Q ${show(q)}`).toEqual(optimal);
    }
  }, 120_000);

  it("the large-margin loss at dqn's weight (1, to the end) holds the greedy policy on the demonstrator's actions with the margin", async () => {
    const heavy: DqnSettings = { ...DQFD, marginWeightStart: 1, marginWeightEnd: 1 };
    const q = await learnedQ(heavy, 1);
    expect(bestActions(q), `learned Q ${show(q)}`).toEqual(MYOPIC);
    // Where the demonstrator has a choice, its action is valued above the others by about the margin.
    for (const s of [0, 1, 2]) {
      const others = TINY_ELIGIBLE[s].filter((a) => a !== MYOPIC[s]).map((a) => q[s][a]);
      expect(q[s][MYOPIC[s]] - Math.max(...others), `state ${TINY_STATES[s]}: learned Q ${show(q)}`).toBeGreaterThan(0.5 * heavy.demonstrationMargin * heavy.rewardScale);
    }
  }, 60_000);

  it("the demonstration behaviour explores with exact propensities around the demonstrator's action", () => {
    const actions = tinyPrepareContext(1, 4).actions;
    const context = { scenario: {} as Scenario, actions, featureNames: TINY_FEATURES, objective: { revenue: 1, retainedValue: 1, annoyance: 0, experience: 0 }, subscriberCount: 4, random: createStream(1, "test/demo") };
    const demonstrations = demonstratedDecisions(myopic, context);
    const size = 4000;
    const features = new Float32Array(size * TINY_FEATURES.length);
    const eligible = new Uint8Array(size * actions.length);
    for (let row = 0; row < size; row++) {
      const s = row % 4;
      features.set(tinyFeatures(s), row * TINY_FEATURES.length);
      for (const a of TINY_ELIGIBLE[s]) eligible[row * actions.length + a] = 1;
    }
    const batch: DecisionBatch = { day: 0, size, subscriber: Int32Array.from({ length: size }, (_, i) => i), moment: new Uint8Array(size), actions, featureNames: TINY_FEATURES, features: () => features, eligibility: () => eligible };
    const output = { probabilities: new Float64Array(size * actions.length), chosen: new Int32Array(size) };
    demonstrations.decide(batch);
    expect(Array.from(demonstrations.chosen.subarray(0, 4))).toEqual(MYOPIC);
    demonstrations.explore(batch, output, 0.3, createStream(2, "test/explore"));
    const counts = TINY_STATES.map(() => new Array<number>(actions.length).fill(0));
    for (let row = 0; row < size; row++) counts[row % 4][output.chosen[row]]++;
    TINY_STATES.forEach((_, s) => {
      const expected = TINY_ACTIONS.map((_, a) => (TINY_ELIGIBLE[s].includes(a) ? 0.3 / TINY_ELIGIBLE[s].length : 0) + (a === MYOPIC[s] ? 0.7 : 0));
      expect(Array.from(output.probabilities.subarray(s * actions.length, (s + 1) * actions.length)).map((p) => Number(p.toFixed(12)))).toEqual(expected.map((p) => Number(p.toFixed(12))));
      // 1,000 draws per state: each share within 0.05 of its propensity.
      expected.forEach((p, a) => expect(Math.abs(counts[s][a] / (size / 4) - p)).toBeLessThan(0.05));
    });
  });
});
