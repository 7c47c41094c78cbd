import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioInput } from "../../src/scenario/load-scenario.js";
import { buildSweepVariants, parseSetFlags } from "../../src/sweep/sweep-grid.js";
import { BASELINE, makeTempDir, runCli, scenarioExtendingBaseline, SMALL_RUN, writeTempFile } from "./run-cli.js";

describe("small bad inputs get one exact line each", () => {
  it("--set PATH=.nan is not a value to sweep (it was reported as null given twice)", () => {
    const result = runCli(["sweep", BASELINE, "--set", "churn.dissatisfactionWeight=.nan", ...SMALL_RUN]);
    expect(result.stderr).toBe('offersim: --set churn.dissatisfactionWeight=.nan: values must be finite numbers, true/false or text, got ".nan"\n');
    expect(result.status).toBe(2);
  });

  it("a value that breaks two checks of one rule is reported once", () => {
    const dir = makeTempDir();
    const file = scenarioExtendingBaseline(dir, "episodes.yaml", ["name: episodes", "training: { episodes: -3 }"]);
    const result = runCli(["validate", file]);
    expect(result.stderr).toBe(`offersim: ${file}: training.episodes must be an integer from 1 to 100, got -3\n`);
  });

  it("--json=maybe is refused instead of silently read as off", () => {
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--json=maybe"]);
    expect(result.stderr).toBe('offersim: --json takes no value (or =true / =false), got "maybe"\n');
    expect(result.status).toBe(2);
  });

  it("two sweep values that clean up to the same folder name get distinct variant folders", () => {
    const { raw } = loadScenarioInput(BASELINE);
    const variants = buildSweepVariants(BASELINE, raw, parseSetFlags(["description=a b,a/b"]));
    expect(variants.map((variant) => variant.name)).toEqual(["description=a-b-v1", "description=a-b-v2"]);
  });

  it("a failing policy's name and message reach stderr with control codes escaped", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "loud.mjs", 'export default { name: "loud\\u001b[2J", description: "x", create() { throw new Error("boom\\u001b[31m"); } };\n');
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", `no-contact,${file}`, "--out", path.join(dir, "out")]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).toContain("\\u001b[31m");
  });
});
