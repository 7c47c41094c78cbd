import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { BASELINE, makeTempDir, REPO_ROOT, runCli } from "./run-cli.js";

const SMALL = ["--subscribers", "1500", "--days", "60", "--quiet", "--policies", "no-contact,rules-nba"];
const OUTAGE = path.join(REPO_ROOT, "scenarios", "regional-outage.yaml");

function read(dir: string): ExperimentResults {
  return JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as ExperimentResults;
}

describe("offersim run WHATIF --against BASELINE", () => {
  let dir: string;
  let stdout: string;
  beforeAll(() => {
    dir = path.join(makeTempDir("offersim-against-"), "outage");
    const result = runCli(["run", OUTAGE, "--against", BASELINE, ...SMALL, "--seeds", "3", "--out", dir]);
    if (result.status !== 0) throw new Error(`run failed (${result.status}): ${result.stderr}`);
    stdout = result.stdout;
  }, 120_000);

  it("records the what-if's paired effect per policy in results.json, with the Welch interval beside it", () => {
    const effect = read(dir).againstBaseline!;
    expect(effect.scenario.name).toBe("baseline");
    expect(effect.method).toBe("paired");
    expect(Object.keys(effect.policies)).toEqual(["no-contact", "rules-nba"]);
    const churned = effect.policies["no-contact"].churned!;
    expect(churned.n).toBe(3);
    expect(churned.meanDiff).toBeCloseTo(churned.whatIf - churned.baseline, 9);
    expect(churned.meanDiff).toBeGreaterThan(0); // an outage loses customers
    expect(churned.welchCi95).not.toBeNull();
    expect(Object.keys(effect.policies["rules-nba"])).toEqual(["churnRateMonthly", "churned", "netValuePerSub", "netRevenue", "contacts", "annoyance"]);
  });

  it("prints the effect table on stdout and in summary.md", () => {
    expect(stdout).toContain("effect of regional-outage against the baseline world (what-if - baseline), paired per seed");
    expect(stdout).toMatch(/no-contact\s+\+\d/);
    const markdown = readFileSync(path.join(dir, "summary.md"), "utf8");
    expect(markdown).toContain("## Against the baseline world: effect of regional-outage");
  });

  it("measures a scenario against itself as exactly no effect: the two worlds draw the same numbers", () => {
    const same = path.join(makeTempDir("offersim-against-"), "same");
    const result = runCli(["run", BASELINE, "--against", BASELINE, ...SMALL, "--seeds", "2", "--out", same]);
    expect(result.status).toBe(0);
    for (const kpis of Object.values(read(same).againstBaseline!.policies)) {
      for (const effect of Object.values(kpis)) expect(effect).toMatchObject({ meanDiff: 0, ci95: [0, 0] });
    }
  }, 120_000);

  it("exits 2 naming the file for a baseline scenario that does not exist, and refuses --shard", () => {
    const missing = runCli(["run", OUTAGE, "--against", "scenarios/nope.yaml", ...SMALL]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("scenarios/nope.yaml");
    const sharded = runCli(["run", OUTAGE, "--against", BASELINE, "--shard", "1/2", ...SMALL]);
    expect(sharded.status).toBe(2);
    expect(sharded.stderr).toContain("--against cannot be combined with --shard");
  });
});
