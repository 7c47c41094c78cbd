import type { DecisionLog } from "./decision-log.js";
import type { DecisionLogLayout } from "./decision-log-layout.js";

/** The column types a logged-decision file uses (Parquet physical types, STRING being UTF-8 BYTE_ARRAY). */
export type LogColumnType = "STRING" | "INT32" | "INT64" | "FLOAT" | "DOUBLE" | "BOOLEAN";

/** One column of the file: its name, type and how to read rows [0, rows) of a log. */
export interface LogColumn {
  readonly name: string;
  readonly type: LogColumnType;
  values(log: DecisionLog, rows: number): ArrayLike<unknown>;
}

/** What every row of one file shares: it is written as a constant column. */
export interface LogFileConstants {
  readonly runId: string;
  readonly scenarioHash: string;
  readonly rootSeed: number;
}

/** Prefixes of the per-feature and per-action columns. */
export const FEATURE_PREFIX = "feature_";
export const ELIGIBLE_PREFIX = "eligible_";
export const PROBABILITY_PREFIX = "p_";
export const EXPECTED_VALUE_PREFIX = "ev_";

/**
 * The columns of a logged-decision file, in order: the run (run_id, scenario_hash, root_seed),
 * the decision (day, subscriber, moment, action, action_id, propensity), what followed (outcome,
 * reward, objective_value, churned, churn_censored), ground truth (true_accept_probability,
 * hazard_after), one `feature_NAME` per observable feature, one `eligible_ACTION` per action and,
 * when the layout keeps them, `p_ACTION` (the policy's distribution) and `ev_ACTION` (the world's
 * expected value; NaN when ineligible). The policy and seed are the folder's hive partition keys.
 */
export function decisionLogColumns(layout: DecisionLogLayout, constants: LogFileConstants): LogColumn[] {
  const constant = <T>(value: T) => (_log: DecisionLog, rows: number) => new Array<T>(rows).fill(value);
  const slice = (pick: (log: DecisionLog) => ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }) => (log: DecisionLog, rows: number) => pick(log).subarray(0, rows);
  const int32 = (pick: (log: DecisionLog) => ArrayLike<number>) => (log: DecisionLog, rows: number) => Int32Array.from(pick(log) as Uint16Array).subarray(0, rows);
  const named = (pick: (log: DecisionLog) => ArrayLike<number>, names: readonly string[]) => (log: DecisionLog, rows: number) => {
    const codes = pick(log);
    const out = new Array<string>(rows);
    for (let k = 0; k < rows; k++) out[k] = names[codes[k]] ?? String(codes[k]);
    return out;
  };
  const A = layout.actionIds.length;
  const F = layout.featureNames.length;
  /** Column `column` of a row-major matrix `width` wide, as booleans (flags 0/1). */
  const flags = (pick: (log: DecisionLog) => Uint8Array, width: number, column: number) => (log: DecisionLog, rows: number) => {
    const source = pick(log);
    const out = new Array<boolean>(rows);
    for (let k = 0; k < rows; k++) out[k] = source[k * width + column] === 1;
    return out;
  };
  const strided = <T extends Float32Array | Float64Array>(pick: (log: DecisionLog) => T, width: number, column: number) => (log: DecisionLog, rows: number) => {
    const source = pick(log);
    const out = new (source.constructor as new (length: number) => T)(rows);
    for (let k = 0; k < rows; k++) out[k] = source[k * width + column];
    return out;
  };
  const columns: LogColumn[] = [
    { name: "run_id", type: "STRING", values: constant(constants.runId) },
    { name: "scenario_hash", type: "STRING", values: constant(constants.scenarioHash) },
    { name: "root_seed", type: "INT64", values: (_log, rows) => new BigInt64Array(rows).fill(BigInt(constants.rootSeed)) },
    { name: "day", type: "INT32", values: slice((log) => log.day) },
    { name: "subscriber", type: "INT32", values: slice((log) => log.subscriber) },
    { name: "moment", type: "STRING", values: named((log) => log.moment, layout.momentNames) },
    { name: "action", type: "INT32", values: int32((log) => log.action) },
    { name: "action_id", type: "STRING", values: named((log) => log.action, layout.actionIds) },
    { name: "propensity", type: "DOUBLE", values: slice((log) => log.propensity) },
    { name: "outcome", type: "STRING", values: named((log) => log.outcome, layout.outcomeNames) },
    { name: "reward", type: "DOUBLE", values: slice((log) => log.reward) },
    { name: "objective_value", type: "DOUBLE", values: slice((log) => log.value) },
    { name: "churned", type: "BOOLEAN", values: flags((log) => log.churned, 1, 0) },
    { name: "churn_censored", type: "BOOLEAN", values: flags((log) => log.censored, 1, 0) },
    { name: "true_accept_probability", type: "DOUBLE", values: slice((log) => log.acceptProbability) },
    { name: "hazard_after", type: "DOUBLE", values: slice((log) => log.hazardAfter) },
  ];
  layout.featureNames.forEach((name, f) => columns.push({ name: FEATURE_PREFIX + name, type: "FLOAT", values: strided((log) => log.features, F, f) }));
  layout.actionIds.forEach((id, a) =>
    columns.push({ name: ELIGIBLE_PREFIX + id, type: "BOOLEAN", values: flags((log) => log.eligible, A, a) }),
  );
  if (layout.distribution) layout.actionIds.forEach((id, a) => columns.push({ name: PROBABILITY_PREFIX + id, type: "DOUBLE", values: strided((log) => log.probabilities, A, a) }));
  if (layout.expectedValues) layout.actionIds.forEach((id, a) => columns.push({ name: EXPECTED_VALUE_PREFIX + id, type: "DOUBLE", values: strided((log) => log.expectedValues, A, a) }));
  return columns;
}
