import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../input-error.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { resolvePolicies } from "../parallel/resolve-policies.js";
import { planTasks, runTasks } from "../parallel/run-tasks.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { findLogPartitions, readDecisionLog } from "../log/read-decision-log.js";
import { ESTIMATOR_NAMES, type EstimatorName } from "../ope/estimate-policy-value.js";
import { applyRunOverrides, defaultScenarioFile, parseRunOptions, timestamp } from "./run-command.js";
import { defaultOutDir } from "./default-out-dir.js";
import { whileHandlingInterrupts } from "./while-handling-interrupts.js";
import { createProgressReporter } from "./progress-reporter.js";
import { RunFailedError } from "./run-failed-error.js";
import { DEFAULT_OPE_SETTINGS, estimateFromLog, OPE_REWARDS, type OpeReward } from "./estimate-from-log.js";
import { opeCheckHtml, opeCheckMarkdown, opeCheckTable, summarizeOpeCheck, type OpeCheckResults, type OpeCheckSeed } from "./ope-check-report.js";

export interface OpeCheckFlags {
  scenario?: string;
  logging?: string;
  target?: string;
  seeds?: string;
  seed?: string;
  subscribers?: string;
  days?: string;
  workers?: string;
  bootstrap?: string;
  reward?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `offersim ope-check SCENARIO --logging A --target B`: runs A (logging its decisions) and B on
 * the same seeds, estimates B's value per decision from A's logs with every estimator, and
 * compares each estimate with B's own value per decision on that seed and, scaled to a
 * subscriber, with B's true long-run net value gain over A. Writes DIR/ope-check.json,
 * summary.md, report.html and the logs (DIR/log, hive-partitioned).
 */
export async function opeCheckCommand(flags: OpeCheckFlags): Promise<OpeCheckResults> {
  const problems: string[] = [];
  for (const flag of ["logging", "target"] as const) if (!flags[flag]?.trim()) problems.push(`--${flag} must name a policy (a built-in name, NAME-epsP or a module path), got nothing`);
  const reward = (flags.reward ?? DEFAULT_OPE_SETTINGS.reward) as OpeReward;
  if (!OPE_REWARDS.includes(reward)) problems.push(`--reward must be one of ${OPE_REWARDS.join(", ")}, got ${JSON.stringify(flags.reward)}`);
  const bootstrap = flags.bootstrap === undefined ? DEFAULT_OPE_SETTINGS.bootstrap : Number(flags.bootstrap);
  if (!Number.isInteger(bootstrap) || bootstrap < 1 || bootstrap > 100_000) problems.push(`--bootstrap must be an integer from 1 to 100000, got ${JSON.stringify(flags.bootstrap)}`);
  if (flags.out !== undefined && existsSync(flags.out) && (!statSync(flags.out).isDirectory() || readdirSync(flags.out).length > 0)) {
    problems.push(`--out must name a new or empty folder, got ${JSON.stringify(flags.out)}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  const options = parseRunOptions({ scenario: flags.scenario, seeds: flags.seeds, seed: flags.seed, subscribers: flags.subscribers, days: flags.days, workers: flags.workers, quiet: flags.quiet });
  const file = options.scenario ?? defaultScenarioFile();
  const loaded = loadScenario(file);
  const scenario = applyRunOverrides(loaded.scenario, options);
  const [logging, target] = await resolvePolicies([flags.logging!, flags.target!], "--logging/--target");
  if (target.privileged) throw new InputError(`--target must be a policy that decides from the observable features, got ${JSON.stringify(target.name)}, which needs the world's latent state`);
  const rootSeed = options.seed ?? scenario.seed;
  const startedAt = new Date();
  const outDir = flags.out ?? defaultOutDir(scenario.name, startedAt, "-ope-check");
  const logDir = path.join(outDir, "log");
  const sources = [flags.logging!, flags.target!].map((name) => (name.includes("/") ? path.resolve(name) : name));
  const logTo = { dir: logDir, format: "parquet" as const, runId: `${timestamp(startedAt)}-${process.pid}`, scenarioHash: loaded.hash, distribution: true, expectedValues: false };
  const outcomes = await whileHandlingInterrupts((signal) => {
    const progress = createProgressReporter(process.stderr, options.quiet);
    return runTasks(scenario, rootSeed, planTasks([logging, target], sources, options.seeds), { workers: options.workers, signal, onProgress: progress.update, logTo }).finally(progress.done);
  });
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
  if (failures.length > 0) throw new RunFailedError(failures, "ope-check needs every task of both policies");
  const results = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
  const run = (policy: string, seed: number) => results.find((result) => result.policy === policy && result.replicate === seed) as ReplicateResult;
  const estimates = await estimateFromLog(logDir, scenario, loaded.hash, target, { ...DEFAULT_OPE_SETTINGS, reward, bootstrap }, logging.name);
  const truths = await perDecisionMeans(logDir, target.name, reward);
  const seeds: OpeCheckSeed[] = estimates.map((estimate) => {
    const a = run(logging.name, estimate.seed);
    const b = run(target.name, estimate.seed);
    return {
      seed: estimate.seed,
      estimates: Object.fromEntries(ESTIMATOR_NAMES.map((name) => [name, estimate.estimates[name]])) as Record<EstimatorName, { estimate: number; lower: number; upper: number }>,
      truePerDecision: truths.get(estimate.seed)!,
      loggedPerDecision: estimate.loggedMean,
      decisionsPerSubscriber: a.decisions / scenario.population.size,
      trueNetValueGainPerSub: b.groups.all.netValuePerSub - a.groups.all.netValuePerSub,
      effectiveSampleSize: estimate.effectiveSampleSize,
      rounds: estimate.rounds,
      unsupportedMass: estimate.support.unsupportedMass,
    };
  });
  const check: OpeCheckResults = {
    scenario: { name: scenario.name, hash: loaded.hash, file },
    logging: logging.name,
    target: target.name,
    reward,
    rootSeed,
    subscribers: scenario.population.size,
    days: scenario.horizonDays,
    seeds,
    summary: summarizeOpeCheck(seeds),
  };
  writeFilesAtomically(outDir, { "ope-check.json": JSON.stringify(check, null, 2) + "\n", "summary.md": opeCheckMarkdown(check), "report.html": opeCheckHtml(check) });
  process.stdout.write(flags.json ? JSON.stringify(check, null, 2) + "\n" : `${opeCheckTable(check)}\n\nWrote ${outDir}/ (ope-check.json, summary.md, report.html, log/)\n`);
  return check;
}

/** Per seed, the mean of `reward` over a policy's logged decisions: its own value per decision. */
async function perDecisionMeans(dir: string, policy: string, reward: OpeReward): Promise<Map<number, number>> {
  const means = new Map<number, number>();
  for (const partition of findLogPartitions(dir).filter((entry) => entry.policy === policy)) {
    const logged = await readDecisionLog(partition.file);
    const values = reward === "reward" ? logged.reward : logged.objectiveValue;
    let sum = 0;
    for (let k = 0; k < logged.rows; k++) sum += values[k];
    means.set(partition.seed, sum / logged.rows);
  }
  return means;
}
