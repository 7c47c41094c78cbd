import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/random-stream.js";
import { crossFitRewardModel } from "../../src/ope/cross-fit-reward-model.js";
import { syntheticBanditLog } from "../../src/ope/synthetic-bandit-log.js";
import type { LoggedDataset } from "../../src/ope/logged-dataset.js";

const { log, expectedReward } = syntheticBanditLog({ subscribers: 400, decisionsPerSubscriber: 5, actionCount: 4, featureCount: 3, uniformShare: 0.3, stream: createStream(11, "test/world") });
const fit = (data: LoggedDataset, seed = 1) => crossFitRewardModel(data, { folds: 3, ridge: 1, stream: createStream(seed, "ope/folds") });

describe("cross-fitted reward model", () => {
  it("never lets a row's reward, nor that of another decision of the same subscriber, into that row's predictions", () => {
    const base = fit(log);
    const reward = log.reward.slice();
    // Rows 10..14 are subscriber 2's five decisions.
    for (let i = 10; i < 15; i++) reward[i] = 100;
    const changed = fit({ ...log, reward });
    const K = log.actionCount;
    for (let i = 10; i < 15; i++) expect(changed.subarray(i * K, (i + 1) * K)).toEqual(base.subarray(i * K, (i + 1) * K));
    let moved = 0;
    for (let i = 0; i < log.rounds; i++) if (changed.subarray(i * K, (i + 1) * K).some((value, a) => value !== base[i * K + a])) moved++;
    expect(moved).toBeGreaterThan(log.rounds / 2);
  });

  it("is a function of its fold stream", () => {
    expect(fit(log, 1)).toEqual(fit(log, 1));
    expect(fit(log, 2)).not.toEqual(fit(log, 1));
  });

  it("recovers a linear reward exactly in the limit: ridge per action on the features", () => {
    const K = log.actionCount;
    const reward = Float64Array.from({ length: log.rounds }, (_, i) => 2 + log.action[i] - 0.5 * log.features[i * log.featureCount] + log.features[i * log.featureCount + 2]);
    const predictions = crossFitRewardModel({ ...log, reward }, { folds: 4, ridge: 1e-6, stream: createStream(1, "ope/folds") });
    for (const i of [0, 500, 1999]) {
      for (let a = 0; a < K; a++) expect(predictions[i * K + a]).toBeCloseTo(2 + a - 0.5 * log.features[i * log.featureCount] + log.features[i * log.featureCount + 2], 4);
    }
  });

  it("predicts binary rewards about as well as a linear probability model can", () => {
    const predictions = fit(log);
    let error = 0;
    for (let k = 0; k < predictions.length; k++) error += Math.abs(predictions[k] - expectedReward[k]) / predictions.length;
    expect(error).toBeLessThan(0.12);
  });

  it("predicts an action no training row took at the training rows' mean reward", () => {
    const action = log.action.map((a) => (a === 3 ? 0 : a));
    const predictions = fit({ ...log, action });
    const K = log.actionCount;
    const held = Array.from({ length: log.rounds }, (_, i) => predictions[i * K + 3]);
    expect(Math.min(...held)).toBeGreaterThan(0);
    expect(new Set(held).size).toBe(3);
  });

  it("refuses fewer than two folds or more folds than subscribers", () => {
    expect(() => crossFitRewardModel(log, { folds: 1, ridge: 1, stream: createStream(1, "f") })).toThrow("reward model: folds must be an integer >= 2, got 1");
    expect(() => crossFitRewardModel(log, { folds: 401, ridge: 1, stream: createStream(1, "f") })).toThrow("reward model: folds must be at most the number of clusters (400), got 401");
  });
});
