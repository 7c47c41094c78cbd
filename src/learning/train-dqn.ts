import type { LearningCurve, Policy, PolicyDefinition, PrepareContext } from "../policy/policy.js";
import { loadTensorFlowForTraining } from "./tensorflow-backend.js";
import { explorationShare, type DqnSettings } from "./dqn-settings.js";
import { initialMlpWeights, mlpScratch, type MlpWeights } from "./mlp.js";
import { decideOnQ } from "./q-policy.js";
import { QNetworkTrainer } from "./q-network-trainer.js";
import { ReplayBuffer } from "./replay-buffer.js";
import { TransitionRecorder } from "./transition-recorder.js";

/** What training gives the evaluation policy: the network and how training went. */
export interface DqnModel {
  readonly weights: MlpWeights;
  readonly curve: LearningCurve;
  readonly gradientSteps: number;
  readonly transitions: number;
}

/**
 * Trains a double DQN in training worlds (seeds apart from the evaluation's): episode e runs
 * an epsilon-greedy behaviour on the current network for `episodeDays`, recording transitions
 * into a replay ring and taking `gradientStepsPerDay` gradient steps after each simulated day;
 * the plain-array copy of the network that the behaviour decides with is refreshed after them.
 */
export async function trainDqn(context: PrepareContext, settings: DqnSettings, name: string): Promise<DqnModel> {
  const tf = await loadTensorFlowForTraining();
  const stateSize = context.featureNames.length;
  const actionCount = context.actions.length;
  const sizes = [stateSize, ...settings.hiddenSizes, actionCount];
  const weights = initialMlpWeights(sizes, context.random);
  const buffer = new ReplayBuffer(settings.replayCapacity, stateSize, actionCount);
  const trainer = new QNetworkTrainer(tf, weights, settings);
  const x: number[] = [];
  const y: number[] = [];
  let transitions = 0;
  try {
    for (let episode = 0; episode < settings.episodes; episode++) {
      const epsilon = explorationShare(settings, episode);
      const behaviour: PolicyDefinition = {
        name: `${name}-behaviour`,
        description: `${name} training behaviour: epsilon-greedy on the current Q-network`,
        create(policyContext): Policy {
          const recorder = new TransitionRecorder(buffer, policyContext.subscriberCount, settings.dailyGamma, settings.rewardScale);
          const scratch = mlpScratch(sizes);
          let features: Float32Array = new Float32Array(0);
          let eligible: Uint8Array = new Uint8Array(0);
          return {
            decide(batch, output) {
              features = batch.features();
              eligible = batch.eligibility();
              decideOnQ(weights, scratch, batch, output, epsilon, policyContext.random);
            },
            feedback(feedback) {
              recorder.record(feedback, features, eligible);
              transitions += feedback.size;
              if (feedback.day === settings.episodeDays - 1) recorder.close();
              if (buffer.readyCount < settings.minReplay) return;
              for (let k = 0; k < settings.gradientStepsPerDay; k++) trainer.step(buffer, context.random);
              trainer.exportWeights(weights);
            },
          };
        },
      };
      const run = context.simulateTraining(behaviour, settings.episodeDays, episode, { maxSubscribers: settings.maxSubscribers });
      x.push(episode);
      y.push(run.netValuePerSub);
    }
    return {
      weights,
      curve: { xLabel: "training episode", yLabel: "net value per subscriber (training world)", x, y },
      gradientSteps: trainer.steps,
      transitions,
    };
  } finally {
    trainer.dispose();
  }
}
