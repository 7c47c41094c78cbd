import { readFileSync } from "node:fs";
import { InputError } from "../input-error.js";
import type { LearningCurve } from "../results/learning-curve.js";
import type { Training } from "../scenario/objective-schema.js";
import type { TrainingExperience } from "./trainable.js";
import type { PriorExperience } from "../results/replicate-result.js";

/** The format tag of a model file; a file without it is not a model of this version. */
export const MODEL_FORMAT = "offersim-model/1";

/**
 * A trained model as `offersim train` writes it: what it was trained on (the scenario's name
 * and hash, the feature names and action ids in the order of the network's inputs and
 * outputs, the training budget and root seed), how long and how it learned, and the policy's
 * own payload (for dqn, the Q-network's weights). Plain JSON; identical commands write
 * identical files.
 */
export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly policy: string;
  readonly offersimVersion: string;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly rootSeed: number;
  readonly featureNames: readonly string[];
  readonly actionIds: readonly string[];
  /** The scenario's `training` section as trained (with --budget applied). */
  readonly budget: Training;
  /** The trainer's transitions and gradient steps, and the customer-days and decisions its training worlds simulated. */
  readonly experience: TrainingExperience & PriorExperience;
  readonly curve: LearningCurve;
  readonly model: unknown;
}

/** `NAME=FILE` in --policies: built-in NAME evaluated with the model in FILE. */
export function parseModelSpec(spec: string): { name: string; file: string } | null {
  const match = /^([a-z0-9][a-z0-9-]*)=(.+)$/.exec(spec.trim());
  return match ? { name: match[1], file: match[2] } : null;
}

/**
 * Reads and checks a model file's envelope. Each problem names the file, the field, what was
 * expected and what was found.
 *
 * @throws {InputError} when the file is missing, not JSON, or not a model file of this format.
 */
export function readModelFile(file: string): ModelFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: the model file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${file}: a model file must be JSON written by offersim train, got text that does not parse (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = (field: string, expected: string, value: unknown) => new InputError(`${file}: ${field} must be ${expected}, got ${JSON.stringify(value) ?? "nothing"}`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw problem("the model file", "a JSON object written by offersim train", data);
  if (data.format !== MODEL_FORMAT) throw problem("format", JSON.stringify(MODEL_FORMAT), data.format);
  if (typeof data.policy !== "string") throw problem("policy", "a policy name", data.policy);
  const scenario = data.scenario as Record<string, unknown> | undefined;
  if (typeof scenario?.name !== "string" || typeof scenario?.hash !== "string") throw problem("scenario", "{ name, hash } (strings)", scenario);
  const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
  if (!strings(data.featureNames)) throw problem("featureNames", "a list of strings", data.featureNames);
  if (!strings(data.actionIds)) throw problem("actionIds", "a list of strings", data.actionIds);
  if (typeof data.budget !== "object" || data.budget === null) throw problem("budget", "the training section trained with", data.budget);
  if (!("model" in data)) throw problem("model", "the trained model", undefined);
  return data as unknown as ModelFile;
}

/**
 * Checks a model against the run it is to be evaluated in: the same feature names and action
 * ids, in the same order (a network's inputs and outputs mean nothing otherwise). Returns the
 * problem as one line, or null.
 */
export function modelMismatch(file: string, model: ModelFile, featureNames: readonly string[], actionIds: readonly string[]): string | null {
  const differs = (what: string, trained: readonly string[], run: readonly string[]) => {
    if (trained.length === run.length && trained.every((name, k) => name === run[k])) return null;
    const k = trained.findIndex((name, index) => name !== run[index]);
    const at = k >= 0 ? k : Math.min(trained.length, run.length);
    return `${file}: ${what} must match the run's (${run.length} of them), got ${trained.length}, first difference at ${what}[${at}]: the model has ${JSON.stringify(trained[at]) ?? "nothing"}, the run ${JSON.stringify(run[at]) ?? "nothing"}`;
  };
  return differs("featureNames", model.featureNames, featureNames) ?? differs("actionIds", model.actionIds, actionIds);
}
