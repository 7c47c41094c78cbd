import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { makeTempDir, REPO_ROOT, runCli, writeTempFile } from "./run-cli.js";

const CI_EXPERIMENT = path.join(REPO_ROOT, "ci", "experiment.yaml");
const CI_BASELINE = path.join(REPO_ROOT, "ci", "baseline", "results.json");

describe("the project's CI gate", () => {
  it("fails on churn when rules-nba's service rules are switched off (the experiment of ci/experiment.yaml, 3 seeds, default tolerances)", () => {
    const dir = makeTempDir("offersim-gate-");
    // The baseline's reference and rules-nba: only those two are rerun, rules-nba changed.
    const baseline = JSON.parse(readFileSync(CI_BASELINE, "utf8")) as ExperimentResults;
    baseline.policies = baseline.policies.filter((entry) => entry.policy === "rules-nba" || entry.policy === baseline.config.reference);
    const baselineFile = writeTempFile(dir, "baseline/results.json", JSON.stringify(baseline));
    const module = writeTempFile(
      dir,
      "rules-nba-without-service.mjs",
      `import { rulesNbaWith } from ${JSON.stringify(path.join(REPO_ROOT, "dist", "policies", "rules-nba.js"))};\nexport default rulesNbaWith({ serviceRules: false });\n`,
    );
    const out = path.join(dir, "run");
    // As npm run ci:experiment runs it (--seeds 3), with rules-nba replaced.
    const run = runCli(["run", CI_EXPERIMENT, "--seeds", "3", "--policies", `no-contact,${module}`, "--out", out, "--quiet"], REPO_ROOT, {}, 600_000);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const check = runCli(["check", out, "--baseline", baselineFile]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/rules-nba\s+churnRateMonthly\s+[\d.]+ %\/month\s+[\d.]+ %\/month\s+\+?[\d.]+ \[[\d.]+, [\d.]+\] %\/month.*FAIL/);
    expect(check.stdout).toMatch(/smallest detectable worsening[^\n]*rules-nba/);
    expect(check.stdout).toMatch(/churnRateMonthly\s+[\d.]+ %\/month/);
  }, 900_000);
});
