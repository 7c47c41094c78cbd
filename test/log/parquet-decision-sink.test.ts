import { readdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { DecisionLog } from "../../src/log/decision-log.js";
import type { DecisionLogLayout } from "../../src/log/decision-log-layout.js";
import { decisionLogColumns } from "../../src/log/decision-log-columns.js";
import { parquetDecisionSink } from "../../src/log/parquet-decision-sink.js";
import { LOG_DECOMPRESSORS } from "../../src/log/read-decision-log.js";
import { createStream } from "../../src/random/random-stream.js";
import { makeTempDir } from "../cli/run-cli.js";

/** 300 actions: the action_id dictionary needs 9-bit indexes, which straddle bytes. */
const ACTIONS = Array.from({ length: 300 }, (_, a) => (a === 0 ? "no-action" : `offer-${a}`));
const layout: DecisionLogLayout = {
  featureNames: ["x", "y", "z"],
  actionIds: ACTIONS,
  momentNames: ["inbound", "outbound-slot", "cancellation"],
  outcomeNames: ["none", "accept", "decline"],
  attributionDays: 3,
  horizonDays: 100,
  distribution: true,
  expectedValues: true,
};

interface ExpectedRow {
  day: number;
  subscriber: number;
  moment: string;
  action: number;
  action_id: string;
  propensity: number;
  outcome: string;
  reward: number;
  churned: boolean;
  feature_x: number;
  feature_y: number;
  eligible: boolean;
  p: number;
  ev: number;
}

/** A log of `rows` random decisions (a fixed stream), and what each row should read back as; `firstRow` is its first row's place in the file. */
function randomLog(rows: number, seed: number, firstRow: number): { log: DecisionLog; expected: ExpectedRow[] } {
  const random = createStream(seed, "test/parquet-sink");
  const log = new DecisionLog(layout);
  const A = ACTIONS.length;
  const expected: ExpectedRow[] = [];
  for (let k = 0; k < rows; k++) {
    // x takes three values (a dictionary), y is continuous (PLAIN), z counts the rows.
    const features = Float32Array.of((k % 3) / 4, Math.fround(random.next() * 100), k);
    const eligibility = Uint8Array.from({ length: A }, () => (random.next() < 0.5 ? 1 : 0));
    const probabilities = Float64Array.from({ length: A }, () => random.next());
    const values = Float64Array.from({ length: A }, (_, a) => (eligibility[a] ? random.next() - 0.5 : Number.NaN));
    log.stageDay(features, eligibility, probabilities, values, 1);
    const action = Math.floor(random.next() * A);
    const moment = k % 3;
    const outcome = Math.floor(random.next() * 3);
    const reward = random.next() * 10;
    log.record(0, Math.floor(k / 7), k % 11, moment, action, probabilities[action], outcome, reward, -reward, 0.5, Number.NaN);
    if (k % 5 === 0) log.churned[k] = 1;
    const probe = ((firstRow + k) * 37) % A;
    expected.push({ day: Math.floor(k / 7), subscriber: k % 11, moment: layout.momentNames[moment], action, action_id: ACTIONS[action], propensity: probabilities[action], outcome: layout.outcomeNames[outcome], reward, churned: k % 5 === 0, feature_x: features[0], feature_y: features[1], eligible: eligibility[probe] === 1, p: probabilities[probe], ev: values[probe] });
  }
  return { log, expected };
}

describe("the Parquet decision sink", () => {
  const dir = makeTempDir("offersim-parquet-sink-");
  const file = path.join(dir, "part-0.parquet");
  const groups = [randomLog(1003, 1, 0), randomLog(1, 2, 1003), randomLog(517, 3, 1004)];
  const expected = groups.flatMap((group) => group.expected);
  const sink = parquetDecisionSink(file, decisionLogColumns(layout, { runId: "run-1", scenarioHash: "abc", rootSeed: 4_000_000_000 }));
  for (const { log, expected: rows } of groups) sink.write(log, rows.length);
  sink.close();

  it("writes one row group per write, renames the file when closed and leaves no temporary file", async () => {
    expect(readdirSync(dir)).toEqual(["part-0.parquet"]);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([1003, 1, 517]);
    expect(metadata.row_groups[0].columns[0].meta_data?.codec).toBe("GZIP");
    const encodings = Object.fromEntries(metadata.row_groups[0].columns.map((column) => [column.meta_data!.path_in_schema[0], column.meta_data!.encodings.includes("RLE_DICTIONARY")]));
    // Few distinct values: a dictionary; many: PLAIN (300 actions, 1,003 row numbers, continuous values).
    expect(encodings).toMatchObject({ run_id: true, root_seed: true, day: true, subscriber: true, feature_x: true, true_accept_probability: true, hazard_after: true, action: false, feature_y: false, feature_z: false, reward: false });
  });

  it("reads back with hyparquet value for value: integers, doubles, floats (PLAIN and as dictionaries), booleans, dictionary text of 9-bit codes, NaN", async () => {
    const probeColumns = (k: number) => {
      const probe = ACTIONS[(k * 37) % ACTIONS.length];
      return [`eligible_${probe}`, `p_${probe}`, `ev_${probe}`];
    };
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file), compressors: LOG_DECOMPRESSORS });
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, k) => {
      const [eligible, p, ev] = probeColumns(k);
      const want = expected[k];
      expect({ run_id: row.run_id, scenario_hash: row.scenario_hash, root_seed: row.root_seed }, `row ${k}`).toEqual({ run_id: "run-1", scenario_hash: "abc", root_seed: 4_000_000_000n });
      expect({ day: row.day, subscriber: row.subscriber, moment: row.moment, action: row.action, action_id: row.action_id, propensity: row.propensity, outcome: row.outcome, reward: row.reward, churned: row.churned, feature_x: row.feature_x, feature_y: row.feature_y, eligible: row[eligible], p: row[p], ev: row[ev] }, `row ${k}`).toEqual(want);
      expect(row.churn_censored).toBe(false);
      expect(row.objective_value).toBe(-want.reward);
      expect(Number.isNaN(row.hazard_after)).toBe(true);
    });
  });

  it("reads back with DuckDB with the same types and sums", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const types = (await connection.runAndReadAll(`describe select * from read_parquet('${file}')`)).getRowObjects();
      const type = Object.fromEntries(types.map((column) => [column.column_name, column.column_type]));
      expect(type).toMatchObject({ run_id: "VARCHAR", root_seed: "BIGINT", day: "INTEGER", moment: "VARCHAR", action_id: "VARCHAR", propensity: "DOUBLE", churned: "BOOLEAN", feature_x: "FLOAT", "eligible_offer-299": "BOOLEAN", "ev_offer-299": "DOUBLE" });
      const [sums] = (await connection.runAndReadAll(`select count(*) as n, sum(action) as actions, count(*) filter (where churned) as churned, count(distinct action_id) as ids, sum(feature_z) as z from read_parquet('${file}')`)).getRowObjects();
      expect(sums.n).toBe(BigInt(expected.length));
      expect(sums.actions).toBe(BigInt(expected.reduce((sum, row) => sum + row.action, 0)));
      expect(sums.churned).toBe(BigInt(expected.filter((row) => row.churned).length));
      expect(sums.ids).toBe(BigInt(new Set(expected.map((row) => row.action_id)).size));
      expect(sums.z).toBe(groups.reduce((sum, group) => sum + (group.expected.length * (group.expected.length - 1)) / 2, 0));
    } finally {
      connection.closeSync();
    }
  });
});
