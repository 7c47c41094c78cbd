import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../input-error.js";
import { findBuiltinPolicy, BUILTIN_POLICIES } from "../../policies/builtin-policies.js";
import { experienceCounter, prepareContext } from "../engine/run-replicate.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { trainingSchema, type Training } from "../scenario/objective-schema.js";
import { MODEL_FORMAT, type ModelFile } from "../policy/model-file.js";
import type { TrainingCheckpoint, TrainingSession } from "../policy/trainable.js";
import { OFFERSIM_VERSION } from "../version.js";
import type { PriorExperience } from "../results/replicate-result.js";
import { TF_BACKEND_ENV, TF_BACKENDS } from "../learning/tensorflow-backend.js";
import { defaultScenarioFile } from "./run-command.js";
import { createTrainingProgress } from "./training-progress.js";

/** The flags of `offersim train`, as typed. */
export interface TrainFlags {
  policy: string;
  scenario?: string;
  out?: string;
  budget?: string;
  seed?: string;
  checkpoint?: string;
  resume?: boolean;
  force?: boolean;
  tfBackend?: string;
  quiet?: boolean;
}

const CHECKPOINT_FORMAT = "offersim-checkpoint/1";

/** What a checkpoint file holds besides the policy's state: what it must match to be resumed. */
interface CheckpointFile {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly policy: string;
  readonly scenarioHash: string;
  readonly rootSeed: number;
  readonly budget: Training;
  /** Customer-days and decisions simulated up to the checkpoint. */
  readonly experience: PriorExperience;
  readonly checkpoint: TrainingCheckpoint;
}

/**
 * `offersim train POLICY [SCENARIO] --out FILE`: trains a trainable built-in policy once, as its
 * `prepare` would for replicate 0 of the root seed (training worlds only, never an evaluation
 * seed), with a progress bar on a terminal, a checkpoint after every episode (`--resume`
 * continues from it), and writes the model file for `--policies POLICY=FILE`. Prints the
 * learning curve and the training throughput.
 */
