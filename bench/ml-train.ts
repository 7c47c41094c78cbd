import type { Scenario } from "../src/scenario/scenario-schema.js";
import { simulateReplicate } from "../src/engine/simulate-replicate.js";
import { trainingScenario, TRAINING_REPLICATE_BASE } from "../src/engine/run-replicate.js";
import { createStream } from "../src/random/random-stream.js";
import { acceptedAt, createTrainingHistory } from "../src/learning/training-history.js";
import { buildActionCatalogue } from "../src/engine/action-catalogue.js";
import { FEATURE_NAMES } from "../src/world/observation/observe.js";
import { exploringBehaviour } from "../src/learning/exploring-behaviour.js";
import { trainMaskedNetwork } from "../src/learning/train-masked-network.js";
import { NETWORK_TRAINING } from "../src/learning/propensity-models.js";
import { loadTensorFlowForTraining } from "../src/learning/tensorflow-backend.js";

/**
 * Seconds to train the propensity (acceptance) network, with the policies' settings, on
 * `rows` logged contacts, scaled to 1,000,000. The rows are real logged contacts of the
 * exploring behaviour policy (a training world of `subscribers`, `training.historyDays` days),
 * resampled with replacement up to `rows`: the same feature distribution, without simulating a
 * base big enough to log a million contacts. Wall seconds, and CPU seconds of the process (the
 * better guide on a shared machine).
 */
export async function measureMlTraining(scenario: Scenario, rows = 1_000_000, subscribers = 5000): Promise<{ secondsPer1M: number; seconds: number; cpuSecondsPer1M: number; rows: number; loggedContacts: number }> {
  const tf = await loadTensorFlowForTraining();
  const world = trainingScenario({ ...scenario, population: { ...scenario.population, size: subscribers } }, scenario.training.historyDays);
  const history = createTrainingHistory(FEATURE_NAMES, buildActionCatalogue(world).actions, scenario.objective.attributionDays, scenario.training.historyDays);
  simulateReplicate({ scenario: world, policy: exploringBehaviour(scenario.training.exploreContactShare, history), rootSeed: scenario.seed, replicate: TRAINING_REPLICATE_BASE });
  const contacted: number[] = [];
  for (let row = 0; row < history.size; row++) if (history.action[row] !== 0) contacted.push(row);
  const random = createStream(scenario.seed, "bench/ml-train");
  const picked = Int32Array.from({ length: rows }, () => contacted[Math.floor(random.next() * contacted.length)]);
  let outputs = 0;
  for (const row of contacted) outputs = Math.max(outputs, history.action[row] + 1);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  trainMaskedNetwork(
    tf,
    {
      features: history.features,
      inputs: history.featureCount,
      outputs,
      rows: picked,
      target: Int32Array.from(picked, (row) => history.action[row]),
      label: Uint8Array.from(picked, (row) => acceptedAt(history, row)),
    },
    { ...NETWORK_TRAINING, outputBias: new Float64Array(outputs).fill(-2) },
    random,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { secondsPer1M: (seconds * 1_000_000) / rows, seconds, cpuSecondsPer1M: (cpuSeconds * 1_000_000) / rows, rows, loggedContacts: contacted.length };
}
