import type { LearningCurve, Policy, PolicyDefinition, PrepareContext } from "../policy/policy.js";
import { SILENT_TRAINING, type TrainedModel, type TrainingSession } from "../policy/trainable.js";
import { childStream, restoreStream, type StreamState } from "../random/random-stream.js";
import { loadTensorFlowForTraining } from "./tensorflow-backend.js";
import { DQN_TRAINER_VERSION, explorationShare, marginWeight, type DqnSettings } from "./dqn-settings.js";
import { demonstratedDecisions } from "./demonstrated-decisions.js";
import { guardrailsInRun, type Guardrails } from "./guardrails.js";
import { initialMlpWeights, mlpScratch, type MlpWeights } from "./mlp.js";
import { decideOnQ } from "./q-policy.js";
import { QNetworkTrainer, type QTrainerState } from "./q-network-trainer.js";
import { ReplayBuffer } from "./replay-buffer.js";
import { TransitionRecorder } from "./transition-recorder.js";
import { mlpToPayload } from "./mlp-payload.js";

/** What training gives the evaluation policy: the network and how training went. */
export interface DqnModel {
  readonly weights: MlpWeights;
  readonly curve: LearningCurve;
  readonly gradientSteps: number;
  readonly transitions: number;
}

/** Where DQN training stands after an episode: what a checkpoint holds. */
interface DqnCheckpointState {
  readonly trainer: QTrainerState;
  readonly random: StreamState;
  readonly transitions: number;
  readonly curve: { readonly x: number[]; readonly y: number[] };
}

/**
 * Trains a double DQN in training worlds (seeds apart from the evaluation's): episode e runs
 * an epsilon-greedy behaviour on the current network for `episodeDays`, recording transitions
 * into a replay ring and taking `gradientStepsPerDay` gradient steps after each simulated day;
 * the plain-array copy of the network that the behaviour decides with is refreshed after them.
 */
export async function trainDqn(context: PrepareContext, settings: DqnSettings, name: string, demonstrator: PolicyDefinition | null = null): Promise<DqnModel> {
  return (await trainDqnSession(context, settings, name, SILENT_TRAINING, demonstrator)).model;
}

/**
 * trainDqn with progress and checkpoints: after each episode `session.checkpoint` gets the
 * networks, Adam's moments, the prepare stream's state and the curve so far. Resuming from one
 * continues with the same networks, optimiser and draws; the replay memory is not in the
 * checkpoint (it would be tens of MB), so it starts empty and the first gradient steps wait
 * until it holds `minReplay` transitions again: a resumed training is close to, not identical
 * with, an uninterrupted one.
 */
export async function trainDqnSession(
  context: PrepareContext,
  settings: DqnSettings,
  name: string,
  session: TrainingSession,
  demonstrator: PolicyDefinition | null = null,
  guardrails: Guardrails | null = null,
): Promise<{ model: DqnModel; trained: TrainedModel }> {
  const tf = await loadTensorFlowForTraining();
  const stateSize = context.featureNames.length;
  const actionCount = context.actions.length;
  const sizes = [stateSize, ...settings.hiddenSizes, actionCount];
  const weights = initialMlpWeights(sizes, context.random);
  const buffer = new ReplayBuffer(settings.replayCapacity, stateSize, actionCount);
  const trainer = new QNetworkTrainer(tf, weights, settings);
  const resumed = session.resumeFrom?.state as DqnCheckpointState | undefined;
  const random = resumed ? restoreStream(context.random.path, resumed.random) : context.random;
  const x: number[] = resumed ? [...resumed.curve.x] : [];
  const y: number[] = resumed ? [...resumed.curve.y] : [];
  let transitions = resumed?.transitions ?? 0;
  // A demonstrator that learns (propensity-nba) is prepared once, on its own stream derived from the learner's.
  const demonstratorPrepared = demonstrator?.prepare ? await demonstrator.prepare({ ...context, random: childStream(context.random, `demonstrator:${demonstrator.name}`) }) : undefined;
  try {
    if (resumed) {
      await trainer.restoreState(resumed.trainer);
      trainer.exportWeights(weights);
    }
    for (let episode = session.resumeFrom?.unitsDone ?? 0; episode < settings.episodes; episode++) {
      const epsilon = explorationShare(settings, episode);
      const demonstrating = demonstrator !== null && episode < settings.demonstrationEpisodes;
      trainer.marginWeight = demonstrator === null ? 0 : marginWeight(settings, episode);
      const behaviour: PolicyDefinition = {
        name: `${name}-behaviour`,
        description: demonstrating ? `${name} training behaviour: the demonstrator with uniform exploration` : `${name} training behaviour: epsilon-greedy on the current Q-network`,
        create(policyContext): Policy {
          const recorder = new TransitionRecorder(buffer, policyContext.subscriberCount, settings.dailyGamma, settings.rewardScale);
          const scratch = mlpScratch(sizes);
          const demonstrations = demonstrator === null ? null : demonstratedDecisions(demonstrator, { ...policyContext, prepared: demonstratorPrepared });
          const guard = guardrails === null ? null : guardrailsInRun(guardrails, policyContext);
          let features: Float32Array = new Float32Array(0);
          let eligible: Uint8Array = new Uint8Array(0);
          return {
            decide(batch, output) {
              features = batch.features();
              eligible = batch.eligibility();
              demonstrations?.decide(batch);
              if (demonstrating) demonstrations!.explore(batch, output, settings.demonstrationEpsilon, policyContext.random);
              else decideOnQ(weights, scratch, batch, output, epsilon, policyContext.random);
              guard?.apply(batch, output);
            },
            feedback(feedback) {
              recorder.record(feedback, features, eligible, demonstrations?.chosen ?? null);
              transitions += feedback.size;
              if (feedback.day === settings.episodeDays - 1) recorder.close();
              if (buffer.readyCount < settings.minReplay) return;
              for (let k = 0; k < settings.gradientStepsPerDay; k++) trainer.step(buffer, random);
              trainer.exportWeights(weights);
            },
          };
        },
      };
      const run = context.simulateTraining(behaviour, settings.episodeDays, episode, { maxSubscribers: settings.maxSubscribers });
      x.push(episode);
      y.push(run.netValuePerSub);
      session.progress(episode + 1, settings.episodes);
      if (session !== SILENT_TRAINING) {
        const state: DqnCheckpointState = { trainer: await trainer.saveState(), random: random.state(), transitions, curve: { x, y } };
        session.checkpoint({ unitsDone: episode + 1, state });
      }
    }
    const curve: LearningCurve = { xLabel: "training episode", yLabel: "net value per subscriber (training world)", x, y };
    const model: DqnModel = { weights, curve, gradientSteps: trainer.steps, transitions };
    const trained: TrainedModel = { payload: { trainer: DQN_TRAINER_VERSION, ...mlpToPayload(weights) }, curve, experience: { transitions, gradientSteps: trainer.steps } };
    return { model, trained };
  } finally {
    trainer.dispose();
  }
}
