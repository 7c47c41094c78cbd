import { describe, expect, it } from "vitest";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { trainingScenario, TRAINING_REPLICATE_BASE } from "../../src/engine/run-replicate.js";
import { buildActionCatalogue } from "../../src/engine/action-catalogue.js";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../src/world/observation/observe.js";
import { createStream } from "../../src/random/random-stream.js";
import { objectiveWeights } from "../../src/scenario/objective-schema.js";
import { createTrainingHistory } from "../../src/learning/training-history.js";
import { exploringBehaviour } from "../../src/learning/exploring-behaviour.js";
import { fitPropensityModels, type PropensityModels } from "../../src/learning/propensity-models.js";
import { hiddenLayer, outputProbability } from "../../src/learning/masked-network.js";
import { loadTensorFlowForTraining } from "../../src/learning/tensorflow-backend.js";
import { PropensityRefits, REFIT_EVERY_DAYS } from "../../src/learning/propensity-refits.js";
import type { DecisionBatch, FeedbackBatch, PolicyContext } from "../../src/policy/policy.js";
import { OUTCOME_ACCEPT } from "../../src/scenario/vocabulary.js";
import { baselineWith } from "../world/baseline-scenario.js";

describe("learning that goes on: periodic refits on the run's own decisions", () => {
  it("refits every REFIT_EVERY_DAYS days on the history and the run's decisions, so what the run saw moves the model", async () => {
    const tf = await loadTensorFlowForTraining();
    const scenario = baselineWith({ subscribers: 1500, days: 90 });
    const { actions } = buildActionCatalogue(scenario);
    const history = createTrainingHistory(FEATURE_NAMES, actions, scenario.objective.attributionDays, 60);
    simulateReplicate({ scenario: trainingScenario(scenario, 60), policy: exploringBehaviour(0.5, history), rootSeed: 3, replicate: TRAINING_REPLICATE_BASE });
    history.finish();
    const random = createStream(3, "test/refits");
    const models = fitPropensityModels(tf, history, actions, 1, false, random);
    const context = {
      scenario, actions, featureNames: FEATURE_NAMES, objective: objectiveWeights(scenario.objective), subscriberCount: 1500, random,
      prepared: { ...models, history, historyRows: history.size, trainingSeconds: 0 },
    } as PolicyContext;
    const refitted: PropensityModels[] = [];
    const refits = new PropensityRefits(context, false, (next) => refitted.push(next), "test");

    // In the run, everyone offered the SMS data boost (about 2 % take-up in the history) takes it.
    const boost = actions.findIndex((action) => action.id === "data-boost-sms");
    const sample = [] as number[];
    for (let row = 0; row < history.size && sample.length < 400; row++) if (history.action[row] === boost) sample.push(row);
    const features = new Float32Array(sample.length * FEATURE_COUNT);
    sample.forEach((row, k) => features.set(history.features.subarray(row * FEATURE_COUNT, (row + 1) * FEATURE_COUNT), k * FEATURE_COUNT));
    const size = sample.length;
    const meanAcceptance = (network: PropensityModels["acceptance"]) => {
      const hidden = new Float64Array(network.hidden);
      let sum = 0;
      for (let k = 0; k < size; k++) {
        hiddenLayer(network, features, k, hidden);
        sum += outputProbability(network, hidden, boost);
      }
      return sum / size;
    };
    for (let day = 0; day < REFIT_EVERY_DAYS; day++) {
      const eligibility = new Uint8Array(size * actions.length).fill(1);
      const batch = { day, size, subscriber: Int32Array.from(sample, (_, k) => k), moment: new Uint8Array(size), features: () => features, eligibility: () => eligibility } as unknown as DecisionBatch;
      refits.record(batch);
      const feedback: FeedbackBatch = {
        day, size, subscriber: batch.subscriber, action: new Int32Array(size).fill(boost), outcome: new Uint8Array(size).fill(OUTCOME_ACCEPT),
        reward: new Float64Array(size).fill(10), value: new Float64Array(size).fill(10), churned: new Int32Array(0), churnedValue: new Float64Array(0),
      };
      refits.observe(feedback);
      expect(refitted.length).toBe(day + 1 === REFIT_EVERY_DAYS ? 1 : 0);
    }
    expect(refits.ownRows).toBe(REFIT_EVERY_DAYS * size);
    expect(meanAcceptance(models.acceptance)).toBeLessThan(0.1);
    expect(meanAcceptance(refitted[0].acceptance)).toBeGreaterThan(0.5);
    expect(refits.learningCurve().x).toEqual([0, REFIT_EVERY_DAYS]);
  }, 120_000);
});
