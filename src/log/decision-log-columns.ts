import type { DecisionLog } from "./decision-log.js";
import type { DecisionLogLayout } from "./decision-log-layout.js";

/** The column types a logged-decision file uses (Parquet physical types, STRING being UTF-8 BYTE_ARRAY). */
export type LogColumnType = "STRING" | "INT32" | "INT64" | "FLOAT" | "DOUBLE" | "BOOLEAN";

/**
 * The values of rows [0, rows) of one column, as the writers take them: a typed array for
 * numbers (a view of the log's own array where it can be, else a buffer the column reuses from
 * group to group), 0/1 flags for booleans, and for text the codes into `names` (one code per row).
 */
export type LogColumnValues =
  | { readonly kind: "numbers"; readonly values: Int32Array | BigInt64Array | Float32Array | Float64Array }
  | { readonly kind: "flags"; readonly values: Uint8Array }
  | { readonly kind: "codes"; readonly values: Uint8Array | Uint16Array; readonly names: readonly string[] };

/** One column of the file: its name, type and how to read rows [0, rows) of a log. */
export interface LogColumn {
  readonly name: string;
  readonly type: LogColumnType;
  values(log: DecisionLog, rows: number): LogColumnValues;
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

type Numbers = Int32Array | Float32Array | Float64Array;
type Codes = Uint8Array | Uint16Array;

/**
 * The columns of a logged-decision file, in order: the run (run_id, scenario_hash, root_seed),
 * the decision (day, subscriber, moment, action, action_id, propensity), what followed (outcome,
 * reward, objective_value, churned, churn_censored), ground truth (true_accept_probability,
 * hazard_after), one `feature_NAME` per observable feature, one `eligible_ACTION` per action and,
 * when the layout keeps them, `p_ACTION` (the policy's distribution) and `ev_ACTION` (the world's
 * expected value; NaN when ineligible). The policy and seed are the folder's hive partition keys.
 */
export function decisionLogColumns(layout: DecisionLogLayout, constants: LogFileConstants): LogColumn[] {
  const A = layout.actionIds.length;
  const F = layout.featureNames.length;
  const columns: LogColumn[] = [
    constantText("run_id", constants.runId),
    constantText("scenario_hash", constants.scenarioHash),
    constantSeed("root_seed", constants.rootSeed),
    view("day", "INT32", (log) => log.day),
    view("subscriber", "INT32", (log) => log.subscriber),
    coded("moment", (log) => log.moment, layout.momentNames),
    widened("action", (log) => log.action),
    coded("action_id", (log) => log.action, layout.actionIds),
    view("propensity", "DOUBLE", (log) => log.propensity),
    coded("outcome", (log) => log.outcome, layout.outcomeNames),
    view("reward", "DOUBLE", (log) => log.reward),
    view("objective_value", "DOUBLE", (log) => log.value),
    flagView("churned", (log) => log.churned),
    flagView("churn_censored", (log) => log.censored),
    view("true_accept_probability", "DOUBLE", (log) => log.acceptProbability),
    view("hazard_after", "DOUBLE", (log) => log.hazardAfter),
  ];
  layout.featureNames.forEach((name, f) => columns.push(strided(FEATURE_PREFIX + name, "FLOAT", (log) => log.features, F, f)));
  layout.actionIds.forEach((id, a) => columns.push(stridedFlags(ELIGIBLE_PREFIX + id, (log) => log.eligible, A, a)));
  if (layout.distribution) layout.actionIds.forEach((id, a) => columns.push(strided(PROBABILITY_PREFIX + id, "DOUBLE", (log) => log.probabilities, A, a)));
  if (layout.expectedValues) layout.actionIds.forEach((id, a) => columns.push(strided(EXPECTED_VALUE_PREFIX + id, "DOUBLE", (log) => log.expectedValues, A, a)));
  return columns;
}

/** A column that is the log's own array, rows [0, rows): no copy. */
function view(name: string, type: "INT32" | "DOUBLE", pick: (log: DecisionLog) => Numbers): LogColumn {
  return { name, type, values: (log, rows) => ({ kind: "numbers", values: pick(log).subarray(0, rows) }) };
}

function flagView(name: string, pick: (log: DecisionLog) => Uint8Array): LogColumn {
  return { name, type: "BOOLEAN", values: (log, rows) => ({ kind: "flags", values: pick(log).subarray(0, rows) }) };
}

function coded(name: string, pick: (log: DecisionLog) => Codes, names: readonly string[]): LogColumn {
  return { name, type: "STRING", values: (log, rows) => ({ kind: "codes", values: pick(log).subarray(0, rows), names }) };
}

/** The same text on every row: code 0 of a one-name list. */
function constantText(name: string, text: string): LogColumn {
  let codes = new Uint8Array(0);
  const names = [text];
  return {
    name,
    type: "STRING",
    values: (_log, rows) => {
      if (codes.length < rows) codes = new Uint8Array(rows);
      return { kind: "codes", values: codes.subarray(0, rows), names };
    },
  };
}

function constantSeed(name: string, seed: number): LogColumn {
  let values = new BigInt64Array(0);
  return {
    name,
    type: "INT64",
    values: (_log, rows) => {
      if (values.length < rows) values = new BigInt64Array(rows).fill(BigInt(seed));
      return { kind: "numbers", values: values.subarray(0, rows) };
    },
  };
}

/** Action codes (Uint16) as INT32 values, in a buffer reused from group to group. */
function widened(name: string, pick: (log: DecisionLog) => Uint16Array): LogColumn {
  let out = new Int32Array(0);
  return {
    name,
    type: "INT32",
    values: (log, rows) => {
      if (out.length < rows) out = new Int32Array(rows);
      const target = out.subarray(0, rows);
      target.set(pick(log).subarray(0, rows));
      return { kind: "numbers", values: target };
    },
  };
}

/** Column `column` of a row-major matrix `width` wide, gathered into a buffer reused from group to group. */
function strided(name: string, type: "FLOAT" | "DOUBLE", pick: (log: DecisionLog) => Float32Array | Float64Array, width: number, column: number): LogColumn {
  let out: Float32Array | Float64Array = type === "FLOAT" ? new Float32Array(0) : new Float64Array(0);
  return {
    name,
    type,
    values: (log, rows) => {
      if (out.length < rows) out = type === "FLOAT" ? new Float32Array(rows) : new Float64Array(rows);
      const source = pick(log);
      if (type === "FLOAT") gatherFloat32(source as Float32Array, width, column, out as Float32Array, rows);
      else gatherFloat64(source as Float64Array, width, column, out as Float64Array, rows);
      return { kind: "numbers", values: out.subarray(0, rows) };
    },
  };
}

// One gather per element type, so that each loop sees a single array type (monomorphic, fast).
function gatherFloat32(source: Float32Array, width: number, column: number, out: Float32Array, rows: number): void {
  for (let k = 0, at = column; k < rows; k++, at += width) out[k] = source[at];
}

function gatherFloat64(source: Float64Array, width: number, column: number, out: Float64Array, rows: number): void {
  for (let k = 0, at = column; k < rows; k++, at += width) out[k] = source[at];
}

function stridedFlags(name: string, pick: (log: DecisionLog) => Uint8Array, width: number, column: number): LogColumn {
  let out = new Uint8Array(0);
  return {
    name,
    type: "BOOLEAN",
    values: (log, rows) => {
      const source = pick(log);
      if (out.length < rows) out = new Uint8Array(rows);
      const target = out;
      for (let k = 0, at = column; k < rows; k++, at += width) target[k] = source[at];
      return { kind: "flags", values: target.subarray(0, rows) };
    },
  };
}
