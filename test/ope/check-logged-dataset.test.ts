import { describe, expect, it } from "vitest";
import { checkLoggedDataset } from "../../src/ope/check-logged-dataset.js";
import { loadObpFixture } from "./obp-fixture.js";

const fixture = loadObpFixture();
const { log } = fixture;
const target = fixture.policies.egreedy.target;
const predictions = fixture.rewardModels.logreg;

describe("checkLoggedDataset", () => {
  it("finds nothing wrong with OBP's dataset, targets and reward models", () => {
    expect(checkLoggedDataset(log, "obp.json", target, predictions)).toEqual([]);
    expect(checkLoggedDataset(log, "obp.json", fixture.policies.ipwlearner.target, fixture.rewardModels.hgb)).toEqual([]);
  });

  it("names the field, its first bad row, what was expected and what was found", () => {
    const pscore = log.pscore.slice();
    pscore[12] = 0;
    pscore[14] = 2;
    const action = log.action.slice();
    action[3] = 10;
    const reward = log.reward.slice();
    reward[5] = NaN;
    expect(checkLoggedDataset({ ...log, pscore, action, reward, loggingDistribution: undefined }, "logs/a")).toEqual([
      "logs/a: action[3] must be an action index from 0 to 9, got 10",
      "logs/a: pscore[12] must be in (0, 1], got 0",
      "logs/a: reward[5] must be a finite number, got NaN",
    ]);
  });

  it("checks distributions sum to 1, agree with the pscore, and predictions are finite", () => {
    const badTarget = target.slice();
    const small = Array.from(badTarget.subarray(200, 210)).findIndex((p) => p < 0.5);
    badTarget[200 + small] += 0.3;
    const logging = log.loggingDistribution!.slice();
    logging[7 * 10 + log.action[7]] += 0.001;
    logging[7 * 10 + ((log.action[7] + 1) % 10)] -= 0.001;
    const badPredictions = predictions.slice();
    badPredictions[33] = Infinity;
    expect(checkLoggedDataset({ ...log, loggingDistribution: logging }, "logs/b", badTarget, badPredictions)).toEqual([
      `logs/b: loggingDistribution[7] must give the logged action ${log.action[7]} its pscore ${log.pscore[7]}, got ${log.pscore[7] + 0.001}`,
      `logs/b: target[20] must sum to 1, got ${Array.from(badTarget.subarray(200, 210)).reduce((sum, p) => sum + p, 0)}`,
      "logs/b: predictions[33] must be a finite number, got Infinity",
    ]);
  });

  it("reports arrays of the wrong length before anything else", () => {
    expect(checkLoggedDataset({ ...log, reward: log.reward.subarray(1) }, "logs/c", target.subarray(10))).toEqual([
      "logs/c: reward must have 2000 entries, got 1999",
      "logs/c: target must have 20000 entries, got 19990",
    ]);
  });
});
