import path from "node:path";
import { InputError } from "../input-error.js";
import type { TaskFailure, TaskProgress } from "../parallel/run-tasks.js";
import { renderSweepHtml } from "../sweep/report/render-sweep-html.js";
import type { ExperimentResults } from "../report/build-results.js";
import { writeFolderAtomically } from "../report/write-folder-atomically.js";
import { checkOutputFolder } from "./check-output-folder.js";
import { safeFolderName } from "./default-out-dir.js";
import { preflightScenario } from "./preflight-scenario.js";
import { loadScenarioInput } from "../scenario/load-scenario.js";
import { parseScenarioObject } from "../scenario/parse-scenario-object.js";
import { scenarioHash } from "../scenario/scenario-hash.js";
import { buildSweepVariants, parseSetFlags, type SweepParameter, type SweepVariant } from "../sweep/sweep-grid.js";
import { buildSweepResults, sweepSummaryMarkdown, type SweepResults } from "../sweep/sweep-results.js";
import { createProgressReporter } from "./progress-reporter.js";
import { whileHandlingInterrupts } from "./while-handling-interrupts.js";
import type { ExperimentPlan } from "./plan-experiment.js";
import { RunFailedError } from "./run-failed-error.js";
import { runId } from "./run-id.js";
import { identicalVariants, sweptValuesThatCannotMatter } from "../sweep/sweep-warnings.js";
import { sweepSummaryText } from "../sweep/sweep-summary-text.js";
import { sweepTidyCsvFiles } from "../sweep/sweep-tidy-csv.js";
import { TIDY_CSV_FILES } from "../report/tidy-csv-files.js";
import {
  applyRunOverrides,
  defaultScenarioFile,
  experimentFiles,
  parseRunOptions,
  planExperiment,
  runExperiment,
  timestamp,
  type RunFlags,
  type RunOptions,
} from "./run-command.js";

/** The flags of `offersim sweep`: those of `run` plus one or more `--set PATH=V1,V2,...`. */
export interface SweepFlags extends RunFlags {
  set?: string | string[];
}

/** Paths that a run flag overrides: sweeping them while the flag is given would run one variant N times. */
const OVERRIDDEN_BY: Record<string, keyof RunOptions> = { "population.size": "subscribers", horizonDays: "days", seed: "seed" };

/**
 * `offersim sweep SCENARIO --set PATH=V1,V2 [--set ...]`: runs every variant of the grid with the
 * same root seed (common random numbers across variants), then writes one folder: per variant
 * `variants/NAME/` (results.json with its `--set` values, the CSV files, summary.md), and
 * `sweep.json`, `summary.md`, the combined tidy CSVs and `report.html` for the whole grid, and
 * prints a summary table. Every variant is validated before anything runs; the folder is written
 * in one step at the end, so a failing sweep leaves nothing half-written. Warns (stderr) before
 * running when a swept offer field cannot matter, and after when variants gave identical results.
 */
