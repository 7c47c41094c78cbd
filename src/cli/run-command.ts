import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../input-error.js";
import { loadScenario } from "../scenario/load-scenario.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { BUILTIN_POLICIES } from "../policy/builtin-policies.js";
import { looksLikePath, resolvePolicies } from "../policy/resolve-policies.js";
import { planTasks, runTasks, type TaskFailure, type TaskProgress } from "../parallel/run-tasks.js";
import type { PolicyDefinition } from "../policy/policy.js";
import { buildResults, type ExperimentResults } from "../report/build-results.js";
import { renderReportHtml } from "../report/render-report-html.js";
import { summaryCsv, summaryMarkdown, summaryText } from "../report/summary-writers.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { createProgressReporter } from "./progress-reporter.js";
import { TF_BACKEND_ENV, TF_BACKENDS } from "../learning/tensorflow-backend.js";
import { RunFailedError } from "./run-failed-error.js";

/** The flags of `offersim run` as typed (numbers still as text, checked by parseRunOptions). */
export interface RunFlags {
  scenario?: string;
  policies?: string;
  seeds?: string;
  seed?: string;
  reference?: string;
  subscribers?: string;
  days?: string;
  workers?: string;
  tfBackend?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The flags of `offersim run`, checked. */
export interface RunOptions {
  scenario?: string;
  policies?: string;
  seeds: number;
  seed?: number;
  subscribers?: number;
  days?: number;
  workers: number;
  out?: string;
  tfBackend?: string;
  json: boolean;
  quiet: boolean;
}

export const DEFAULT_SEEDS = 3;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** scenarios/baseline.yaml of the working directory, else the one shipped with the package. */
export function defaultScenarioFile(): string {
  const local = path.join("scenarios", "baseline.yaml");
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, "scenarios", "baseline.yaml");
}

/** The scenarios/ folder of the working directory (when it has a baseline.yaml), else the package's. */
export function defaultScenariosDir(): string {
  return path.dirname(defaultScenarioFile());
}

