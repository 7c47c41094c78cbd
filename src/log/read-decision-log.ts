import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import { ELIGIBLE_PREFIX, FEATURE_PREFIX, PROBABILITY_PREFIX } from "./decision-log-columns.js";

/** One file of a logged dataset and its hive partition keys. */
export interface LogPartition {
  readonly policy: string;
  readonly seed: number;
  readonly file: string;
}

/** The Parquet files of a dataset folder written by --log-decisions: DIR/policy=NAME/seed=K/part-*.parquet, in name order. */
export function findLogPartitions(dir: string): LogPartition[] {
  const partitions: LogPartition[] = [];
  const entries = (folder: string) => readdirSync(folder).sort();
  for (const policyDir of entries(dir)) {
    const policy = /^policy=(.+)$/.exec(policyDir)?.[1];
    if (policy === undefined || !statSync(path.join(dir, policyDir)).isDirectory()) continue;
    for (const seedDir of entries(path.join(dir, policyDir))) {
      const seed = /^seed=(\d+)$/.exec(seedDir)?.[1];
      if (seed === undefined) continue;
      for (const file of entries(path.join(dir, policyDir, seedDir))) {
        if (/^part-.*\.parquet$/.test(file)) partitions.push({ policy: decodeURIComponent(policy), seed: Number(seed), file: path.join(dir, policyDir, seedDir, file) });
      }
    }
  }
  return partitions;
}

/** The columns of one logged-decision file that off-policy evaluation reads, as typed arrays. */
export interface LoggedDecisions {
  readonly rows: number;
  readonly runId: string;
  readonly scenarioHash: string;
  readonly rootSeed: number;
  readonly day: Int32Array;
  readonly subscriber: Int32Array;
  readonly moment: string[];
  readonly action: Int32Array;
  readonly propensity: Float64Array;
  readonly reward: Float64Array;
  readonly objectiveValue: Float64Array;
  /** Feature names (the feature_ columns without their prefix), and rows x names features. */
  readonly featureNames: string[];
  readonly features: Float32Array;
  /** Action ids (the eligible_ columns without their prefix), and rows x ids flags. */
  readonly actionIds: string[];
  readonly eligible: Uint8Array;
  /** rows x ids: the logging policy's whole distribution, when it was logged (--log-distribution). */
  readonly distribution: Float64Array | null;
}

/** Decompressors hyparquet lacks (it reads SNAPPY itself): the codecs offersim writes, and BROTLI, from Node's zlib. */
export const LOG_DECOMPRESSORS = {
  GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input: Uint8Array) => new Uint8Array(brotliDecompressSync(input)),
};

const REQUIRED = ["run_id", "scenario_hash", "root_seed", "day", "subscriber", "moment", "action", "propensity", "reward", "objective_value"] as const;

/**
 * Reads a logged-decision Parquet file (hyparquet, column by column). Throws an Error naming the
 * file and the first missing column when it is not one.
 */
export async function readDecisionLog(file: string): Promise<LoggedDecisions> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const names = metadata.schema.slice(1).map((element) => element.name);
  const missing = REQUIRED.find((name) => !names.includes(name));
  if (missing) throw new Error(`${file}: a logged-decision file must have a column ${missing}, got columns ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", ..." : ""}`);
  const rows = Number(metadata.num_rows);
  const featureNames = names.filter((name) => name.startsWith(FEATURE_PREFIX));
  const actionColumns = names.filter((name) => name.startsWith(ELIGIBLE_PREFIX));
  const probabilityColumns = actionColumns.map((name) => PROBABILITY_PREFIX + name.slice(ELIGIBLE_PREFIX.length));
  const hasDistribution = probabilityColumns.every((name) => names.includes(name));
  const F = featureNames.length;
  const A = actionColumns.length;
  const features = new Float32Array(rows * F);
  const eligible = new Uint8Array(rows * A);
  const day = new Int32Array(rows);
  const subscriber = new Int32Array(rows);
  const action = new Int32Array(rows);
  const propensity = new Float64Array(rows);
  const reward = new Float64Array(rows);
  const objectiveValue = new Float64Array(rows);
  const moment = new Array<string>(rows);
  const constants: Record<string, unknown> = {};
  // Where each column's values go: chunks arrive column by column, row group by row group.
  const into = (target: { [k: number]: number }, width = 1, offset = 0, convert: (value: unknown) => number = Number) => (start: number, data: ArrayLike<unknown>) => {
    for (let k = 0; k < data.length && start + k < rows; k++) target[(start + k) * width + offset] = convert(data[k]);
  };
  const sinks = new Map<string, (start: number, data: ArrayLike<unknown>) => void>([
    ["day", into(day)],
    ["subscriber", into(subscriber)],
    ["action", into(action)],
    ["propensity", into(propensity)],
    ["reward", into(reward)],
    ["objective_value", into(objectiveValue)],
    ["moment", (start, data) => { for (let k = 0; k < data.length && start + k < rows; k++) moment[start + k] = String(data[k]); }],
  ]);
  for (const name of ["run_id", "scenario_hash", "root_seed"]) sinks.set(name, (start, data) => { if (start === 0 && data.length > 0) constants[name] = data[0]; });
  featureNames.forEach((name, f) => sinks.set(name, into(features, F, f)));
  actionColumns.forEach((name, a) => sinks.set(name, into(eligible, A, a, (value) => (value ? 1 : 0))));
  const distribution = hasDistribution ? new Float64Array(rows * A) : null;
  if (distribution) probabilityColumns.forEach((name, a) => sinks.set(name, into(distribution, A, a)));
  await parquetRead({
    file: buffer,
    metadata,
    compressors: LOG_DECOMPRESSORS,
    columns: [...REQUIRED, ...featureNames, ...actionColumns, ...(hasDistribution ? probabilityColumns : [])],
    onChunk: (chunk) => sinks.get(chunk.columnName)?.(chunk.rowStart, chunk.columnData as ArrayLike<unknown>),
  });
  return {
    rows,
    runId: String(constants.run_id ?? ""),
    scenarioHash: String(constants.scenario_hash ?? ""),
    rootSeed: Number(constants.root_seed ?? 0),
    day,
    subscriber,
    moment,
    action,
    propensity,
    reward,
    objectiveValue,
    featureNames: featureNames.map((name) => name.slice(FEATURE_PREFIX.length)),
    features,
    actionIds: actionColumns.map((name) => name.slice(ELIGIBLE_PREFIX.length)),
    eligible,
    distribution,
  };
}
