import { existsSync, readdirSync, rmSync } from "node:fs";
import { RunInterruptedError } from "../parallel/run-interrupted-error.js";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../input-error.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { MAX_SUBSCRIBERS } from "../scenario/world-schema.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { planTasks, runTasks } from "../parallel/run-tasks.js";
import { shardTasks, type Shard } from "../parallel/shard-tasks.js";
import { describeExperiment } from "../report/experiment-description.js";
import { defaultOutDir } from "./default-out-dir.js";
import { checkOutputFolder } from "./check-output-folder.js";
import { preflightScenario } from "./preflight-scenario.js";
import { resultsFromOutcomes, writeExperimentResults } from "./write-experiment-results.js";
import { writeShardResults } from "./write-shard-results.js";
import { whileHandlingInterrupts } from "./while-handling-interrupts.js";
import { createProgressReporter } from "./progress-reporter.js";
import type { TaskFailure, TaskProgress } from "../parallel/run-tasks.js";
import type { ExperimentResults } from "../report/build-results.js";
import { resultFiles } from "./write-experiment-results.js";
import { loadTensorFlow, TF_BACKEND_ENV, TF_BACKENDS } from "../learning/tensorflow-backend.js";
import { planExperiment, type ExperimentPlan } from "./plan-experiment.js";
import { checkModelFiles } from "./check-model-files.js";

export { planExperiment, type ExperimentPlan } from "./plan-experiment.js";
import { RunFailedError } from "./run-failed-error.js";
import { logOptions } from "./log-options.js";
import { runId } from "./run-id.js";
import { readRecordedExperiment } from "./recorded-experiment.js";
import type { LogFormat } from "../log/open-decision-log.js";

/** The flags of `offersim run` as typed (numbers still as text, checked by parseRunOptions). */
export interface RunFlags {
  scenario?: string;
  policies?: string;
  models?: string;
  seeds?: string;
  seed?: string;
  reference?: string;
  subscribers?: string;
  days?: string;
  workers?: string;
  tfBackend?: string;
  taskTimeout?: string;
  shard?: string;
  against?: string;
  /** A results.json (or its folder) whose experiment to run again. */
  from?: string;
  out?: string;
  force?: boolean;
  allowPolicyModules?: boolean;
  logDecisions?: string;
  logFormat?: string;
  logExpectedValues?: boolean;
  logDistribution?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** `--color` / `--no-color` as typed. */
  colour?: boolean;
}

/** The flags of `offersim run`, checked. */
export interface RunOptions {
  scenario?: string;
  policies?: string;
  /** --models NAME=FILE,...: trained models for policies of the run. */
  models?: string;
  seeds: number;
  seed?: number;
  subscribers?: number;
  days?: number;
  workers: number;
  /** Seconds a task may run; 0 for no limit. */
  taskTimeoutSeconds: number;
  shard?: Shard;
  out?: string;
  /** Replace the results of an earlier run in --out. */
  force: boolean;
  /** Let the scenario's `policies` list run policy modules. */
  allowPolicyModules: boolean;
  tfBackend?: string;
  /** --log-decisions and its companions: where and how to write the decision log. */
  log?: { dir: string; format: LogFormat; expectedValues: boolean; distribution: boolean };
  json: boolean;
  quiet: boolean;
}

export const DEFAULT_SEEDS = 3;
/** No time limit unless --task-timeout sets one. */
export const DEFAULT_TASK_TIMEOUT_SECONDS = 0;
const MAX_SHARDS = 100_000;
/** Worker threads a run may start: each holds a population and a Node.js heap, so far more than the cores only costs memory. */
export const MAX_WORKERS = 256;
/** About 23 days: timers take at most 2^31 - 1 milliseconds. */
const MAX_TIMEOUT_SECONDS = 2_000_000;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** scenarios/baseline.yaml of the working directory, else the one shipped with the package. */
export function defaultScenarioFile(): string {
  const local = path.join("scenarios", "baseline.yaml");
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, "scenarios", "baseline.yaml");
}

/** The scenarios/ folder of the working directory, else the package's (the what-if library). */
export function defaultScenariosDir(): string {
  return path.dirname(defaultScenarioFile());
}

