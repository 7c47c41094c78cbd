import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, policyModuleSource, runCli, scenarioExtendingBaseline, SMALL_RUN, writeTempFile } from "./run-cli.js";

/** A scenario listing a module beside it whose top-level code leaves a mark, and the mark's path. */
function scenarioWithModule(): { dir: string; scenario: string; mark: string } {
  const dir = makeTempDir();
  const mark = path.join(dir, "ran.txt");
  const source = `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(mark)}, "top-level code ran");\n${policyModuleSource("quiet", "output.probabilities[offset] = 1; output.chosen[row] = 0;")}`;
  writeTempFile(dir, "quiet.mjs", source);
  const scenario = scenarioExtendingBaseline(dir, "with-module.yaml", ["name: with-module", "policies: [no-contact, ./quiet.mjs]"]);
  return { dir, scenario, mark };
}

describe("a scenario is data: it cannot run code unless the user says so", () => {
  it("refuses a policy module named in a scenario's policies: exit 2 naming the entry and the flag, and the module's code never runs", () => {
    const { dir, scenario, mark } = scenarioWithModule();
    const out = path.join(dir, "out");
    const result = runCli(["run", scenario, ...SMALL_RUN, "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `offersim: ${scenario}: policies[1] names a policy module ("./quiet.mjs"), which is code: a scenario file cannot run code unless you add --allow-policy-modules (or name the module in --policies)\n`,
    );
    expect(existsSync(mark)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("runs it with --allow-policy-modules", () => {
    const { dir, scenario, mark } = scenarioWithModule();
    const result = runCli(["run", scenario, ...SMALL_RUN, "--out", path.join(dir, "out"), "--allow-policy-modules"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(mark)).toBe(true);
  });

  it("validate says ok and names the modules the scenario would run, without running them", () => {
    const { scenario, mark } = scenarioWithModule();
    const result = runCli(["validate", scenario]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${scenario}: the policies list names policy modules, which are code: "./quiet.mjs"; offersim run refuses them unless given --allow-policy-modules\n`);
    expect(existsSync(mark)).toBe(false);
  });

  it("validate checks the policies list: an unknown built-in name or an empty list is bad input naming the scenario's field", () => {
    const dir = makeTempDir();
    const unknown = scenarioExtendingBaseline(dir, "unknown.yaml", ["name: unknown", "policies: [no-contact, linucbb]"]);
    const result = runCli(["validate", unknown]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^offersim: ${unknown}: policies\\[1\\] must be a built-in policy \\(no-contact, .*\\) or the path of a policy module, got "linucbb"\\n$`));
    const empty = scenarioExtendingBaseline(dir, "empty.yaml", ["name: empty", "policies: []"]);
    for (const command of [["validate", empty], ["run", empty, ...SMALL_RUN, "--out", path.join(dir, "out")]]) {
      const run = runCli(command);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`offersim: ${empty}: policies must name at least one policy, got an empty list (leave it out to run every built-in policy)\n`);
    }
  });
});
