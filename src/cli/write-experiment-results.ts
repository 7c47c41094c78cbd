import path from "node:path";
import type { TaskOutcome } from "../parallel/simulation-task.js";
import type { TaskFailure } from "../results/task-outcome.js";
import { buildResults, type BuildResultsInput, type ExperimentResults } from "../report/build-results.js";
import { scenarioOutline, type ExperimentDescription } from "../report/experiment-description.js";
import { summaryCsv, summaryMarkdown, summaryText } from "../report/summary-writers.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { renderReportHtml } from "../report/render-report-html.js";
import { PARTIAL_FILE } from "../report/partial-results.js";
import { againstBaseline } from "../report/against-baseline.js";
import { RunFailedError } from "./run-failed-error.js";
import { runId } from "./run-id.js";
import { tidyCsvFiles } from "../report/tidy-csv-files.js";
import { terminalColours } from "./terminal-colours.js";

export interface ExperimentOutputInput {
  readonly experiment: ExperimentDescription;
  /** Every planned task's outcome, in planned order. */
  readonly outcomes: readonly TaskOutcome[];
  readonly outDir: string;
  /** Print results.json on stdout instead of the table. */
  readonly json: boolean;
  readonly startedAt: Date;
  readonly workers: number;
  /** Set by offersim merge: the number of shards merged (config.shard). */
  readonly mergedShards?: number;
  /** Added to results.json's meta (offersim merge: the shards' own meta). */
  readonly extraMeta?: Record<string, unknown>;
  /** `--color` / `--no-color` as typed (undefined: colour only for a terminal without NO_COLOR). */
  readonly colour?: boolean;
  /** `run WHATIF --against BASELINE`: the baseline world's experiment and outcomes, on the same seeds. */
  readonly against?: { readonly experiment: ExperimentDescription; readonly outcomes: readonly TaskOutcome[] };
  /** meta.runId and the tidy CSVs' run_id (default: the start time and the process id). */
  readonly runId?: string;
}

/**
 * Outcomes -> results files, the same for `offersim run` and `offersim merge`: builds
 * results.json from the policies whose tasks all succeeded (with `againstBaseline` when the
 * baseline world's outcomes come along), writes the output files atomically,
 * prints the table (or the JSON), and throws RunFailedError when a task failed (after writing
 * the others' results) or when nothing can be reported (the reference or every policy failed).
 */
export function writeExperimentResults(input: ExperimentOutputInput): ExperimentResults {
  const { results, failures } = completedResults(input.experiment, input.outcomes, input, input.against ? input.experiment.scenario.name : undefined);
  Object.assign(results.meta, input.extraMeta);
  const baseline = input.against ? completedResults(input.against.experiment, input.against.outcomes, input, input.against.experiment.scenario.name) : null;
  if (baseline) results.againstBaseline = againstBaseline(results, baseline.results);
  const allFailures = [...failures, ...(baseline?.failures ?? [])];
  const files = resultFiles(results);
  // A run's results replace a shard's partial.json left in its folder; a merge may write beside its input.
  writeFilesAtomically(input.outDir, files, { stale: input.mergedShards === undefined ? [PARTIAL_FILE] : [] });
  if (input.json) process.stdout.write(JSON.stringify(results) + "\n");
  else process.stdout.write(`${summaryText(results, terminalColours(process.stdout, input.colour))}\nWrote ${path.join(input.outDir, "results.json")}, ${Object.keys(files).slice(1).join(", ").replace(/, ([^,]*)$/, " and $1")}\n`);
  if (allFailures.length > 0) throw new RunFailedError(allFailures, `the results of the other policies are in ${input.outDir}`);
  return results;
}

/** results.json of one described experiment from its outcomes. */
function completedResults(experiment: ExperimentDescription, outcomes: readonly TaskOutcome[], input: ExperimentOutputInput, world?: string): { results: ExperimentResults; failures: TaskFailure[] } {
  return resultsFromOutcomes({
    scenario: scenarioOutline(experiment),
    scenarioFile: experiment.scenario.file,
    scenarioHash: experiment.scenario.hash,
    rootSeed: experiment.rootSeed,
    replicates: experiment.seeds,
    policies: experiment.policies,
    outcomes,
    startedAt: input.startedAt,
    workers: input.workers,
    reference: experiment.reference,
    mergedShards: input.mergedShards,
    world,
    scenarioDefinition: experiment.scenario.definition,
    policySources: experiment.policySources,
    set: experiment.set,
    runId: input.runId ?? runId(input.startedAt),
  });
}

/** What results.json is built from: every planned task's outcome and the experiment's description. */
export type OutcomesInput = Omit<BuildResultsInput, "results" | "failures" | "durationSeconds"> & {
  readonly outcomes: readonly TaskOutcome[];
  /** The world's name in failure messages, when a run has two (`--against`). */
  readonly world?: string;
};

/**
 * results.json from the tasks' outcomes, the same for run, merge and sweep: a policy with a
 * failed task is left out (its failures are listed), and RunFailedError when nothing can be
 * reported (the reference or every policy failed).
 */
export function resultsFromOutcomes(input: OutcomesInput): { results: ExperimentResults; failures: TaskFailure[] } {
  const { outcomes, world, ...description } = input;
  const where = world ? ` in ${world}` : "";
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
  const failedPolicies = new Set(failures.map((failure) => failure.policy));
  if (input.reference !== null && failedPolicies.has(input.reference)) throw new RunFailedError(failures, `the reference policy failed${where}: no result can be compared`);
  const completed = input.policies.filter((policy) => !failedPolicies.has(policy.name));
  if (completed.length === 0) throw new RunFailedError(failures, `every policy failed${where}`);
  const results = buildResults({
    ...description,
    policies: completed,
    results: outcomes.flatMap((outcome) => (outcome.ok && !failedPolicies.has(outcome.result.policy) ? [outcome.result] : [])),
    failures,
    durationSeconds: (Date.now() - input.startedAt.getTime()) / 1000,
  });
  return { results, failures };
}

/**
 * The files of a report folder, by name, results.json first: the one place to add a file that
 * every run and merge writes. report.html can be left out (a sweep's variants; `offersim report
 * DIR` renders it on demand).
 */
export function resultFiles(results: ExperimentResults, { report = true }: { report?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {
    "results.json": JSON.stringify(results, null, 2) + "\n",
    "summary.csv": summaryCsv(results),
    "summary.md": summaryMarkdown(results),
    ...tidyCsvFiles(results),
  };
  if (report) files["report.html"] = renderReportHtml(results);
  return files;
}
