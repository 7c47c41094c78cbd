import type { Scenario } from "../src/scenario/scenario-schema.js";
import { prepareContext } from "../src/engine/run-replicate.js";
import { dqn, DQN_DEMONSTRATOR, trainDqnAgent } from "../policies/dqn.js";
import type { PolicyDefinition, PrepareContext } from "../src/policy/policy.js";
import { SILENT_TRAINING } from "../src/policy/trainable.js";
import { dqnSettings, type DqnSettings } from "../src/learning/dqn-settings.js";
import { loadTensorFlowForTraining } from "../src/learning/tensorflow-backend.js";
import { QNetworkTrainer } from "../src/learning/q-network-trainer.js";
import { ReplayBuffer } from "../src/learning/replay-buffer.js";
import { initialMlpWeights } from "../src/learning/mlp.js";
import { createStream } from "../src/random/random-stream.js";

export interface RlTrainingBench {
  /** Training the default model (the scenario's training section), as a run's prepare does. */
  readonly defaultModel: { readonly seconds: number; readonly cpuSeconds: number; readonly transitions: number; readonly gradientSteps: number; readonly episodes: number; readonly episodeDays: number; readonly subscribers: number };
  /** Training propensity-nba's models, the demonstrator (inside defaultModel's seconds). */
  readonly demonstratorSeconds: number;
  /** Environment transitions per second with no gradient step (world, features, the demonstrator's and the guardrails' decisions, replay). */
  readonly transitionsPerSec: number;
  /** Gradient steps per second on a full replay buffer (minibatch of settings.batchSize; TD and demonstration-margin loss). */
  readonly gradientStepsPerSec: number;
  readonly batchSize: number;
}

/** Times `work`, wall and CPU seconds of the process. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** dqn's demonstrator, timing its preparation (its models' training) inside a dqn training. */
function timedDemonstrator(): { definition: PolicyDefinition; seconds: () => number } {
  let seconds = 0;
  const definition: PolicyDefinition = {
    ...DQN_DEMONSTRATOR,
    async prepare(context: PrepareContext) {
      const started = performance.now();
      const prepared = await DQN_DEMONSTRATOR.prepare!(context);
      seconds = (performance.now() - started) / 1000;
      return prepared;
    },
  };
  return { definition, seconds: () => seconds };
}

/**
 * The DQN's training throughput on `scenario`: the default model's training time, environment
 * transitions per second without learning, and gradient steps per second alone.
 */
export async function measureRlTraining(scenario: Scenario): Promise<RlTrainingBench> {
  const tf = await loadTensorFlowForTraining();
  const settings = dqnSettings(scenario.training);
  const context = () => prepareContext({ scenario, rootSeed: scenario.seed, replicate: 0, policy: dqn });
  const fullDemonstrator = timedDemonstrator();
  const full = await timed(() => trainDqnAgent(context(), settings, SILENT_TRAINING, fullDemonstrator.definition));
  // One demonstration episode with learning switched off (the replay never reaches minReplay), less the demonstrator's training.
  const noLearning: DqnSettings = { ...settings, episodes: 1, demonstrationEpisodes: 1, minReplay: Number.MAX_SAFE_INTEGER };
  const envDemonstrator = timedDemonstrator();
  const env = await timed(() => trainDqnAgent(context(), noLearning, SILENT_TRAINING, envDemonstrator.definition));
  // Gradient steps alone on a buffer of random transitions.
  const stateSize = context().featureNames.length;
  const actionCount = context().actions.length;
  const random = createStream(scenario.seed, "bench/rl-train");
  const buffer = new ReplayBuffer(20_000, stateSize, actionCount);
  const state = new Float32Array(stateSize);
  const eligible = new Uint8Array(actionCount).fill(1);
  for (let k = 0; k < buffer.capacity; k++) {
    for (let j = 0; j < stateSize; j++) state[j] = random.next();
    const action = Math.floor(random.next() * actionCount);
    const slot = buffer.open(k, state, 0, action, random.next() - 0.5, 0, () => undefined, eligible, 0, Math.floor(random.next() * actionCount));
    buffer.complete(slot, state, 0, eligible, 0, 7, settings.dailyGamma);
  }
  const trainer = new QNetworkTrainer(tf, initialMlpWeights([stateSize, ...settings.hiddenSizes, actionCount], random), settings);
  // With the demonstration margin term, as in training.
  trainer.marginWeight = settings.marginWeightStart;
  for (let k = 0; k < 20; k++) trainer.step(buffer, random);
  const steps = 300;
  const gradient = await timed(async () => {
    for (let k = 0; k < steps; k++) trainer.step(buffer, random);
  });
  trainer.dispose();
  return {
    defaultModel: {
      seconds: full.seconds,
      cpuSeconds: full.cpuSeconds,
      transitions: full.value.trained.experience.transitions,
      gradientSteps: full.value.trained.experience.gradientSteps,
      episodes: settings.episodes,
      episodeDays: settings.episodeDays,
      subscribers: Math.min(scenario.population.size, settings.maxSubscribers, scenario.training.maxSubscribers),
    },
    demonstratorSeconds: fullDemonstrator.seconds(),
    transitionsPerSec: env.value.trained.experience.transitions / (env.seconds - envDemonstrator.seconds()),
    gradientStepsPerSec: steps / gradient.seconds,
    batchSize: settings.batchSize,
  };
}
