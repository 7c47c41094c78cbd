import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, REPO_ROOT, runCli } from "./run-cli.js";

const TINY = ["--subscribers", "300", "--days", "20", "--seeds", "2", "--workers", "1", "--quiet"];
const ESCAPE = "\u001b[";
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
/** Neither NO_COLOR nor FORCE_COLOR from the environment the tests were started in (empty FORCE_COLOR would force colour, as in Node). */
const PLAIN = { NO_COLOR: "", FORCE_COLOR: "0" };

function errorLines(args: readonly string[]): string[] {
  const result = runCli(args, REPO_ROOT, PLAIN);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  return result.stderr.trimEnd().split("\n");
}

/** A command's --help, with each flag's entry (its wrapped lines joined) by flag name. */
function helpEntries(command: string): Map<string, string> {
  const result = runCli([command, "--help"], REPO_ROOT, PLAIN);
  expect(result.status).toBe(0);
  const entries = new Map<string, string>();
  let current: string | undefined;
  for (const line of result.stdout.split("\n")) {
    const flag = /^\s+(?:-\w, )?--([\w-]+)/.exec(line) ?? /^\s{2}(\w+)\s{2,}/.exec(line);
    if (flag) entries.set((current = flag[1]), line);
    else if (current !== undefined && line.startsWith("   ")) entries.set(current, `${entries.get(current)} ${line.trim()}`);
    else current = undefined;
  }
  return entries;
}

