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

  it("pairs seed by seed when seeds, subscribers and days match even though the scenarios differ, and says so", () => {
    const whatIf = structuredClone(results);
    whatIf.scenario = { ...whatIf.scenario, name: "regional-outage", hash: "0123456789abcdef" };
    const shifted = withKpi(whatIf, "rules-nba", "churnRateMonthly", (value, seed) => value + 0.001 * (seed + 1));
    const result = runCli(["compare", dir, writeExperiment(shifted), "--json"]);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    expect(comparison.method).toBe("paired");
    expect(comparison.methodReason).toContain("differ only by the scenarios");
    expect(comparison.totalsComparable).toBe(true);
    const row = comparison.rows.find((candidate) => candidate.policy === "rules-nba" && candidate.kpi === "churnRateMonthly")!;
    expect(row.meanDiff).toBeCloseTo(0.002, 12);
    // Paired: the spread of the per-seed differences (0.001, 0.002, 0.003), not of the runs.
    expect((row.ci95![1] - row.ci95![0]) / 2).toBeCloseTo(4.303 * (0.001 / Math.sqrt(3)), 5);
    expect(runCli(["compare", dir, writeExperiment(shifted)]).stdout).toContain("paired per seed: the runs share root seed, seeds, subscribers and days");
  });

  it("says per-subscriber totals are not comparable when days or subscribers differ, and uses Welch", () => {
    const longer = structuredClone(results);
    longer.config.days += 30;
    const result = runCli(["compare", dir, writeExperiment(longer)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Welch, unpaired: the days differ (${results.config.days} vs ${results.config.days + 30})`);
    expect(result.stdout).toContain("days or subscribers differ: totals and per-subscriber totals");
    expect(result.stdout).toContain("are not comparable");
    const bigger = structuredClone(results);
    bigger.config.subscribers *= 2;
    const json = JSON.parse(runCli(["compare", dir, writeExperiment(bigger), "--json"]).stdout) as RunComparison;
    expect(json).toMatchObject({ method: "welch", totalsComparable: false });
  });

  it("exits 2 for an unknown KPI or a missing folder", () => {
    expect(runCli(["compare", dir, dir, "--kpis", "churn"]).stderr).toContain('--kpis must be "all" or a comma-separated list of KPIs');
    const missing = runCli(["compare", dir, path.join(dir, "nope")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("DIR_B must be a run folder");
  });
});
