import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, SMALL_RUN } from "./run-cli.js";

interface OpeJson {
  logging: string;
  seed: number;
  target: string;
  loggedMean: number;
  rounds: number;
  effectiveSampleSize: number;
  estimates: Record<string, { estimate: number; lower: number; upper: number }>;
  support: { unsupportedMass: number };
}

describe("offersim ope and ope-check", () => {
  const dir = makeTempDir("offersim-ope-");
  const logDir = path.join(dir, "log");

  beforeAll(() => {
    const run = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", "random,rules-nba", "--workers", "2", "--out", path.join(dir, "run"), "--log-decisions", logDir, "--log-distribution"]);
    expect(run.status, run.stderr).toBe(0);
  }, 120_000);

  it("estimates a policy on its own log at its logged value: weights of 1, IPW equal to the log's mean, an ESS of every row", () => {
    const result = runCli(["ope", logDir, "--target", "random", "--scenario", BASELINE, "--bootstrap", "50", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const estimates = JSON.parse(result.stdout) as OpeJson[];
    expect(estimates.map((entry) => `${entry.logging}/${entry.seed}`)).toEqual(["random/0", "random/1", "rules-nba/0", "rules-nba/1"]);
    for (const entry of estimates.filter((item) => item.logging === "random")) {
      expect(entry.estimates.ipw.estimate).toBeCloseTo(entry.loggedMean, 9);
      expect(entry.estimates.snipw.estimate).toBeCloseTo(entry.loggedMean, 9);
      expect(entry.effectiveSampleSize).toBeCloseTo(entry.rounds, 6);
      expect(entry.support.unsupportedMass).toBe(0);
      expect(entry.estimates.dr.lower).toBeLessThanOrEqual(entry.estimates.dr.estimate);
      expect(entry.estimates.dr.upper).toBeGreaterThanOrEqual(entry.estimates.dr.estimate);
    }
  }, 120_000);

  it("warns on stderr when the logging policy gave the target's actions no support, and prints a table", () => {
    const result = runCli(["ope", logDir, "--target", "random", "--scenario", BASELINE, "--bootstrap", "20"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/policy=rules-nba\/seed=0\/part-0\.parquet: no support: the target puts [\d.]+ % of its probability on actions the logging policy never gave positive propensity/);
    expect(result.stderr).not.toMatch(/policy=random/);
    expect(result.stdout).toMatch(/^random: value per decision \(objective_value\), 20 subscriber-bootstrap resamples/);
    expect(result.stdout).toMatch(/rules-nba\s+1\s+switch-dr\s+-?\d/);
  }, 120_000);

  it("refuses a folder with no logged decisions and a missing --target with exit 2 and one line", () => {
    const empty = runCli(["ope", dir, "--target", "random"]);
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toBe(`offersim: ${dir}: no policy=NAME/seed=K/part-*.parquet file found (write one with offersim run --log-decisions ${dir})`);
    const noTarget = runCli(["ope", logDir]);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr.trim()).toBe("offersim: --target must name a policy (a built-in name or a module path), got nothing");
  });

  it("ope-check writes ope-check.json, summary.md and report.html with every estimator's relative error against both truths", () => {
    const out = path.join(dir, "check");
    const result = runCli(["ope-check", BASELINE, "--logging", "rules-nba-eps10", "--target", "random", "--seeds", "2", "--subscribers", "800", "--days", "45", "--workers", "2", "--bootstrap", "30", "--out", out, "--quiet", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const check = JSON.parse(readFileSync(path.join(out, "ope-check.json"), "utf8")) as {
      logging: string;
      target: string;
      seeds: { seed: number; truePerDecision: number; trueNetValueGainPerSub: number; unsupportedMass: number }[];
      summary: { estimator: string; relativeErrorPerDecision: number; relativeErrorLongRun: number; covered: number }[];
    };
    expect(JSON.parse(result.stdout)).toEqual(check);
    expect([check.logging, check.target]).toEqual(["rules-nba-eps10", "random"]);
    expect(check.seeds.map((seed) => seed.seed)).toEqual([0, 1]);
    for (const seed of check.seeds) {
      expect(Number.isFinite(seed.truePerDecision)).toBe(true);
      expect(Number.isFinite(seed.trueNetValueGainPerSub)).toBe(true);
      // Exploration over every eligible action supports a uniform target everywhere.
      expect(seed.unsupportedMass).toBe(0);
    }
    expect(check.summary.map((row) => row.estimator)).toEqual(["ipw", "snipw", "dm", "dr", "sndr", "switch-dr"]);
    for (const row of check.summary) expect(Number.isFinite(row.relativeErrorPerDecision) && Number.isFinite(row.relativeErrorLongRun)).toBe(true);
    expect(readFileSync(path.join(out, "report.html"), "utf8")).toContain('<div id="relative-error" class="chart">');
    expect(existsSync(path.join(out, "log", "policy=rules-nba-eps10", "seed=1", "part-0.parquet"))).toBe(true);
  }, 180_000);
});
