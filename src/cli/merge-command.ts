import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../input-error.js";
import type { TaskOutcome } from "../parallel/simulation-task.js";
import { shardLabel, shardTasks } from "../parallel/shard-tasks.js";
import { plannedTaskKeys, type ExperimentDescription } from "../report/experiment-description.js";
import { PARTIAL_FILE, parsePartialResults, type PartialResults } from "../report/partial-results.js";
import { OFFERSIM_VERSION } from "../version.js";
import { defaultOutDir } from "./default-out-dir.js";
import { writeExperimentResults } from "./write-experiment-results.js";
import { checkOutputFolder } from "./check-output-folder.js";

export interface MergeFlags {
  dirs?: string[];
  out?: string;
  force?: boolean;
  json?: boolean;
  /** `--color` / `--no-color` as typed. */
  colour?: boolean;
}

interface LoadedPartial {
  readonly file: string;
  readonly partial: PartialResults;
}

/**
 * `offersim merge DIR...`: checks that the partial results of `offersim run --shard i/n` belong
 * to one experiment and hold every task exactly once, then writes the results files a single
 * run would have written (the same bytes apart from `meta` and `config.shard`). Mismatched or
 * missing shards are input errors (exit 2); failed tasks are reported as by run (exit 1).
 */
export function mergeCommand(flags: MergeFlags): { outDir: string } {
  const startedAt = new Date();
  const dirs = flags.dirs ?? [];
  if (dirs.length === 0) throw new InputError("merge needs at least one folder with a partial.json (written by offersim run --shard i/n)");
  if (flags.out !== undefined) checkOutputFolder(flags.out, "--out", "run", flags.force ?? false);
  const loaded = dirs.map(loadPartial);
  const { experiment, count } = checkSameExperiment(loaded);
  checkEveryShardOnce(loaded, count);
  const outcomes = outcomesInPlannedOrder(loaded, experiment);
  const outDir = flags.out ?? defaultOutDir(experiment.scenario.name, startedAt);
  if (flags.out === undefined) checkOutputFolder(outDir, "the default output folder", "run", flags.force ?? false);
  const shardsMeta = loaded.map(({ file, partial }) => ({ shard: shardLabel(partial.shard), file, ...partial.meta }));
  writeExperimentResults({
    experiment,
    outcomes,
    outDir,
    json: flags.json ?? false,
    colour: flags.colour,
    startedAt,
    workers: Math.max(...loaded.map(({ partial }) => Number(partial.meta.workers) || 0)),
    mergedShards: count,
    extraMeta: { mergedFrom: shardsMeta },
  });
  return { outDir };
}

function loadPartial(dir: string): LoadedPartial {
  const file = existsSync(dir) && statSync(dir).isDirectory() ? path.join(dir, PARTIAL_FILE) : dir;
  if (!existsSync(file)) throw new InputError(`${dir}: no ${PARTIAL_FILE} found (write one with offersim run --shard i/n --out ${dir})`);
  return { file, partial: parsePartialResults(file, readFileSync(file, "utf8")) };
}

/** Every partial must describe the first one's experiment, down to the number of shards. */
function checkSameExperiment(loaded: readonly LoadedPartial[]): { experiment: ExperimentDescription; count: number } {
  const [first] = loaded;
  const problems: string[] = [];
  const fields: [string, (partial: PartialResults) => unknown][] = [
    ["offersim version (meta.offersimVersion)", (partial) => partial.meta.offersimVersion],
    ["scenario hash (experiment.scenario.hash)", (partial) => partial.experiment.scenario.hash],
    ["root seed (experiment.rootSeed)", (partial) => partial.experiment.rootSeed],
    ["number of seeds (experiment.seeds)", (partial) => partial.experiment.seeds],
    ["subscribers (experiment.subscribers)", (partial) => partial.experiment.subscribers],
    ["days (experiment.days)", (partial) => partial.experiment.days],
    ["warm-up days (experiment.warmupDays)", (partial) => partial.experiment.warmupDays],
    ["policies (experiment.policies)", (partial) => partial.experiment.policies.map((policy) => policy.name)],
    ["policy descriptions (experiment.policies)", (partial) => partial.experiment.policies.map((policy) => policy.description)],
    ["reference (experiment.reference)", (partial) => partial.experiment.reference],
    ["number of shards (shard.count)", (partial) => partial.shard.count],
  ];
  for (const other of loaded.slice(1)) {
    for (const [what, read] of fields) {
      const mine = JSON.stringify(read(other.partial));
      const theirs = JSON.stringify(read(first.partial));
      if (mine !== theirs) problems.push(`${other.file}: ${what} is ${mine}, but ${first.file} has ${theirs}: the partials come from different experiments`);
    }
  }
  if (first.partial.meta.offersimVersion !== OFFERSIM_VERSION) {
    problems.push(`${first.file}: written by offersim ${String(first.partial.meta.offersimVersion)}, but this is offersim ${OFFERSIM_VERSION}: merge with the version that ran the shards`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { experiment: first.partial.experiment, count: first.partial.shard.count };
}

/** Shards 1..n each given once; each partial holding exactly its shard's tasks. */
function checkEveryShardOnce(loaded: readonly LoadedPartial[], count: number): void {
  const problems: string[] = [];
  const files = new Map<number, string[]>();
  for (const { file, partial } of loaded) files.set(partial.shard.index, [...(files.get(partial.shard.index) ?? []), file]);
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !files.has(index));
  if (missing.length > 0) problems.push(`missing shard${missing.length > 1 ? "s" : ""} ${missing.map((index) => `${index}/${count}`).join(", ")}: merge needs every shard of the run, each once`);
  for (const [index, given] of files) if (given.length > 1) problems.push(`shard ${index}/${count} given ${given.length} times: ${given.join(", ")}`);
  for (const { file, partial } of loaded) {
    const expected = shardTasks(plannedTaskKeys(partial.experiment), partial.shard).map(keyText);
    const found = partial.outcomes.map(outcomeKey).map(keyText);
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      problems.push(`${file}: holds tasks ${found.join(", ") || "(none)"}, but shard ${shardLabel(partial.shard)} of this experiment is ${expected.join(", ") || "(none)"}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** The outcomes of all shards in the order a single run plans its tasks. */
function outcomesInPlannedOrder(loaded: readonly LoadedPartial[], experiment: ExperimentDescription): TaskOutcome[] {
  const byKey = new Map<string, TaskOutcome>();
  for (const { partial } of loaded) for (const outcome of partial.outcomes) byKey.set(keyText(outcomeKey(outcome)), outcome);
  return plannedTaskKeys(experiment).map((key) => byKey.get(keyText(key))!);
}

function outcomeKey(outcome: TaskOutcome): { policy: string; replicate: number } {
  return outcome.ok ? outcome.result : outcome.failure;
}

function keyText(key: { policy: string; replicate: number }): string {
  return `${key.policy}#${key.replicate}`;
}
