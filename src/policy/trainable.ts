import type { LearningCurve } from "../results/learning-curve.js";
import type { PrepareContext } from "./policy.js";

/**
 * Where a policy stands in its training, as plain JSON data: what `offersim train` writes to
 * its checkpoint file after each unit of work (a training episode), and gives back on `--resume`.
 */
export interface TrainingCheckpoint {
  /** Units of work (episodes) done. */
  readonly unitsDone: number;
  /** The policy's own state (networks, optimiser, stream states, curve so far). */
  readonly state: unknown;
}

/** What a trainer is told and tells back while `offersim train` (or a run's `prepare`) trains it. */
export interface TrainingSession {
  /** The checkpoint to continue from, or null to start afresh. */
  readonly resumeFrom: TrainingCheckpoint | null;
  /** Reports progress: `done` of `total` units of work. */
  progress(done: number, total: number): void;
  /** A unit of work is done: this is where to continue from. */
  checkpoint(checkpoint: TrainingCheckpoint): void;
}

/** A session that reports nothing and keeps no checkpoint: training inside a run's `prepare`. */
export const SILENT_TRAINING: TrainingSession = {
  resumeFrom: null,
  progress: () => undefined,
  checkpoint: () => undefined,
};

/** How much experience training used: environment transitions and gradient steps (or fitted rows). */
export interface TrainingExperience {
  readonly transitions: number;
  readonly gradientSteps: number;
}

/** A trained model: its plain-JSON payload, how training went, and the experience it took. */
export interface TrainedModel {
  readonly payload: unknown;
  readonly curve: LearningCurve;
  readonly experience: TrainingExperience;
}

/**
 * What a learning policy offers besides `prepare`, so that `offersim train POLICY` can train it
 * once and `--policies POLICY=FILE` can evaluate the model many times: `train` does what
 * `prepare` would, with progress and checkpoints, and returns the model as plain JSON; `load`
 * turns such a payload back into what `create` gets as `context.prepared` (it throws an Error
 * naming the field when the payload is malformed).
 */
export interface Trainable {
  train(context: PrepareContext, session: TrainingSession): Promise<TrainedModel>;
  load(payload: unknown): unknown;
  /**
   * Asynchronous work before `create` when the policy is evaluated from a model file (what
   * `prepare` would do besides training, e.g. loading TensorFlow.js to learn on); it returns
   * what `create` gets. Leave it out to give `create` the loaded model as it is.
   */
  prepareLoaded?(loaded: unknown): Promise<unknown>;
}
