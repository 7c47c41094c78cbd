import { cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, SMALL_RUN, type CliResult } from "./run-cli.js";
import { findLogPartitions } from "../../src/log/read-decision-log.js";

interface DecisionsResults {
  policies: { policy: string; decisions: { perSeed: number[] } }[];
}

const partitionKeys = (dir: string) => findLogPartitions(dir).map((partition) => `${partition.policy}/${partition.seed}`);

describe("offersim run --shard i/n --log-decisions", () => {
  const dir = makeTempDir("offersim-log-shards-");
  const shardLogs = [path.join(dir, "log-1"), path.join(dir, "log-2")];
  const mergedLog = path.join(dir, "log");
  const shards: CliResult[] = [];
  let merge: CliResult;

  beforeAll(() => {
    for (const [index, logDir] of shardLogs.entries()) {
      shards.push(runCli(["run", BASELINE, ...SMALL_RUN, "--policies", "random,rules-nba", "--workers", "1", "--shard", `${index + 1}/2`, "--out", path.join(dir, `shard-${index + 1}`), "--log-decisions", logDir]));
    }
    merge = runCli(["merge", path.join(dir, "shard-1"), path.join(dir, "shard-2"), "--out", path.join(dir, "merged")]);
    // The shards' partitions are disjoint: copying the folders together is the merged log.
    for (const logDir of shardLogs) cpSync(logDir, mergedLog, { recursive: true, force: false, errorOnExist: true });
  }, 180_000);

  it("each shard writes the partitions of its own tasks only, and together they cover every (policy, seed) once", () => {
    for (const shard of shards) expect(shard.status, shard.stderr).toBe(0);
    const [first, second] = shardLogs.map(partitionKeys);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((key) => second.includes(key))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(["random/0", "random/1", "rules-nba/0", "rules-nba/1"]);
    for (const logDir of shardLogs) for (const file of findLogPartitions(logDir).map((partition) => partition.file)) expect(readdirSync(path.dirname(file))).toEqual(["part-0.parquet"]);
  });

  it("the merged log reads with one DuckDB call and counts the decisions of the merged results.json, per policy and seed", async () => {
    expect(merge.status, merge.stderr).toBe(0);
    const results = JSON.parse(readFileSync(path.join(dir, "merged", "results.json"), "utf8")) as DecisionsResults;
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const rows = (await connection.runAndReadAll(`select policy, seed, count(*) as n from read_parquet('${mergedLog}/**/*.parquet', hive_partitioning=1) group by all order by all`)).getRowObjects();
      const expected = results.policies.flatMap((entry) => entry.decisions.perSeed.map((n, seed) => ({ policy: entry.policy, seed: BigInt(seed), n: BigInt(n) })));
      expect(expected.every((entry) => entry.n > 0n)).toBe(true);
      expect(rows).toEqual(expected);
    } finally {
      connection.closeSync();
    }
  });
});
