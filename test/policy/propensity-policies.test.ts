import { describe, expect, it } from "vitest";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { runReplicate, trainingScenario, TRAINING_REPLICATE_BASE } from "../../src/engine/run-replicate.js";
import { buildActionCatalogue } from "../../src/engine/action-catalogue.js";
import { FEATURE_NAMES } from "../../src/world/observation/observe.js";
import { createStream } from "../../src/random/random-stream.js";
import type { DecisionLog } from "../../src/log/decision-log.js";
import { acceptedAt, createTrainingHistory } from "../../src/learning/training-history.js";
import { exploringBehaviour } from "../../src/learning/exploring-behaviour.js";
import { fitPropensityModels } from "../../src/learning/propensity-models.js";
import { hiddenLayer, outputProbability } from "../../src/learning/masked-network.js";
import { loadTensorFlowForTraining } from "../../src/learning/tensorflow-backend.js";
import { propensityNbo } from "../../policies/propensity-nbo.js";
import { propensityNba } from "../../policies/propensity-nba.js";
import { baselineWith } from "../world/baseline-scenario.js";

const scenario = baselineWith({ subscribers: 3000, days: 60 });

const histories = new Map<number, DecisionLog>();

/** 120 days of the exploring behaviour on training replicate `replicate` (cached). */
function logHistory(replicate: number): DecisionLog {
  const cached = histories.get(replicate);
  if (cached) return cached;
  const history = createTrainingHistory(FEATURE_NAMES, buildActionCatalogue(scenario).actions, scenario.objective.attributionDays, 120);
  const world = trainingScenario(scenario, 120);
  simulateReplicate({ scenario: world, policy: exploringBehaviour(0.5, history), rootSeed: 3, replicate: TRAINING_REPLICATE_BASE + replicate });
  history.finish();
  histories.set(replicate, history);
  return history;
}

describe("propensity models", () => {
  it("the exploring behaviour logs valid propensities and both kinds of outcome", () => {
    const history = logHistory(0);
    let contacts = 0;
    let accepts = 0;
    for (let row = 0; row < history.size; row++) {
      expect(history.propensity[row]).toBeGreaterThan(0);
      expect(history.propensity[row]).toBeLessThanOrEqual(1);
      if (history.action[row] !== 0) contacts++;
      accepts += acceptedAt(history, row);
    }
    expect(contacts).toBeGreaterThan(1000);
    expect(accepts).toBeGreaterThan(50);
  });

  it("predicts acceptance calibrated on held-out logged contacts: mean predicted within 15 % (relative) of observed", async () => {
    const tf = await loadTensorFlowForTraining();
    const { actions } = buildActionCatalogue(scenario);
    const models = fitPropensityModels(tf, logHistory(1), actions, 1, false, createStream(3, "test/fit"));
    const heldOut = logHistory(2);
    const hidden = new Float64Array(models.acceptance.hidden);
    let predicted = 0;
    let observed = 0;
    let contacts = 0;
    for (let row = 0; row < heldOut.size; row++) {
      const action = heldOut.action[row];
      if (action === 0) continue;
      hiddenLayer(models.acceptance, heldOut.features, row, hidden);
      predicted += models.acceptanceLearned[action] ? outputProbability(models.acceptance, hidden, action) : models.acceptancePrior[action];
      observed += acceptedAt(heldOut, row);
      contacts++;
    }
    expect(contacts).toBeGreaterThan(1000);
    expect(Math.abs(predicted - observed) / observed).toBeLessThan(0.15);
    expect(models.acceptanceLoss[models.acceptanceLoss.length - 1]).toBeLessThan(models.acceptanceLoss[0]);
  }, 30_000);

  it("ranks the apology credit far above an SMS data boost for customers the apology is offered to", async () => {
    const tf = await loadTensorFlowForTraining();
    const { actions } = buildActionCatalogue(scenario);
    const history = logHistory(1);
    const models = fitPropensityModels(tf, history, actions, 1, false, createStream(3, "test/fit"));
    const apology = actions.findIndex((action) => action.id === "apology-credit-sms");
    const dataBoost = actions.findIndex((action) => action.id === "data-boost-sms");
    const hidden = new Float64Array(models.acceptance.hidden);
    let apologyMean = 0;
    let boostMean = 0;
    let rows = 0;
    for (let row = 0; row < history.size && rows < 500; row++) {
      if (history.action[row] !== apology) continue;
      hiddenLayer(models.acceptance, history.features, row, hidden);
      apologyMean += outputProbability(models.acceptance, hidden, apology);
      boostMean += outputProbability(models.acceptance, hidden, dataBoost);
      rows++;
    }
    // The apology (accept base 0.5) is clearly the better offer for these customers than an SMS data boost (0.02).
    expect(rows).toBeGreaterThan(20);
    expect(apologyMean / rows).toBeGreaterThan(4 * (boostMean / rows));
  }, 30_000);
});

describe("propensity policies", () => {
  const small = baselineWith({ subscribers: 1500, days: 45, training: { ...scenario.training, historyDays: 60 } });

  for (const definition of [propensityNbo, propensityNba]) {
    it(`${definition.name}: the same seed gives identical decisions, and a learning curve per epoch`, async () => {
      const run = () => runReplicate({ scenario: small, policy: definition, rootSeed: 9, replicate: 1, keepLog: true });
      const [first, again] = [await run(), await run()];
      expect(first.log!.size).toBeGreaterThan(0);
      expect(Array.from(first.log!.action.subarray(0, first.log!.size))).toEqual(Array.from(again.log!.action.subarray(0, again.log!.size)));
      expect(first.learningCurve?.xLabel).toBe("epoch");
      expect(first.learningCurve!.y.every((loss) => Number.isFinite(loss) && loss > 0)).toBe(true);
      // propensity-nba's churn model trains after the acceptance model: a second part, its epochs counted from 1 again.
      const restarts = first.learningCurve!.x.filter((x, k) => k > 0 && x <= first.learningCurve!.x[k - 1]).length;
      if (definition === propensityNba) expect(first.learningCurve!.parts).toEqual(["acceptance model", "churn model"]);
      expect(restarts).toBe((first.learningCurve!.parts?.length ?? 1) - 1);
      // The churn uplift model's history is UPLIFT_HISTORY_FACTOR (2) times training.historyDays (60 here) of 1,500 customers.
      const historyDays = first.trainingExperience!.customerDays / 1500;
      if (definition === propensityNba) expect(historyDays).toBeGreaterThan(2 * 60 * 0.9);
      else expect(historyDays).toBeLessThan(60 * 1.1);
    }, 30_000);
  }
});