export async function trainCommand(flags: TrainFlags): Promise<void> {
  const definition = findBuiltinPolicy(flags.policy);
  const trainable = BUILTIN_POLICIES.filter((policy) => policy.trainable).map((policy) => policy.name);
  if (!definition?.trainable) throw new InputError(`offersim train: POLICY must be a trainable built-in policy (${trainable.join(", ")}), got ${JSON.stringify(flags.policy)}`);
  if (flags.out === undefined) throw new InputError("offersim train: --out FILE is required (where the model file is written, e.g. models/dqn-baseline.json)");
  if (flags.tfBackend !== undefined && !(TF_BACKENDS as readonly string[]).includes(flags.tfBackend)) throw new InputError(`--tf-backend must be one of ${TF_BACKENDS.join(", ")}, got ${JSON.stringify(flags.tfBackend)}`);
  if (flags.tfBackend !== undefined) process.env[TF_BACKEND_ENV] = flags.tfBackend;
  const out = flags.out;
  const checkpointFile = flags.checkpoint ?? `${out}.checkpoint.json`;
  const file = flags.scenario ?? defaultScenarioFile();
  const loaded = loadScenario(file);
  const budget = parseBudget(flags.budget, loaded.scenario.training);
  const rootSeed = parseSeed(flags.seed, loaded.scenario.seed);
  if (existsSync(out) && !flags.force) throw new InputError(`--out: ${out} exists; add --force to replace it`);
  const resumed = flags.resume ? readCheckpoint(checkpointFile, { policy: definition.name, scenarioHash: loaded.hash, rootSeed, budget }) : null;
  const resumeFrom = resumed?.checkpoint ?? null;
  if (!flags.resume && existsSync(checkpointFile) && !flags.force) {
    throw new InputError(`${checkpointFile}: a checkpoint of an earlier training is there; add --resume to continue it, or --force to start afresh`);
  }
  ensureFolderFor(out, "--out");
  ensureFolderFor(checkpointFile, "--checkpoint");
  const scenario = { ...loaded.scenario, training: budget };
  const counter = experienceCounter();
  if (resumed) Object.assign(counter, resumed.experience);
  const context = prepareContext({ scenario, rootSeed, replicate: 0, policy: definition }, counter);
  const progress = createTrainingProgress(process.stderr, flags.quiet ?? false);
  const session: TrainingSession = {
    resumeFrom,
    progress: progress.update,
    checkpoint(checkpoint) {
      const content: CheckpointFile = { format: CHECKPOINT_FORMAT, policy: definition.name, scenarioHash: loaded.hash, rootSeed, budget, experience: { ...counter }, checkpoint };
      writeAtomically(checkpointFile, JSON.stringify(content));
    },
  };
  const started = performance.now();
  const trained = await definition.trainable.train(context, session).finally(progress.done);
  const seconds = (performance.now() - started) / 1000;
  const model: ModelFile = {
    format: MODEL_FORMAT,
    policy: definition.name,
    offersimVersion: OFFERSIM_VERSION,
    scenario: { name: scenario.name, hash: loaded.hash },
    rootSeed,
    featureNames: [...context.featureNames],
    actionIds: context.actions.map((action) => action.id),
    budget,
    experience: { ...trained.experience, ...counter },
    curve: trained.curve,
    model: trained.payload,
  };
  writeAtomically(out, `${JSON.stringify(model)}\n`);
  rmSync(checkpointFile, { force: true });
  const { transitions, gradientSteps } = trained.experience;
  const lines = [
    `trained ${definition.name} on ${scenario.name} (hash ${loaded.hash}, root seed ${rootSeed}) in ${seconds.toFixed(1)} s${resumeFrom ? ` (resumed after ${resumeFrom.unitsDone} episodes)` : ""}`,
    `  ${counter.customerDays.toLocaleString("en")} customer-days and ${counter.decisions.toLocaleString("en")} decisions simulated; ${transitions.toLocaleString("en")} environment transitions (${(transitions / seconds).toFixed(0)}/s), ${gradientSteps.toLocaleString("en")} gradient steps (${(gradientSteps / seconds).toFixed(1)}/s)`,
    `  learning curve: ${trained.curve.yLabel} by ${trained.curve.xLabel}`,
    ...trained.curve.x.map((x, k) => `    ${String(x).padStart(4)}  ${trained.curve.y[k].toFixed(2)}`),
    `  model written to ${out}; evaluate it with --policies ${definition.name}=${out}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** --budget KEY=VALUE,...: the scenario's `training` section with these fields replaced, checked by its schema. */
export function parseBudget(raw: string | undefined, training: Training): Training {
  if (raw === undefined) return training;
  const overrides: Record<string, number> = {};
  const problems: string[] = [];
  for (const part of raw.split(",").map((item) => item.trim()).filter((item) => item.length > 0)) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(part);
    if (!match || !Object.hasOwn(training, match[1])) {
      problems.push(`--budget must be KEY=VALUE pairs of the scenario's training section (${Object.keys(training).join(", ")}), got ${JSON.stringify(part)}`);
      continue;
    }
    const value = Number(match[2]);
    if (match[2].trim() === "" || !Number.isFinite(value)) problems.push(`--budget: ${match[1]} must be a number, got ${JSON.stringify(match[2])}`);
    else overrides[match[1]] = value;
  }
  if (problems.length > 0) throw new InputError(problems);
  const parsed = trainingSchema.safeParse({ ...training, ...overrides });
  if (!parsed.success) throw new InputError(parsed.error.issues.map((issue) => `--budget: ${issue.path.join(".")} ${issue.message}, got ${JSON.stringify(overrides[String(issue.path[0])])}`));
  return parsed.data;
}

function parseSeed(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) throw new InputError(`--seed must be an integer from 0 to ${2 ** 32 - 1}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The checkpoint to resume, which must be of the same policy, scenario, root seed and budget. */
function readCheckpoint(file: string, expected: Omit<CheckpointFile, "format" | "checkpoint" | "experience">): CheckpointFile {
  if (!existsSync(file)) throw new InputError(`--resume: no checkpoint at ${file} (it is written after every training episode; --checkpoint names another file)`);
  let data: CheckpointFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as CheckpointFile;
  } catch (error) {
    throw new InputError(`${file}: a checkpoint must be JSON written by offersim train, got text that does not parse (${error instanceof Error ? error.message : String(error)})`);
  }
  if (data?.format !== CHECKPOINT_FORMAT) throw new InputError(`${file}: format must be "${CHECKPOINT_FORMAT}", got ${JSON.stringify(data?.format)}`);
  for (const key of ["policy", "scenarioHash", "rootSeed"] as const) {
    if (data[key] !== expected[key]) throw new InputError(`${file}: ${key} must be ${JSON.stringify(expected[key])} to resume this training, got ${JSON.stringify(data[key])}`);
  }
  if (JSON.stringify(data.budget) !== JSON.stringify(expected.budget)) throw new InputError(`${file}: budget must be the one of this training (${JSON.stringify(expected.budget)}), got ${JSON.stringify(data.budget)}`);
  return data;
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Creates the folder `file` goes in (as `mkdir -p`); a path through a file, or one that cannot be created, is bad input naming the flag. */
function ensureFolderFor(file: string, flag: string): void {
  const folder = path.dirname(path.resolve(file));
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new InputError(`${flag}: ${path.dirname(file)} is a file, expected a folder to write ${path.basename(file)} in`);
    return;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new InputError(`${flag}: cannot create the folder ${path.dirname(file)} (${error instanceof Error && "code" in error ? String(error.code) : String(error)})`);
  }
}
