import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, scenarioExtendingBaseline, SMALL_RUN, writeTempFile } from "./run-cli.js";
import { BUILTIN_POLICIES, OPTIONAL_POLICIES } from "../../policies/builtin-policies.js";

/** SMALL_RUN without the flags that `args` sets itself (a repeated flag would become a list). */
function smallRunFlagsBesides(args: readonly string[]): string[] {
  const flags: string[] = [];
  for (let index = 0; index < SMALL_RUN.length; index++) {
    const flag = SMALL_RUN[index];
    const takesValue = index + 1 < SMALL_RUN.length && !SMALL_RUN[index + 1].startsWith("--");
    if (!args.includes(flag)) flags.push(...(takesValue ? [flag, SMALL_RUN[index + 1]] : [flag]));
    if (takesValue) index++;
  }
  return flags;
}

/**
 * Runs `offersim run ...args --out out` (small sizes) in a fresh empty working directory and
 * checks the contract for bad input: exit 2, nothing on stdout, no stack trace, nothing written
 * (neither the --out folder nor reports/). Returns the stderr lines.
 */
function badRunLines(args: readonly string[]): string[] {
  const cwd = makeTempDir("offersim-cwd-");
  const result = runCli(["run", ...args, ...smallRunFlagsBesides(args), "--out", "out"], cwd);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(readdirSync(cwd)).toEqual([]);
  return result.stderr.trimEnd().split("\n");
}

describe("offersim run with bad input", () => {
  let inputs = "";
  beforeAll(() => {
    inputs = makeTempDir("offersim-inputs-");
  });

  it("reports a YAML syntax error with the file, line and column and exits 2", () => {
    const file = writeTempFile(inputs, "syntax.yaml", `extends: ${JSON.stringify(BASELINE)}\npopulation:\n  size: [1, 2\n`);
    const lines = badRunLines([file]);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`offersim: ${file}: YAML syntax error at line `)).toBe(true);
    expect(lines[0]).toMatch(/ at line \d+, column \d+: \S/);
  });

  it("reports a value of the wrong type with its path, the rule and the value", () => {
    const file = scenarioExtendingBaseline(inputs, "type.yaml", ["population:", '  size: "ten"']);
    expect(badRunLines([file])).toEqual([`offersim: ${file}: population.size must be a positive integer, got "ten"`]);
  });

  it("reports an out-of-range value with its path, the rule and the value", () => {
    const file = scenarioExtendingBaseline(inputs, "range.yaml", ["population:", "  size: -5"]);
    expect(badRunLines([file])).toEqual([`offersim: ${file}: population.size must be a positive integer, got -5`]);
  });

  it("reports an unknown scenario key and lists the known ones", () => {
    const file = scenarioExtendingBaseline(inputs, "unknown-key.yaml", ["frobnicate: 3"]);
    const lines = badRunLines([file]);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`offersim: ${file}: frobnicate is not a known field (known: `)).toBe(true);
    expect(lines[0]).toContain("population");
  });

  it("reports a missing scenario file", () => {
    const file = path.join(inputs, "does-not-exist.yaml");
    expect(badRunLines([file])).toEqual([`offersim: ${file}: file not found`]);
  });

  it("reports a missing parent scenario together with the file that extends it", () => {
    const parent = path.join(inputs, "no-parent.yaml");
    const file = writeTempFile(inputs, "orphan.yaml", `extends: ${JSON.stringify(parent)}\n`);
    expect(badRunLines([file])).toEqual([`offersim: ${parent}: file not found (extended by ${file})`]);
  });

  it("reports an unknown policy name and lists the built-in ones", () => {
    expect(badRunLines([BASELINE, "--policies", "nope"])).toEqual([
      `offersim: --policies: unknown policy "nope" (built-in: ${[...BUILTIN_POLICIES, ...OPTIONAL_POLICIES].map((policy) => policy.name).join(", ")}; NAME-epsP for a built-in with P % exploration, e.g. rules-nba-eps10; or the path of a policy module)`,
    ]);
  });

  it("reports --seeds 0, --seeds abc and --days -1 with the flag, the rule and the value", () => {
    expect(badRunLines([BASELINE, "--seeds", "0"])).toEqual(['offersim: --seeds must be an integer from 1 to 1000, got "0"']);
    expect(badRunLines([BASELINE, "--seeds", "abc"])).toEqual(['offersim: --seeds must be an integer from 1 to 1000, got "abc"']);
    expect(badRunLines([BASELINE, "--days", "-1"])).toEqual(['offersim: --days must be an integer from 1 to 3650, got "-1"']);
  });

  it("reports every bad flag at once, not only the first", () => {
    expect(badRunLines([BASELINE, "--seeds", "0", "--subscribers", "1.5"])).toEqual([
      'offersim: --seeds must be an integer from 1 to 1000, got "0"',
      'offersim: --subscribers must be an integer from 1 to 50000000, got "1.5"',
    ]);
  });

  it("reports an unknown option by name", () => {
    const lines = badRunLines([BASELINE, "--frobnicate"]);
    expect(lines).toEqual(["offersim: unknown argument --frobnicate (see offersim run --help)"]);
  });

  it("reports a --reference that is not one of the run's policies", () => {
    expect(badRunLines([BASELINE, "--policies", "no-contact,random", "--reference", "nope"])).toEqual([
      'offersim: --reference must name one of the run\'s policies (no-contact, random), got "nope"',
    ]);
  });

  it("reports a flag given twice", () => {
    expect(badRunLines([BASELINE, "--seeds", "2", "--seeds", "3"])).toEqual(['offersim: --seeds must be given once, got 2 values: ["2","3"]']);
  });

  it("reports a user policy module that lacks create, naming the module and the missing member", () => {
    const module = writeTempFile(inputs, "no-create.mjs", 'export default { name: "x", description: "y" };\n');
    expect(badRunLines([BASELINE, "--policies", `no-contact,${module}`])).toEqual([
      `offersim: ${module}: policy definition create must be a function (context) => policy, got nothing`,
    ]);
  });

  it("reports a user policy module whose relativeCost is not a positive number", () => {
    const module = writeTempFile(inputs, "bad-cost.mjs", 'export default { name: "x", description: "y", relativeCost: "fast", create: () => ({ decide() {} }) };\n');
    expect(badRunLines([BASELINE, "--policies", `no-contact,${module}`])).toEqual([
      `offersim: ${module}: policy definition relativeCost must be a positive number when given, got "fast"`,
    ]);
  });
});

describe("offersim validate with bad input", () => {
  it("exits 2 with the problem on stderr and nothing on stdout", () => {
    const inputs = makeTempDir("offersim-inputs-");
    const file = scenarioExtendingBaseline(inputs, "range.yaml", ["population:", "  size: -5"]);
    const result = runCli(["validate", file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`offersim: ${file}: population.size must be a positive integer, got -5\n`);
  });
});
