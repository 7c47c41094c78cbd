import { describe, expect, it } from "vitest";
import { relativeChurnEffects } from "../../src/learning/relative-churn-effects.js";
import { foldOf, trainCrossFittedBag } from "../../src/learning/cross-fitted-networks.js";
import { trainMaskedNetwork, type MaskedTrainingSet } from "../../src/learning/train-masked-network.js";
import { averageNetworks } from "../../src/learning/average-networks.js";
import { hiddenLayer, outputProbability } from "../../src/learning/masked-network.js";
import { NETWORK_TRAINING } from "../../src/learning/propensity-models.js";
import { loadTensorFlowForTraining } from "../../src/learning/tensorflow-backend.js";
import { qiniCurve } from "../../src/metrics/qini-curve.js";
import { createStream } from "../../src/random/random-stream.js";

describe("relativeChurnEffects: observed over expected leavers per action", () => {
  it("gives each action its observed / expected ratio, and the untreated rows the risk model's calibration", () => {
    const ratio = relativeChurnEffects({ action: [0, 0, 1, 1], churned: [1, 0, 1, 0], expected: [0.5, 0.5, 0.25, 0.25] }, Int32Array.of(-1, 0), 0);
    expect([...ratio]).toEqual([1, 2]);
    // The untreated rows lost 2 where the model expected 1: the model's risk is half the truth.
    expect(relativeChurnEffects({ action: [0, 0], churned: [1, 1], expected: [0.5, 0.5] }, Int32Array.of(-1), 0)[0]).toBe(2);
  });

  it("shrinks a rarely logged action toward its program's ratio, and the program toward all contacts'", () => {
    // Action 1 (program 0): 10 expected leavers, 5 observed (0.5). Action 2 (program 0): none logged.
    // Action 3 (program 1): 10 expected, 20 observed (2). Action 4: outside the treatment programs.
    const rows = { action: [1, 1, 3, 3], churned: [5, 0, 20, 0], expected: [5, 5, 5, 5] };
    const groupOf = Int32Array.of(-1, 0, 0, 1, -1);
    const ratio = relativeChurnEffects(rows, groupOf, 10);
    const contacts = 25 / 20;
    const program0 = (5 + 10 * contacts) / (10 + 10);
    expect(ratio[1]).toBeCloseTo((5 + 10 * program0) / (10 + 10), 12);
    expect(ratio[2]).toBeCloseTo(program0, 12);
    expect(ratio[3]).toBeCloseTo((20 + 10 * ((20 + 10 * contacts) / 20)) / 20, 12);
    expect(ratio[4]).toBe(1);
    expect(ratio[0]).toBe(1);
  });
});

/**
 * A synthetic log with a known, heterogeneous churn effect: untreated risk r(x) varies 20-fold
 * with the features; the logging policy takes no action with probability 0.84, a retention
 * offer (action 1, true ratio 0.5: it halves the risk) or a sales contact (action 2, ratio 1.6)
 * with 0.08 each, at random (each treated arm has a few hundred leavers, as in the training history). The true uplift of action a is r(x) x (1 - ratio[a]).
 */
function syntheticLog(rows: number, seed: number) {
  const inputs = 5;
  const random = createStream(seed, "test/synthetic-log");
  const features = new Float32Array(rows * inputs);
  const action = new Int32Array(rows);
  const label = new Uint8Array(rows);
  const subscriber = new Int32Array(rows);
  const trueRatio = [1, 0.5, 1.6];
  for (let row = 0; row < rows; row++) {
    const x = features.subarray(row * inputs, (row + 1) * inputs);
    x[0] = 1;
    for (let j = 1; j < inputs; j++) x[j] = 2 * random.next() - 1;
    const u = random.next();
    action[row] = u < 0.84 ? 0 : u < 0.92 ? 1 : 2;
    label[row] = random.next() < risk(x) * trueRatio[action[row]] ? 1 : 0;
    subscriber[row] = Math.floor(row / 4);
  }
  const set: MaskedTrainingSet = { features, inputs, outputs: 3, rows: Int32Array.from({ length: rows }, (_, k) => k), target: action, label };
  return { set, subscriber, trueRatio };
}

/** The untreated risk: from about 1 % to 20 %, rising with x1 and x2 together. */
function risk(x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-(-2.9 + 1.1 * x[1] + 0.7 * x[2] + 0.6 * x[1] * x[2])));
}