/** Checks the flags; every problem names the flag, the rule and the value found. */
export function parseRunOptions(flags: RunFlags): RunOptions {
  const problems: string[] = [];
  const integer = (flag: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    if (Array.isArray(raw)) {
      problems.push(`--${flag} must be given once, got ${(raw as string[]).length} values: ${JSON.stringify(raw)}`);
      return undefined;
    }
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const options: RunOptions = {
    scenario: flags.scenario,
    policies: flags.policies,
    seeds: integer("seeds", flags.seeds, 1, 1000) ?? DEFAULT_SEEDS,
    seed: integer("seed", flags.seed, 0, 2 ** 32 - 1),
    subscribers: integer("subscribers", flags.subscribers, 1, 50_000_000),
    days: integer("days", flags.days, 1, 3650),
    workers: integer("workers", flags.workers, 1, 1024) ?? os.availableParallelism(),
    out: flags.out,
    tfBackend: flags.tfBackend,
    json: flags.json ?? false,
    quiet: flags.quiet ?? false,
  };
  if (flags.tfBackend !== undefined && !(TF_BACKENDS as readonly string[]).includes(flags.tfBackend)) {
    problems.push(`--tf-backend must be one of ${TF_BACKENDS.join(", ")}, got ${JSON.stringify(flags.tfBackend)}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return options;
}

/** `offersim run`: load, simulate every (policy, seed), write DIR/results.json, summary.csv, summary.md, report.html. */
export async function runCommand(flags: RunFlags): Promise<{ results: ExperimentResults; outDir: string }> {
  const options = parseRunOptions(flags);
  const file = options.scenario ?? defaultScenarioFile();
  const loaded = loadScenario(file);
  const scenario = applyRunOverrides(loaded.scenario, options);
  const plan = await planExperiment(options, file, scenario, flags.reference);
  const outDir = options.out ?? path.join("reports", `${scenario.name}-${timestamp(new Date())}`);

  const progress = createProgressReporter(process.stderr, options.quiet);
  const { results: experiment, failures } = await runExperiment({ file, scenario, hash: loaded.hash }, plan, options, progress.update);
  progress.done();
  writeFilesAtomically(outDir, experimentFiles(experiment));
  if (options.json) process.stdout.write(JSON.stringify(experiment) + "\n");
  else process.stdout.write(`${summaryText(experiment)}\nWrote ${path.join(outDir, "results.json")}, summary.csv, summary.md and report.html\n`);
  if (failures.length > 0) throw new RunFailedError(failures, `the results of the other policies are in ${outDir}`);
  return { results: experiment, outDir };
}

/** The scenario with --days and --subscribers applied (the hash stays the file's). */
export function applyRunOverrides(scenario: Scenario, options: RunOptions): Scenario {
  return {
    ...scenario,
    horizonDays: options.days ?? scenario.horizonDays,
    population: { ...scenario.population, size: options.subscribers ?? scenario.population.size },
  };
}

/** What an experiment runs besides the scenario: the policies, their sources, the root seed and the reference. */
export interface ExperimentPlan {
  policies: PolicyDefinition[];
  /** How a worker finds each policy: a built-in name or a module's absolute path. */
  sources: string[];
  rootSeed: number;
  reference: string | null;
}

/**
 * Resolves --policies (else the scenario's `policies`, else every built-in), --seed and
 * --reference. Module paths in a scenario are relative to the scenario file, like `extends`.
 *
 * @throws {InputError} for an empty list or a --reference that does not run.
 */
export async function planExperiment(options: RunOptions, file: string, scenario: Scenario, referenceFlag: string | undefined): Promise<ExperimentPlan> {
  const fromScenario = (name: string) => (looksLikePath(name) && !path.isAbsolute(name) ? path.join(path.dirname(file), name) : name);
  const names = options.policies
    ? options.policies.split(",").map((name) => name.trim()).filter((name) => name.length > 0)
    : scenario.policies?.map(fromScenario) ?? BUILTIN_POLICIES.map((policy) => policy.name);
  if (names.length === 0) throw new InputError("--policies must name at least one policy, got an empty list");
  const policies = await resolvePolicies(names, options.policies ? "--policies" : `${file}: policies`);
  const sources = names.map((name) => (looksLikePath(name) ? path.resolve(name) : name));
  const reference = pickReference(referenceFlag, policies.map((policy) => policy.name));
  return { policies, sources, rootSeed: options.seed ?? scenario.seed, reference };
}

/** A validated scenario ready to run: where it came from and its hash. */
export interface ExperimentScenario {
  file: string;
  scenario: Scenario;
  hash: string;
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
): Promise<{ results: ExperimentResults; failures: TaskFailure[] }> {
  const { scenario } = input;
  const { policies, reference } = plan;
  // Worker threads copy the environment when they start: the backend travels with it.
  if (options.tfBackend !== undefined) process.env[TF_BACKEND_ENV] = options.tfBackend;
  const startedAt = new Date();
  const outcomes = await runTasks(scenario, plan.rootSeed, planTasks(policies, plan.sources, options.seeds), options.workers, onProgress);
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
  const failedPolicies = new Set(failures.map((failure) => failure.policy));
  if (reference !== null && failedPolicies.has(reference)) throw new RunFailedError(failures, "the reference policy failed: no result can be compared");
  const completed = policies.filter((policy) => !failedPolicies.has(policy.name));
  if (completed.length === 0) throw new RunFailedError(failures, "every policy failed");
  const results = outcomes.flatMap((outcome) => (outcome.ok && !failedPolicies.has(outcome.result.policy) ? [outcome.result] : []));
  const experiment = buildResults({
    scenario,
    scenarioFile: input.file,
    scenarioHash: input.hash,
    rootSeed: plan.rootSeed,
    replicates: options.seeds,
    policies: completed,
    results,
    failures,
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    workers: options.workers,
    reference,
  });
  return { results: experiment, failures };
}

/**
 * The files of a run folder: results.json, summary.csv, summary.md and, unless left out,
 * report.html (a sweep leaves it out of its variants: `offersim report DIR` renders one on demand).
 */
export function experimentFiles(experiment: ExperimentResults, { report = true } = {}): Record<string, string> {
  const files: Record<string, string> = {
    "results.json": JSON.stringify(experiment, null, 2) + "\n",
    "summary.csv": summaryCsv(experiment),
    "summary.md": summaryMarkdown(experiment),
  };
  if (report) files["report.html"] = renderReportHtml(experiment);
  return files;
}

/** --reference must name a policy of the run; by default no-contact when it runs, else none. */
function pickReference(requested: string | undefined, names: readonly string[]): string | null {
  if (requested === undefined) return names.includes("no-contact") ? "no-contact" : null;
  if (!names.includes(requested)) throw new InputError(`--reference must name one of the run's policies (${names.join(", ")}), got ${JSON.stringify(requested)}`);
  return requested;
}

/** A compact local-free timestamp for default folder names: 20260101-120000. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}