describe("offersim as a command-line tool", () => {
  it("--version and -V print the version of package.json and exit 0", () => {
    for (const flag of ["--version", "-V"]) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${PACKAGE_VERSION}\n`);
    }
  });

  it("suggests the nearest command for a mistyped one, in one line with exit 2", () => {
    expect(errorLines(["runn"])).toEqual([
      'offersim: unknown command "runn": did you mean run? (commands: run, train, sweep, ope, ope-check, merge, validate, policies, scenarios, report, compare, check)',
    ]);
    expect(errorLines(["valdate", "x.yaml"])[0]).toContain("did you mean validate?");
    expect(errorLines(["frobnicate"])).toEqual(['offersim: unknown command "frobnicate" (commands: run, train, sweep, ope, ope-check, merge, validate, policies, scenarios, report, compare, check)']);
  });

  it("suggests the nearest flag of the command for a mistyped one", () => {
    expect(errorLines(["run", BASELINE, "--subscriber", "5"])).toEqual(["offersim: unknown argument --subscriber: did you mean --subscribers? (see offersim run --help)"]);
    expect(errorLines(["sweep", BASELINE, "--sedes", "2"])).toEqual(["offersim: unknown argument --sedes: did you mean --seeds? (see offersim sweep --help)"]);
    expect(errorLines(["check", "x", "--baseline", "y", "--junti", "j.xml"])).toEqual(["offersim: unknown argument --junti: did you mean --junit? (see offersim check --help)"]);
    expect(errorLines(["run", BASELINE, "--frobnicate"])).toEqual(["offersim: unknown argument --frobnicate (see offersim run --help)"]);
  });

  it("says in one line what a command needs when its operand or required flag is missing", () => {
    expect(errorLines(["validate"])).toEqual(["offersim: validate needs a scenario file: offersim validate FILE (see offersim validate --help)"]);
    expect(errorLines(["compare", "a"])).toEqual(["offersim: compare needs two runs' output folders: offersim compare DIR_A DIR_B (see offersim compare --help)"]);
    expect(errorLines(["merge"])).toEqual(["offersim: merge needs the shards' output folders: offersim merge DIR... (see offersim merge --help)"]);
    expect(errorLines(["check", "dir"])).toEqual(["offersim: check needs --baseline (see offersim check --help)"]);
    expect(errorLines([])).toEqual(["offersim: name a command: run, train, sweep, ope, ope-check, merge, validate, policies, scenarios, report, compare, check (or --help, --version)"]);
  });

  it("labels every numeric flag [number] in every command's --help, and merge's folders without a default", () => {
    const numeric: Record<string, string[]> = {
      run: ["seeds", "seed", "subscribers", "days", "workers", "task-timeout"],
      sweep: ["seeds", "seed", "subscribers", "days", "workers"],
      ope: ["bootstrap", "folds", "switch-max-weight"],
      "ope-check": ["seeds", "seed", "subscribers", "days", "workers", "bootstrap"],
    };
    for (const [command, flags] of Object.entries(numeric)) {
      const entries = helpEntries(command);
      for (const flag of flags) expect(entries.get(flag), `${command} --${flag}`).toMatch(/\[number\]/);
      // A flag without a number is never labelled one.
      for (const [flag, entry] of entries) if (!flags.includes(flag)) expect(entry, `${command} --${flag}`).not.toMatch(/\[number\]/);
    }
    const dirs = helpEntries("merge").get("dirs");
    expect(dirs).toMatch(/\[array\] \[required\]/);
    expect(dirs).not.toContain("[default:");
    expect(helpEntries("run").get("policies")).toContain("the scenario's policies list, else every built-in policy");
  });

  it("still quotes a numeric flag as typed when it is not a number", () => {
    expect(errorLines(["run", BASELINE, "--seeds", "ten"])).toEqual(['offersim: --seeds must be an integer from 1 to 1000, got "ten"']);
  });

  it("says there is nothing to pair with when only the reference policy ran, instead of an empty table", () => {
    const out = path.join(makeTempDir(), "run");
    const result = runCli(["run", BASELINE, "--policies", "no-contact", "--out", out, ...TINY], REPO_ROOT, PLAIN);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("no paired differences: only the reference policy no-contact ran, so there is nothing to compare it with (run more policies with --policies)");
    expect(result.stdout.match(/^policy\s/gm)).toHaveLength(1);
    expect(readFileSync(path.join(out, "summary.md"), "utf8")).toContain("nothing to compare it with");
  });

  describe("colour", () => {
    const run = (extraEnv: Record<string, string>, flags: readonly string[] = []) =>
      runCli(["run", BASELINE, "--policies", "no-contact,random", "--out", path.join(makeTempDir(), "run"), ...TINY, ...flags], REPO_ROOT, { ...PLAIN, ...extraEnv });

    it("marks significant paired differences (random's annoyance: worse, red) when FORCE_COLOR is set, and nothing else", () => {
      const forced = run({ FORCE_COLOR: "1" });
      expect(forced.status).toBe(0);
      const plain = run({});
      expect(plain.stdout).not.toContain(ESCAPE);
      expect(forced.stdout).toContain(`\u001b[31m+0.`);
      // Colour codes aside, the table is the same text, aligned the same way.
      expect(forced.stdout.replace(/\u001b\[\d+m/g, "").replace(/reports?\S*|\/tmp\S*/g, "")).toBe(plain.stdout.replace(/reports?\S*|\/tmp\S*/g, ""));
    });

    it("is off in a pipe, for NO_COLOR with any non-empty value and for --no-color, even with FORCE_COLOR", () => {
      for (const [env, flags] of [
        [{}, []],
        [{ FORCE_COLOR: "1", NO_COLOR: "1" }, []],
        [{ FORCE_COLOR: "1", NO_COLOR: "yes please" }, []],
        [{ FORCE_COLOR: "1" }, ["--no-color"]],
      ] as const) {
        const result = run(env, flags);
        expect(result.status).toBe(0);
        expect(result.stdout + result.stderr, JSON.stringify([env, flags])).not.toContain(ESCAPE);
      }
    });

    it("colours the error prefix of bad input on a forced terminal, and not with --no-color", () => {
      expect(runCli(["runn"], REPO_ROOT, { ...PLAIN, FORCE_COLOR: "1" }).stderr).toBe(
        `${ESCAPE}31moffersim:${ESCAPE}39m unknown command "runn": did you mean run? (commands: run, train, sweep, ope, ope-check, merge, validate, policies, scenarios, report, compare, check)\n`,
      );
      expect(runCli(["runn", "--no-color"], REPO_ROOT, { ...PLAIN, FORCE_COLOR: "1" }).stderr).not.toContain(ESCAPE);
      expect(runCli(["runn", "--color=maybe"], REPO_ROOT, PLAIN).stderr).toBe('offersim: --color takes no value (or =true / =false), got "maybe"\n');
    });
  });

  describe("npm's prepare script (it builds dist/)", () => {
    /** scripts/prepare.mjs copied into a folder without node_modules (a fresh clone before npm ci). */
    const freshClone = (withDist: boolean) => {
      const dir = makeTempDir("offersim-clone-");
      mkdirSync(path.join(dir, "scripts"));
      copyFileSync(path.join(REPO_ROOT, "scripts", "prepare.mjs"), path.join(dir, "scripts", "prepare.mjs"));
      if (withDist) {
        mkdirSync(path.join(dir, "dist", "src", "cli"), { recursive: true });
        writeFileSync(path.join(dir, "dist", "src", "cli", "offersim.js"), "");
      }
      return spawnSync(process.execPath, [path.join(dir, "scripts", "prepare.mjs")], { cwd: dir, encoding: "utf8" });
    };

    it("says to run npm ci first when TypeScript is not installed and nothing is built (npm install -g . in a fresh clone)", () => {
      const result = freshClone(false);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        "offersim prepare: cannot build dist/: TypeScript (a dev dependency) is not installed in this folder. Run `npm ci` first (it installs the dependencies and builds dist/), then `npm install -g .`\n",
      );
    });

    it("keeps a dist/ already built when TypeScript is not installed", () => {
      const result = freshClone(true);
      expect(result.status).toBe(0);
      expect(result.stderr).toContain("using the dist/ already built");
    });
  });
});