describe("the relative-effect uplift learner against the T-learner it replaces", () => {
  it("recovers a known heterogeneous churn effect on synthetic data better than a T-learner on the same rows", async () => {
    const tf = await loadTensorFlowForTraining();
    const { set, subscriber, trueRatio } = syntheticLog(40_000, 11);
    const bias = new Float64Array(3).fill(Math.log(0.06 / 0.94));
    const options = { ...NETWORK_TRAINING, outputBias: bias };
    // The new learner: a cross-fitted risk bag, and one ratio per action from its out-of-fold risks.
    const bag = trainCrossFittedBag(tf, set, subscriber, { folds: 3, scoredOutput: 0 }, options, createStream(1, "test/bag"));
    const ratio = relativeChurnEffects({ action: set.target, churned: set.label, expected: bag.outOfFold }, Int32Array.of(-1, 0, 1));
    expect(ratio[1] / ratio[0]).toBeGreaterThan(trueRatio[1] - 0.15);
    expect(ratio[1] / ratio[0]).toBeLessThan(trueRatio[1] + 0.15);
    expect(ratio[2] / ratio[0]).toBeGreaterThan(trueRatio[2] - 0.25);
    expect(ratio[2] / ratio[0]).toBeLessThan(trueRatio[2] + 0.25);
    // The T-learner: a bag of three networks on all rows, uplift = output 0 - output a.
    const tRandom = createStream(1, "test/t-learner");
    const tLearner = averageNetworks(Array.from({ length: 3 }, () => trainMaskedNetwork(tf, set, options, tRandom).network));
    // Held-out customers, each with both actions: estimates against the true uplift.
    const test = syntheticLog(4_000, 12);
    const pairs = test.set.rows.length * 2;
    const truth = new Float64Array(pairs);
    const relative = new Float64Array(pairs);
    const tEstimate = new Float64Array(pairs);
    const hiddenBag = new Float64Array(bag.network.hidden);
    const hiddenT = new Float64Array(tLearner.hidden);
    for (let row = 0; row < test.set.rows.length; row++) {
      const x = test.set.features.subarray(row * 5, (row + 1) * 5);
      hiddenLayer(bag.network, test.set.features, row, hiddenBag);
      hiddenLayer(tLearner, test.set.features, row, hiddenT);
      for (const a of [1, 2]) {
        const k = 2 * row + a - 1;
        truth[k] = risk(x) * (1 - trueRatio[a]);
        relative[k] = outputProbability(bag.network, hiddenBag, 0) * (ratio[0] - ratio[a]);
        tEstimate[k] = outputProbability(tLearner, hiddenT, 0) - outputProbability(tLearner, hiddenT, a);
      }
    }
    const meanSquaredError = (estimate: Float64Array) => estimate.reduce((sum, value, k) => sum + (value - truth[k]) ** 2, 0) / pairs;
    // The audit's question: whom to give the retention offer (action 1), ranked by estimated uplift.
    const retention = (estimate: Float64Array) => estimate.filter((_, k) => k % 2 === 0);
    const qiniRelative = qiniCurve(retention(relative), retention(truth)).coefficient;
    const qiniT = qiniCurve(retention(tEstimate), retention(truth)).coefficient;
    // Both rank by risk here (the truth is monotone in it); the T-learner's two noisy outputs get the size wrong.
    expect(qiniRelative).toBeGreaterThan(0.95);
    expect(qiniRelative).toBeGreaterThanOrEqual(qiniT - 0.01);
    expect(meanSquaredError(relative)).toBeLessThan(0.5 * meanSquaredError(tEstimate));
  }, 60_000);

  it("scores every row out of fold: by the member that never trained on its subscriber", async () => {
    const folds = Array.from({ length: 3000 }, (_, subscriber) => foldOf(subscriber, 3));
    for (let k = 0; k < 3; k++) expect(folds.filter((fold) => fold === k).length).toBeGreaterThan(900);
    const tf = await loadTensorFlowForTraining();
    const { set, subscriber } = syntheticLog(3_000, 13);
    const options = { ...NETWORK_TRAINING, epochs: 1, outputBias: new Float64Array(3) };
    const bag = trainCrossFittedBag(tf, set, subscriber, { folds: 3, scoredOutput: 0 }, options, createStream(2, "test/bag"));
    const hidden = new Float64Array(options.hidden);
    for (const row of [0, 1, 2, 3, 4, 5, 6, 7, 100, 2999]) {
      const unseen = bag.members[foldOf(subscriber[row], 3)];
      hiddenLayer(unseen, set.features, row, hidden);
      expect(bag.outOfFold[row]).toBe(outputProbability(unseen, hidden, 0));
    }
  });
});
