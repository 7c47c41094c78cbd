import type { Training } from "../scenario/objective-schema.js";

/**
 * The DQN trainer's version, recorded in its model files: change it whenever a change to the
 * trainer, its settings or the agent's decision rule makes earlier model files stale (the
 * shipped model's test then asks for `npm run train:baseline`).
 */
export const DQN_TRAINER_VERSION = "dqfd-guarded/2";

/** Hyper-parameters of the DQN agent; the scenario's `training` section sets the budget. */
export interface DqnSettings {
  readonly episodes: number;
  readonly episodeDays: number;
  /** Subscribers in each training world. */
  readonly maxSubscribers: number;
  readonly hiddenSizes: readonly number[];
  /** Discount per day: a transition d days long is discounted by dailyGamma^d. */
  readonly dailyGamma: number;
  /** Money is divided by this before it becomes a reward. */
  readonly rewardScale: number;
  readonly replayCapacity: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly targetSyncSteps: number;
  readonly huberDelta: number;
  readonly gradientStepsPerDay: number;
  /** Ready transitions before the first gradient step. */
  readonly minReplay: number;
  /** Exploration share of the first and the last training episode (geometric in between). */
  readonly epsilonStart: number;
  readonly epsilonEnd: number;
  /**
   * Learning from a demonstrator (DQfD), when the trainer is given one: the first
   * `demonstrationEpisodes` episodes are run by the demonstrator with `demonstrationEpsilon`
   * uniform exploration (the later ones epsilon-greedy on Q), and every transition keeps the
   * demonstrator's action at s for the large-margin loss, weighted `marginWeightStart` in the
   * first episode down to `marginWeightEnd` in the last (linear).
   */
  readonly demonstrationEpisodes: number;
  readonly demonstrationEpsilon: number;
  /** In reward units (money / rewardScale). */
  readonly demonstrationMargin: number;
  readonly marginWeightStart: number;
  readonly marginWeightEnd: number;
}

/** The agent's settings for a scenario's `training` section. */
export function dqnSettings(training: Training): DqnSettings {
  return {
    episodes: training.episodes,
    episodeDays: training.episodeDays,
    maxSubscribers: Math.min(training.maxSubscribers, training.rlMaxSubscribers),
    hiddenSizes: [32, 32],
    dailyGamma: 0.995,
    rewardScale: 50,
    replayCapacity: 200_000,
    batchSize: 256,
    learningRate: 1e-3,
    targetSyncSteps: 100,
    huberDelta: 1,
    gradientStepsPerDay: training.rlGradientStepsPerDay,
    minReplay: 2_000,
    epsilonStart: 0.2,
    epsilonEnd: 0.05,
    demonstrationEpisodes: Math.ceil(training.episodes / 2),
    demonstrationEpsilon: 0.2,
    demonstrationMargin: 0.2,
    marginWeightStart: 1,
    marginWeightEnd: 1,
  };
}

/** Epsilon of training episode `episode`: geometric from epsilonStart to epsilonEnd. */
export function explorationShare(settings: DqnSettings, episode: number): number {
  if (settings.episodes <= 1) return settings.epsilonEnd;
  return settings.epsilonStart * Math.pow(settings.epsilonEnd / settings.epsilonStart, episode / (settings.episodes - 1));
}

/** Weight of the demonstration margin loss in training episode `episode`: linear from marginWeightStart to marginWeightEnd. */
export function marginWeight(settings: DqnSettings, episode: number): number {
  if (settings.episodes <= 1) return settings.marginWeightEnd;
  return settings.marginWeightStart + ((settings.marginWeightEnd - settings.marginWeightStart) * episode) / (settings.episodes - 1);
}
