import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../../src/world/observation/observe.js";
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { buildActionCatalogue } from "../../src/engine/action-catalogue.js";
import { BASELINE, CLI, REPO_ROOT, makeTempDir, readResults, runCli, scenarioExtendingBaseline } from "./run-cli.js";

// maxSubscribers and historyDays size the demonstrator's (propensity-nba's) training history: as small as the run's 300 subscribers.
const BUDGET = "episodes=2,episodeDays=30,rlMaxSubscribers=300,maxSubscribers=300,historyDays=30";
const EVAL = ["--subscribers", "300", "--days", "20", "--seeds", "1", "--workers", "1", "--quiet"];

/** Trains dqn on the baseline with the small budget into DIR/NAME; returns the model file. */
function trainSmall(dir: string, name = "dqn.json", extra: string[] = []): string {
  const out = path.join(dir, name);
  const result = runCli(["train", "dqn", BASELINE, "--out", out, "--budget", BUDGET, "--quiet", ...extra], REPO_ROOT, {}, 120_000);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return out;
}

describe("offersim train and --policies NAME=FILE", () => {
  it("writes a model file with the scenario hash, feature names, action ids, budget and curve, and prints the throughput", () => {
    const dir = makeTempDir();
    const out = path.join(dir, "dqn.json");
    const result = runCli(["train", "dqn", BASELINE, "--out", out, "--budget", BUDGET, "--quiet"], REPO_ROOT, {}, 120_000);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/environment transitions \(\d+\/s\), [\d,]+ gradient steps \([\d.]+\/s\)/);
    const model = JSON.parse(readFileSync(out, "utf8"));
    const loaded = loadScenario(BASELINE);
    expect(model.format).toBe("offersim-model/1");
    expect(model.scenario).toEqual({ name: "baseline", hash: loaded.hash });
    expect(model.featureNames).toEqual([...FEATURE_NAMES]);
    expect(model.actionIds).toEqual(buildActionCatalogue(loaded.scenario).actions.map((action) => action.id));
    expect(model.budget).toMatchObject({ episodes: 2, episodeDays: 30, rlMaxSubscribers: 300 });
    expect(model.curve.x).toEqual([0, 1]);
    expect(model.experience.transitions).toBeGreaterThan(0);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(false);
  }, 120_000);

  it("evaluates a trained model exactly as the run's own training would give it (replicate 0, same budget)", () => {
    const dir = makeTempDir();
    const model = trainSmall(dir);
    const fromFile = path.join(dir, "from-file");
    expect(runCli(["run", BASELINE, ...EVAL, "--policies", `dqn=${model}`, "--out", fromFile]).status).toBe(0);
    const inRun = scenarioExtendingBaseline(dir, "budget.yaml", ["training: { episodes: 2, episodeDays: 30, rlMaxSubscribers: 300, maxSubscribers: 300, historyDays: 30 }"]);
    const trainedInRun = path.join(dir, "in-run");
    expect(runCli(["run", inRun, ...EVAL, "--policies", "dqn", "--out", trainedInRun]).status).toBe(0);
    const kpis = (dir: string) => readResults(dir).policies[0].kpis;
    expect(readResults(fromFile).policies[0].policy).toBe("dqn");
    expect(kpis(fromFile)).toEqual(kpis(trainedInRun));
  }, 180_000);

  it("--models NAME=FILE evaluates that policy of the run's list with its model, as --policies NAME=FILE does", () => {
    const dir = makeTempDir();
    const model = trainSmall(dir);
    const named = path.join(dir, "named");
    expect(runCli(["run", BASELINE, ...EVAL, "--policies", `rules-nba,dqn=${model}`, "--out", named]).status).toBe(0);
    const replaced = path.join(dir, "replaced");
    expect(runCli(["run", BASELINE, ...EVAL, "--policies", "rules-nba,dqn", "--models", `dqn=${model}`, "--out", replaced]).status).toBe(0);
    const kpis = (dir: string) => readResults(dir).policies.map((policy: { policy: string; kpis: unknown }) => [policy.policy, policy.kpis]);
    expect(kpis(replaced)).toEqual(kpis(named));
    const missing = runCli(["run", BASELINE, ...EVAL, "--policies", "rules-nba", "--models", `dqn=${model}`, "--out", path.join(dir, "missing")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/--models: dqn=.*dqn\.json names a policy the run does not have \(rules-nba\), got "dqn"/);
    const malformed = runCli(["run", BASELINE, ...EVAL, "--models", "dqn", "--out", path.join(dir, "malformed")]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/--models must be NAME=FILE pairs .*got "dqn"/);
  }, 180_000);

  it("refuses a model whose actions do not match the scenario (exit 2, one line) and warns for another world", () => {
    const dir = makeTempDir();
    const model = trainSmall(dir);
    const launch = path.join(REPO_ROOT, "scenarios", "flagship-device-launch.yaml");
    const refused = runCli(["run", launch, ...EVAL, "--policies", `dqn=${model}`, "--out", path.join(dir, "refused")]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/dqn\.json: actionIds must match the run's \(\d+ of them\), got \d+, first difference at actionIds\[\d+\]/);
    expect(existsSync(path.join(dir, "refused"))).toBe(false);
    const outage = path.join(REPO_ROOT, "scenarios", "regional-outage.yaml");
    const warned = runCli(["run", outage, ...EVAL, "--policies", `dqn=${model}`, "--out", path.join(dir, "warned")]);
    expect(warned.status).toBe(0);
    expect(warned.stderr.trim()).toMatch(/^offersim: warning: .*dqn\.json was trained on scenario baseline \(hash [0-9a-f]{16}\), this run is regional-outage \(hash [0-9a-f]{16}\)/);
  }, 180_000);

  it("refuses bad model files and flags with exit 2 and one line each", () => {
    const dir = makeTempDir();
    const notJson = path.join(dir, "bad.json");
    writeFileSync(notJson, "{ not json");
    const other = path.join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ format: "something-else" }));
    const cases: [string[], RegExp][] = [
      [["run", BASELINE, ...EVAL, "--policies", `dqn=${path.join(dir, "missing.json")}`], /missing\.json: the model file could not be read \(ENOENT\)/],
      [["run", BASELINE, ...EVAL, "--policies", `dqn=${notJson}`], /bad\.json: a model file must be JSON written by offersim train/],
      [["run", BASELINE, ...EVAL, "--policies", `dqn=${other}`], /other\.json: format must be "offersim-model\/1", got "something-else"/],
      [["run", BASELINE, ...EVAL, "--policies", `rules-nba=${other}`], /a model file can only be given to a trainable built-in policy \(dqn, dqn-online\), got "rules-nba"/],
      [["train", "rules-nba", "--out", path.join(dir, "x.json")], /POLICY must be a trainable built-in policy \(dqn\), got "rules-nba"/],
      [["train", "dqn", BASELINE, "--out", path.join(dir, "x.json"), "--budget", "episodes=0"], /--budget: episodes .*got 0/],
      [["train", "dqn", BASELINE, "--out", path.join(dir, "x.json"), "--budget", "speed=3"], /--budget must be KEY=VALUE pairs of the scenario's training section/],
      [["train", "dqn", BASELINE, "--out", notJson], /bad\.json exists; add --force to replace it/],
      [["train", "dqn", BASELINE, "--out", path.join(dir, "y.json"), "--resume"], /--resume: no checkpoint at .*y\.json\.checkpoint\.json/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stderr, args.join(" ")).toMatch(message);
    }
  }, 120_000);

  it("resumes an interrupted training from its checkpoint and refuses to resume another budget", async () => {
    const dir = makeTempDir();
    const out = path.join(dir, "dqn.json");
    const checkpoint = `${out}.checkpoint.json`;
    const budget = "episodes=4,episodeDays=30,rlMaxSubscribers=300,maxSubscribers=300,historyDays=30";
    // Train, and stop the process once the first checkpoint is on disk.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, "train", "dqn", BASELINE, "--out", out, "--budget", budget, "--quiet"], { cwd: REPO_ROOT, stdio: "ignore" });
      const poll = setInterval(() => {
        if (existsSync(checkpoint)) {
          clearInterval(poll);
          child.kill("SIGTERM");
        }
      }, 20);
      child.once("exit", () => {
        clearInterval(poll);
        resolve();
      });
      child.once("error", reject);
    });
    expect(existsSync(out)).toBe(false);
    const saved = JSON.parse(readFileSync(checkpoint, "utf8"));
    expect(saved.checkpoint.unitsDone).toBeGreaterThanOrEqual(1);
    const fresh = runCli(["train", "dqn", BASELINE, "--out", out, "--budget", budget, "--quiet"]);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toMatch(/a checkpoint of an earlier training is there; add --resume to continue it, or --force to start afresh/);
    const other = runCli(["train", "dqn", BASELINE, "--out", out, "--budget", "episodes=5,episodeDays=30,rlMaxSubscribers=300,maxSubscribers=300,historyDays=30", "--resume", "--quiet"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/budget must be the one of this training/);
    const resumed = runCli(["train", "dqn", BASELINE, "--out", out, "--budget", budget, "--resume", "--quiet"], REPO_ROOT, {}, 120_000);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`resumed after ${saved.checkpoint.unitsDone} episodes`));
    const model = JSON.parse(readFileSync(out, "utf8"));
    expect(model.curve.x).toEqual([0, 1, 2, 3]);
    expect(model.curve.y.slice(0, saved.checkpoint.unitsDone)).toEqual(saved.checkpoint.state.curve.y);
    expect(existsSync(checkpoint)).toBe(false);
  }, 180_000);
});
