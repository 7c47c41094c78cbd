import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExperimentResults } from "../../src/report/build-results.js";
import type { RunComparison } from "../../src/report/compare-runs.js";
import { runCli } from "./run-cli.js";
import { readExperiment, runFixture, withKpi, writeExperiment } from "../report/fixture-run.js";

let dir: string;
let results: ExperimentResults;

beforeAll(() => {
  dir = runFixture();
  results = readExperiment(dir);
});

describe("offersim compare", () => {
  it("prints a table of B - A per policy and headline KPI, paired when the runs share scenario and seeds", () => {
    const worse = writeExperiment(withKpi(results, "rules-nba", "churnRateMonthly", (value) => value + 0.001));
    const result = runCli(["compare", dir, worse]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("paired per seed");
    expect(result.stdout).toMatch(/rules-nba\s+churn %\/month\s+\S+\s+\S+\s+\+0\.100 ± 0\.000/);
    expect(result.stdout).toMatch(/no-contact\s+churn %\/month\s+\S+\s+\S+\s+\+0\.000 ± 0\.000/);
  });

  it("--json gives every row, and --kpis all compares every KPI", () => {
    const result = runCli(["compare", dir, dir, "--kpis", "all", "--json"]);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    expect(comparison.rows).toHaveLength(results.policies.length * Object.keys(results.policies[0].kpis).length);
    expect(comparison.rows.every((row) => row.meanDiff === 0)).toBe(true);
  });

  it("uses Welch intervals and lists unmatched policies when the runs differ", () => {
    const other = structuredClone(results);
    other.config.rootSeed += 1;
    other.policies = other.policies.filter((entry) => entry.policy !== "random");
    const result = runCli(["compare", dir, writeExperiment(other)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Welch");
    expect(result.stdout).toContain("only in A: random");
  });

  it("exits 2 for an unknown KPI or a missing folder", () => {
    expect(runCli(["compare", dir, dir, "--kpis", "churn"]).stderr).toContain('--kpis must be "all" or a comma-separated list of KPIs');
    const missing = runCli(["compare", dir, path.join(dir, "nope")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("DIR_B must be a run folder");
  });
});