/** Checks the flags; every problem names the flag, the rule and the value found. */
export function parseRunOptions(flags: RunFlags): RunOptions {
  const problems: string[] = [];
  /** True (and a problem noted) when a flag was given more than once. */
  const once = (flag: string, raw: string): boolean => {
    if (!Array.isArray(raw)) return false;
    problems.push(`--${flag} must be given once, got ${(raw as string[]).length} values: ${JSON.stringify(raw)}`);
    return true;
  };
  const integer = (flag: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined || once(flag, raw)) return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const seconds = (flag: string, raw: string | undefined): number | undefined => {
    if (raw === undefined || once(flag, raw)) return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > MAX_TIMEOUT_SECONDS) {
      problems.push(`--${flag} must be a number of seconds from 0 (no limit) to ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const shard = (raw: string | undefined): Shard | undefined => {
    if (raw === undefined || once("shard", raw)) return undefined;
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || index < 1 || index > count || count > MAX_SHARDS) {
      problems.push(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (for example 2/4 for the second of four shards), got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return { index, count };
  };
  const text = (flag: string, raw: string | undefined): string | undefined => (raw === undefined || once(flag, raw) ? undefined : raw);
  const options: RunOptions = {
    scenario: text("scenario", flags.scenario),
    policies: text("policies", flags.policies),
    models: text("models", flags.models),
    seeds: integer("seeds", flags.seeds, 1, 1000) ?? DEFAULT_SEEDS,
    seed: integer("seed", flags.seed, 0, 2 ** 32 - 1),
    subscribers: integer("subscribers", flags.subscribers, 1, MAX_SUBSCRIBERS),
    days: integer("days", flags.days, 1, 3650),
    workers: integer("workers", flags.workers, 1, MAX_WORKERS) ?? os.availableParallelism(),
    taskTimeoutSeconds: seconds("task-timeout", flags.taskTimeout) ?? DEFAULT_TASK_TIMEOUT_SECONDS,
    shard: shard(flags.shard),
    out: text("out", flags.out),
    force: flags.force ?? false,
    allowPolicyModules: flags.allowPolicyModules ?? false,
    tfBackend: text("tf-backend", flags.tfBackend),
    json: flags.json ?? false,
    quiet: flags.quiet ?? false,
  };
  if (options.tfBackend !== undefined && !(TF_BACKENDS as readonly string[]).includes(options.tfBackend)) {
    problems.push(`--tf-backend must be one of ${TF_BACKENDS.join(", ")}, got ${JSON.stringify(flags.tfBackend)}`);
  }
  const log = logOptions(flags, problems, once);
  if (log) options.log = log;
  if (problems.length > 0) throw new InputError(problems);
  return options;
}

/** `offersim run`: load, simulate every (policy, seed) of the run or its shard, write the results. */
export async function runCommand(flags: RunFlags): Promise<{ outDir: string }> {
  const recorded = flags.from === undefined ? null : readRecordedExperiment(flags.from, flags);
  const runFlags = recorded ? { ...flags, ...recorded.flags } : flags;
  const options = parseRunOptions(runFlags);
  const file = recorded?.whatIf.file ?? options.scenario ?? defaultScenarioFile();
  const loaded = recorded?.whatIf ?? loadScenario(file);
  const scenario = applyRunOverrides(loaded.scenario, options);
  const plan = await planExperiment(options, file, scenario, runFlags.reference);
  const recordedRun = { definition: loaded.scenario, policySources: plan.sources, set: recorded?.set };
  checkModelFiles(plan.sources, scenario, loaded.hash);
  const experiment = describeExperiment({
    scenario,
    scenarioFile: file,
    scenarioHash: loaded.hash,
    rootSeed: plan.rootSeed,
    seeds: options.seeds,
    policies: plan.policies,
    reference: plan.reference,
    ...recordedRun,
  });
  const startedAt = new Date();
  const shardSuffix = options.shard ? `-shard-${options.shard.index}-of-${options.shard.count}` : "";
  const outDir = options.out ?? defaultOutDir(scenario.name, startedAt, shardSuffix);
  checkOutputFolder(outDir, options.out === undefined ? "the default output folder" : "--out", "run", options.force);

  const baselineFile = recorded ? recorded.against?.file : flags.against;
  const baselineWorld = baselineFile === undefined ? null : loadBaselineWorld(baselineFile, scenario, options, recorded?.against ?? undefined);
  const againstExperiment =
    baselineWorld && describeExperiment({ ...baselineWorld, rootSeed: plan.rootSeed, seeds: options.seeds, policies: plan.policies, reference: plan.reference, policySources: plan.sources });

  await useTfBackend(options);
  const planned = planTasks(plan.policies, plan.sources, options.seeds);
  const tasks = options.shard ? shardTasks(planned, options.shard) : planned;
  const sizeSource = options.subscribers !== undefined ? "--subscribers" : "population.size";
  preflightScenario(file, scenario, { concurrentTasks: Math.max(1, Math.min(options.workers, tasks.length)), sizeSource, colour: flags.colour });
  const logDirExisted = options.log !== undefined && existsSync(options.log.dir);
  const interrupted = (error: unknown) => {
    // The log folder was new or empty: an interrupted run leaves it as it was (a failed task's run keeps the others' logs).
    const dir = error instanceof RunInterruptedError ? options.log?.dir : undefined;
    if (dir && existsSync(dir)) {
      if (logDirExisted) for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true, force: true });
      else rmSync(dir, { recursive: true, force: true });
    }
    throw error;
  };
  // Ctrl-C stops the workers and writes nothing; once the results are in, the files are written whole.
  await whileHandlingInterrupts(async (signal) => {
    // The decision log is the what-if's: the baseline world of --against is not logged.
    const logTo = options.log && { ...options.log, runId: runId(startedAt), scenarioHash: loaded.hash };
    const runWorld = (world: Scenario, log: typeof logTo) => {
      const progress = createProgressReporter(process.stderr, options.quiet);
      const run = runTasks(world, plan.rootSeed, tasks, { workers: options.workers, taskTimeoutSeconds: options.taskTimeoutSeconds, signal, onProgress: progress.update, logTo: log });
      return run.finally(progress.done);
    };
    const outcomes = await runWorld(scenario, logTo);
    const againstOutcomes = baselineWorld ? await runWorld(baselineWorld.scenario, undefined) : null;
    if (options.shard) writeShardResults({ experiment, shard: options.shard, outcomes, outDir, startedAt, workers: options.workers, json: options.json });
    else {
      const against = againstExperiment && againstOutcomes ? { experiment: againstExperiment, outcomes: againstOutcomes } : undefined;
      writeExperimentResults({ experiment, outcomes, outDir, json: options.json, startedAt, workers: options.workers, against, colour: flags.colour });
    }
  }).catch(interrupted);
  return { outDir };
}

/**
 * `--against BASELINE`: the baseline world the what-if is measured against, run on the what-if's
 * root seed, seeds, subscribers, days and warm-up, so that each seed's two worlds draw the same
 * random numbers and differ only by the scenarios (common random numbers).
 */
function loadBaselineWorld(
  file: string,
  whatIf: Scenario,
  options: RunOptions,
  recorded?: { scenario: Scenario; hash: string },
): { scenario: Scenario; scenarioFile: string; scenarioHash: string; definition: Scenario } {
  if (options.shard) throw new InputError(`--against cannot be combined with --shard: a what-if and its baseline run together on one machine, got --against ${JSON.stringify(file)} and --shard ${options.shard.index}/${options.shard.count}`);
  const loaded = recorded ?? loadScenario(file);
  const scenario = { ...loaded.scenario, horizonDays: whatIf.horizonDays, warmupDays: whatIf.warmupDays, population: { ...loaded.scenario.population, size: whatIf.population.size } };
  return { scenario, scenarioFile: file, scenarioHash: loaded.hash, definition: loaded.scenario };
}

/**
 * Worker threads copy the environment when they start: the TensorFlow.js backend travels with it.
 * tfjs-node is tried here first, so that a missing or broken install is bad input (exit 2) before
 * anything runs rather than a failure of every learning policy's tasks.
 */
async function useTfBackend(options: RunOptions): Promise<void> {
  if (options.tfBackend === undefined) return;
  process.env[TF_BACKEND_ENV] = options.tfBackend;
  if (options.tfBackend !== "node") return;
  try {
    await loadTensorFlow("node");
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

/** The scenario with --days and --subscribers applied (the hash stays the file's). */
export function applyRunOverrides(scenario: Scenario, options: RunOptions): Scenario {
  return {
    ...scenario,
    horizonDays: options.days ?? scenario.horizonDays,
    population: { ...scenario.population, size: options.subscribers ?? scenario.population.size },
  };
}

/** A validated scenario ready to run: where it came from and its hash. */
export interface ExperimentScenario {
  file: string;
  scenario: Scenario;
  hash: string;
  /** The scenario before the run's overrides, recorded in results.json (`run --from`). */
  definition?: Scenario;
  /** A sweep variant's `--set` values, recorded in results.json. */
  set?: Readonly<Record<string, string | number | boolean>>;
  /** meta.runId and the tidy CSVs' run_id. */
  runId?: string;
}

/**
 * Runs every (policy, seed) task of one scenario and assembles results.json. Failed tasks leave
 * their policy out and are returned in `failures`.
 *
 * @throws {RunFailedError} when the reference policy or every policy failed: nothing to report.
 */
export async function runExperiment(
  input: ExperimentScenario,
  plan: ExperimentPlan,
  options: RunOptions,
  onProgress?: (progress: TaskProgress) => void,
  signal?: AbortSignal,
): Promise<{ results: ExperimentResults; failures: TaskFailure[] }> {
  const { scenario } = input;
  const { policies, reference } = plan;
  await useTfBackend(options);
  const startedAt = new Date();
  const outcomes = await runTasks(scenario, plan.rootSeed, planTasks(policies, plan.sources, options.seeds), {
    workers: options.workers,
    taskTimeoutSeconds: options.taskTimeoutSeconds,
    signal,
    onProgress,
  });
  return resultsFromOutcomes({
    scenario,
    scenarioFile: input.file,
    scenarioHash: input.hash,
    rootSeed: plan.rootSeed,
    replicates: options.seeds,
    policies,
    outcomes,
    startedAt,
    workers: options.workers,
    reference,
    scenarioDefinition: input.definition,
    policySources: plan.sources,
    set: input.set,
    runId: input.runId ?? runId(startedAt),
  });
}

/** The files of a run folder (see resultFiles); a sweep leaves report.html out of its variants. */
export function experimentFiles(experiment: ExperimentResults, options: { report?: boolean } = {}): Record<string, string> {
  return resultFiles(experiment, options);
}

export { timestamp } from "./run-id.js";
