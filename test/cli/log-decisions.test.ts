import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, SMALL_RUN, writeTempFile, type CliResult } from "./run-cli.js";
import { FEATURE_NAMES } from "../../src/world/observation/observe.js";

interface DecisionsResults {
  meta?: unknown;
  policies: { policy: string; decisions: { total: number; perSeed: number[] } }[];
}

const readJson = (dir: string) => JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as DecisionsResults;
const withoutMeta = ({ meta: _meta, ...rest }: DecisionsResults) => JSON.stringify(rest);

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjects();
  } finally {
    connection.closeSync();
  }
}

describe("offersim run --log-decisions", () => {
  const dir = makeTempDir("offersim-log-");
  const logDir = path.join(dir, "log");
  const csvDir = path.join(dir, "csv");
  let logged: CliResult;
  let plain: CliResult;
  let csv: CliResult;

  beforeAll(() => {
    const policies = ["--policies", "random,rules-nba"];
    logged = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "2", "--out", path.join(dir, "logged"), "--log-decisions", logDir, "--log-expected-values"]);
    plain = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "1", "--out", path.join(dir, "plain")]);
    csv = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", "random", "--workers", "1", "--out", path.join(dir, "csv-run"), "--log-decisions", csvDir, "--log-format", "csv"]);
  }, 120_000);

  it("writes one hive partition per (policy, seed), each from its own task, with no temporary file left", () => {
    expect(logged.status, logged.stderr).toBe(0);
    expect(readdirSync(logDir).sort()).toEqual(["policy=random", "policy=rules-nba"]);
    for (const policy of ["random", "rules-nba"]) {
      expect(readdirSync(path.join(logDir, `policy=${policy}`)).sort()).toEqual(["seed=0", "seed=1"]);
      expect(readdirSync(path.join(logDir, `policy=${policy}`, "seed=1"))).toEqual(["part-0.parquet"]);
    }
  });

  it("DuckDB reads the dataset with one read_parquet call and counts as many rows as results.json counts decisions", async () => {
    const results = readJson(path.join(dir, "logged"));
    const rows = await query(`select policy, seed, count(*) as n from read_parquet('${logDir}/**/*.parquet', hive_partitioning=1) group by all order by all`);
    const expected = results.policies.flatMap((entry) => entry.decisions.perSeed.map((n, seed) => ({ policy: entry.policy, seed: BigInt(seed), n: BigInt(n) })));
    expect(expected.every((entry) => entry.n > 0n)).toBe(true);
    expect(rows).toEqual(expected);
  });

  it("keeps every column's type: integers, doubles, booleans, text, one float per feature", async () => {
    const columns = await query(`describe select * from read_parquet('${logDir}/**/*.parquet', hive_partitioning=1)`);
    const type = Object.fromEntries(columns.map((column) => [column.column_name, column.column_type]));
    expect(type).toMatchObject({ day: "INTEGER", subscriber: "INTEGER", action: "INTEGER", action_id: "VARCHAR", moment: "VARCHAR", outcome: "VARCHAR", propensity: "DOUBLE", reward: "DOUBLE", objective_value: "DOUBLE", churned: "BOOLEAN", churn_censored: "BOOLEAN", true_accept_probability: "DOUBLE", root_seed: "BIGINT", "eligible_no-action": "BOOLEAN", "ev_no-action": "DOUBLE" });
    for (const name of FEATURE_NAMES) expect(type[`feature_${name}`], name).toBe("FLOAT");
  });

  it("logs propensities in (0, 1] (uniform ones for random), the true acceptance of contacts and expected values of eligible actions only", async () => {
    const [row] = await query(`select
        count(*) filter (where propensity <= 0 or propensity > 1) as badPropensity,
        count(*) filter (where policy = 'random' and abs(1 / propensity - round(1 / propensity)) > 1e-9) as notUniform,
        count(*) filter (where action > 0 and (true_accept_probability <= 0 or true_accept_probability >= 1)) as badAccept,
        count(*) filter (where "eligible_no-action" and "ev_no-action" <> 0) as badNoActionValue,
        count(*) filter (where churned) as churned
      from read_parquet('${logDir}/**/*.parquet', hive_partitioning=1)`);
    expect(row).toEqual({ badPropensity: 0n, notUniform: 0n, badAccept: 0n, badNoActionValue: 0n, churned: row.churned });
    expect(row.churned as bigint).toBeGreaterThan(0n);
  });

  it("changes no KPI: results.json is the same with and without the log, apart from meta", () => {
    expect(plain.status, plain.stderr).toBe(0);
    expect(withoutMeta(readJson(path.join(dir, "logged")))).toBe(withoutMeta(readJson(path.join(dir, "plain"))));
  });

  it("writes CSV on request, with a header and one line per decision", () => {
    expect(csv.status, csv.stderr).toBe(0);
    const text = readFileSync(path.join(csvDir, "policy=random", "seed=0", "part-0.csv"), "utf8").trimEnd().split("\n");
    expect(text[0].split(",").slice(0, 5)).toEqual(["run_id", "scenario_hash", "root_seed", "day", "subscriber"]);
    expect(text.length - 1).toBe(readJson(path.join(dir, "csv-run")).policies[0].decisions.perSeed[0]);
  });

  it("refuses a folder that is not empty with exit 2, naming the flag and writing nothing", () => {
    const full = path.join(dir, "full");
    writeTempFile(full, "keep.txt", "mine");
    const out = path.join(dir, "refused");
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", "random", "--out", out, "--log-decisions", full]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`offersim: --log-decisions must name a new or empty folder, got ${JSON.stringify(full)}, which holds 1 entries`);
    expect(readdirSync(full)).toEqual(["keep.txt"]);
  });

  it("refuses an unknown --log-format and a --log-format without --log-decisions, with exit 2", () => {
    const bad = runCli(["run", BASELINE, ...SMALL_RUN, "--log-decisions", path.join(dir, "x"), "--log-format", "xlsx"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('offersim: --log-format must be one of parquet, csv, got "xlsx"');
    const alone = runCli(["run", BASELINE, ...SMALL_RUN, "--log-format", "csv"]);
    expect(alone.status).toBe(2);
    expect(alone.stderr.trim()).toBe("offersim: --log-format needs --log-decisions DIR, got no --log-decisions");
  });
});