export async function sweepCommand(flags: SweepFlags): Promise<{ sweep: SweepResults; outDir: string }> {
  const options = parseRunOptions(flags);
  const parameters = parseSetFlags(flags.set === undefined ? [] : [flags.set].flat());
  checkOverrides(parameters, options);
  const file = options.scenario ?? defaultScenarioFile();
  const { raw } = loadScenarioInput(file);
  const base = parseScenarioObject(file, raw);
  const variants = buildSweepVariants(file, raw, parameters);
  const startedAt = new Date();
  const outDir = options.out ?? path.join("reports", `${safeFolderName(base.name)}-sweep-${timestamp(startedAt)}`);
  checkOutputFolder(outDir, "--out", "sweep", options.force);
  const plan = await planExperiment(options, file, applyRunOverrides(base, options), flags.reference);
  const concurrentTasks = Math.min(options.workers, plan.policies.length * options.seeds);
  const sizeSource = options.subscribers !== undefined ? "--subscribers" : "population.size";
  for (const variant of variants) preflightScenario(file, applyRunOverrides(variant.scenario, options), { concurrentTasks, sizeSource, colour: flags.colour });
  const asRun = variants.map((variant) => ({ ...variant, scenario: applyRunOverrides(variant.scenario, options) }));
  for (const line of sweptValuesThatCannotMatter(parameters, asRun)) process.stderr.write(`offersim: warning: ${line}\n`);
  const id = runId(startedAt);

  // Ctrl-C stops the workers and writes nothing; the folder is written in one step at the end.
  const { sweep, runs } = await whileHandlingInterrupts(async (signal) => {
    const runs = await runVariants(variants, plan, options, file, id, signal);
    const results = buildSweepResults({
      scenario: { name: base.name, file, hash: scenarioHash(base) },
      parameters,
      variants: runs,
      startedAt,
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    });
    writeFolderAtomically(outDir, sweepFiles(results, runs, parameters));
    return { sweep: results, runs };
  });

  if (options.json) process.stdout.write(JSON.stringify(sweep) + "\n");
  else {
    process.stdout.write(
      `${sweepSummaryText(sweep)}\n${variants.length} variant(s) x ${plan.policies.length} policies, ${options.seeds} seed(s), root seed ${sweep.config.rootSeed}\n` +
        `Wrote ${path.join(outDir, "report.html")}, sweep.json, summary.md, ${TIDY_CSV_FILES.join(", ")} and variants/ (${variants.map((variant) => variant.name).join(", ")})\n`,
    );
  }
  for (const line of identicalVariants(runs.map((run) => ({ name: run.variant.name, values: run.variant.values, results: run.results })))) process.stderr.write(`offersim: warning: ${line}\n`);
  const failures = sweep.failures;
  if (failures.length > 0) throw new RunFailedError(failures, `the results of the other policies are in ${outDir}`);
  return { sweep, outDir };
}

type VariantRun = { variant: SweepVariant; results: ExperimentResults; failures: TaskFailure[] };

/** Every variant's experiment in turn, on one progress bar. */
async function runVariants(variants: readonly SweepVariant[], plan: ExperimentPlan, options: RunOptions, file: string, runId: string, signal: AbortSignal): Promise<VariantRun[]> {
  const progress = createProgressReporter(process.stderr, options.quiet);
  const runs: VariantRun[] = [];
  try {
    for (const [index, variant] of variants.entries()) {
      const scenario = applyRunOverrides(variant.scenario, options);
      const variantPlan = { ...plan, rootSeed: options.seed ?? scenario.seed };
      const onProgress = (step: TaskProgress) =>
        progress.update({
          workDone: index * step.workTotal + step.workDone,
          workTotal: variants.length * step.workTotal,
          tasksDone: index * step.tasks + step.tasksDone,
          tasks: variants.length * step.tasks,
        });
      const recorded = { definition: variant.scenario, set: variant.values, runId };
      const { results, failures } = await runExperiment({ file, scenario, hash: variant.hash, ...recorded }, variantPlan, options, onProgress, signal);
      runs.push({ variant, results, failures });
    }
  } finally {
    progress.done();
  }
  return runs;
}

/** The sweep folder's files by relative path: each variant's results, then sweep.json, summary.md, the combined tidy CSVs and report.html. */
function sweepFiles(sweep: SweepResults, runs: readonly VariantRun[], parameters: readonly SweepParameter[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const run of runs) {
    for (const [name, text] of Object.entries(experimentFiles(run.results, { report: false }))) files[`variants/${run.variant.name}/${name}`] = text;
  }
  files["sweep.json"] = JSON.stringify(sweep, null, 2) + "\n";
  files["summary.md"] = sweepSummaryMarkdown(sweep);
  Object.assign(files, sweepTidyCsvFiles(parameters, runs.map((run) => ({ name: run.variant.name, values: run.variant.values, results: run.results }))));
  files["report.html"] = renderSweepHtml(sweep);
  return files;
}

function checkOverrides(parameters: readonly SweepParameter[], options: RunOptions): void {
  const problems = parameters.flatMap((parameter) => {
    const flag = OVERRIDDEN_BY[parameter.path];
    return flag && options[flag] !== undefined ? [`${parameter.flag}: ${parameter.path} cannot be swept while --${flag} is given (it would override every variant)`] : [];
  });
  if (problems.length > 0) throw new InputError(problems);
}
