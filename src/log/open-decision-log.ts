import { mkdirSync } from "node:fs";
import path from "node:path";
import { DecisionLog } from "./decision-log.js";
import type { DecisionLogLayout } from "./decision-log-layout.js";
import { decisionLogColumns } from "./decision-log-columns.js";
import { parquetDecisionSink } from "./parquet-decision-sink.js";
import { csvDecisionSink } from "./csv-decision-sink.js";

export const LOG_FORMATS = ["parquet", "csv"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where and how a run writes its decisions: plain data, it travels to the workers. */
export interface DecisionLogTarget {
  /** The dataset's folder: each (policy, seed) writes DIR/policy=NAME/seed=K/part-0.EXT. */
  readonly dir: string;
  readonly format: LogFormat;
  readonly runId: string;
  readonly scenarioHash: string;
  /** Also log the policy's whole distribution. */
  readonly distribution: boolean;
  /** Also log the world's expected value of every eligible action. */
  readonly expectedValues: boolean;
}

/** The hive partition folder of one (policy, seed): policy=NAME/seed=K (the name URL-encoded when it must be). */
export function partitionDir(dir: string, policy: string, seed: number): string {
  return path.join(dir, `policy=${encodeURIComponent(policy)}`, `seed=${seed}`);
}

/** A decision log of one (policy, seed) task that streams its rows into its partition's file. */
export function openDecisionLog(target: DecisionLogTarget, layout: Omit<DecisionLogLayout, "distribution" | "expectedValues">, policy: string, seed: number, rootSeed: number): DecisionLog {
  const full: DecisionLogLayout = { ...layout, distribution: target.distribution, expectedValues: target.expectedValues };
  const folder = partitionDir(target.dir, policy, seed);
  mkdirSync(folder, { recursive: true });
  const columns = decisionLogColumns(full, { runId: target.runId, scenarioHash: target.scenarioHash, rootSeed });
  const file = path.join(folder, `part-0.${target.format}`);
  const sink = target.format === "csv" ? csvDecisionSink(file, columns) : parquetDecisionSink(file, columns);
  return new DecisionLog(full, sink);
}
