import os from "node:os";
import path from "node:path";
import type { TaskOutcome } from "../parallel/simulation-task.js";
import { shardLabel, type Shard } from "../parallel/shard-tasks.js";
import type { ExperimentDescription } from "../report/experiment-description.js";
import { PARTIAL_FILE, PARTIAL_FORMAT, PARTIAL_SCHEMA_VERSION, serializePartialResults, type PartialResults } from "../report/partial-results.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { OFFERSIM_VERSION } from "../version.js";
import { TIDY_CSV_FILES } from "../report/tidy-csv-files.js";
import { RunFailedError } from "./run-failed-error.js";

/** The files of a whole run's folder, which a shard's partial.json replaces (--force). */
const RUN_RESULT_FILES = ["results.json", "summary.csv", "summary.md", ...TIDY_CSV_FILES, "report.html"];

/**
 * `offersim run --shard i/n`: writes DIR/partial.json with the shard's raw outcomes, for
 * offersim merge, and throws RunFailedError (exit 1) when some of its tasks failed; the partial
 * is written all the same, and the merge reports the failures.
 */
export interface ShardOutputInput {
  readonly experiment: ExperimentDescription;
  readonly shard: Shard;
  /** The shard's tasks' outcomes, in planned order. */
  readonly outcomes: readonly TaskOutcome[];
  readonly outDir: string;
  readonly startedAt: Date;
  readonly workers: number;
  /** Print partial.json on stdout instead of a line. */
  readonly json: boolean;
}

export function writeShardResults(input: ShardOutputInput): void {
  const partial: PartialResults = {
    format: PARTIAL_FORMAT,
    schemaVersion: PARTIAL_SCHEMA_VERSION,
    meta: {
      offersimVersion: OFFERSIM_VERSION,
      createdAt: input.startedAt.toISOString(),
      durationSeconds: Math.round(Date.now() - input.startedAt.getTime()) / 1000,
      host: os.hostname(),
      workers: input.workers,
    },
    experiment: input.experiment,
    shard: input.shard,
    outcomes: input.outcomes,
  };
  const text = serializePartialResults(partial);
  writeFilesAtomically(input.outDir, { [PARTIAL_FILE]: text }, { stale: RUN_RESULT_FILES });
  const failures = input.outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
  const planned = input.experiment.policies.length * input.experiment.seeds;
  if (input.json) process.stdout.write(text);
  else process.stdout.write(`Shard ${shardLabel(input.shard)}: ${input.outcomes.length} of ${planned} tasks. Wrote ${path.join(input.outDir, PARTIAL_FILE)}; combine the shards with offersim merge DIR...\n`);
  if (failures.length > 0) throw new RunFailedError(failures, `the shard's other results are in ${path.join(input.outDir, PARTIAL_FILE)}`);
}
