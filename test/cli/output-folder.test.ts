import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, scenarioExtendingBaseline, writeTempFile } from "./run-cli.js";

const TINY = ["--subscribers", "300", "--days", "10", "--seeds", "1", "--policies", "no-contact", "--quiet"];

describe("offersim run never overwrites or loses what the user had, and checks the output folder first", () => {
  it("refuses a folder holding the user's own results.json: exit 2, the file untouched", () => {
    const dir = makeTempDir();
    const mine = writeTempFile(dir, "mine/results.json", '{"mine": true}\n');
    const result = runCli(["run", BASELINE, ...TINY, "--out", path.dirname(mine)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `offersim: --out must be a new or empty folder, or an earlier offersim run's folder to replace with --force, got ${JSON.stringify(path.dirname(mine))}, which holds other files (results.json)\n`,
    );
    expect(readFileSync(mine, "utf8")).toBe('{"mine": true}\n');
  });

  it("asks for --force to replace an earlier run, and then removes the earlier shard's partial.json", () => {
    const dir = makeTempDir();
    const out = path.join(dir, "out");
    expect(runCli(["run", BASELINE, ...TINY, "--shard", "1/1", "--out", out]).status).toBe(0);
    expect(readdirSync(out)).toEqual(["partial.json"]);
    const again = runCli(["run", BASELINE, ...TINY, "--out", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`offersim: --out ${JSON.stringify(out)} holds the results of an earlier offersim run: add --force to replace them, or name another folder\n`);
    expect(runCli(["run", BASELINE, ...TINY, "--out", out, "--force"]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["kpis.csv", "paired.csv", "programs.csv", "report.html", "results.json", "series.csv", "summary.csv", "summary.md"]);
  });

  it("checks every output path before any work: exit 2 naming the flag, nothing written", () => {
    const dir = makeTempDir();
    const file = writeTempFile(dir, "a-file.txt", "x");
    const locked = path.join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const cases: [string[], string][] = [
      [["--out", ""], "offersim: --out must name a folder, got an empty path\n"],
      [["--out", path.join(dir, "a"), "--out", path.join(dir, "b")], `offersim: --out must be given once, got 2 values: ${JSON.stringify([path.join(dir, "a"), path.join(dir, "b")])}\n`],
      [["--out", file], `offersim: --out must be a folder, got ${JSON.stringify(file)}, which is a file\n`],
      [["--out", "/proc/offersim-out"], `offersim: --out must be a folder offersim can write in, got "/proc/offersim-out": /proc is not writable (ENOENT)\n`],
      // TINY names --policies once already.
      [["--policies", "random"], `offersim: --policies must be given once, got 2 values: ["no-contact","random"]\n`],
    ];
    for (const [flags, message] of cases) {
      const result = runCli(["run", BASELINE, ...TINY, ...flags]);
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(2);
    }
    // Root may write anywhere: only a non-root user sees the locked folder refused.
    if (process.getuid?.() !== 0) {
      const result = runCli(["run", BASELINE, ...TINY, "--out", path.join(locked, "out")]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^offersim: --out must be a folder offersim can write in, got .*: .* is not writable \(EACCES\)\n$/);
    }
    expect(readdirSync(dir).sort()).toEqual(["a-file.txt", "locked"]);
  });

  it("keeps a scenario's name inside reports/: a name with ../ becomes a plain folder name", () => {
    const dir = makeTempDir();
    const work = path.join(dir, "work");
    mkdirSync(work);
    const scenario = scenarioExtendingBaseline(dir, "escape.yaml", ['name: "../../escaped"']);
    expect(runCli(["run", scenario, ...TINY], work).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["escape.yaml", "work"]);
    const [folder] = readdirSync(path.join(work, "reports"));
    expect(folder).toMatch(/^escaped-\d{8}-\d{6}$/);
  });

  it("sweep: refuses an earlier sweep's folder without --force, replaces it with --force", () => {
    const dir = makeTempDir();
    const out = path.join(dir, "sweep");
    const sweep = ["sweep", BASELINE, "--set", "seed=3", ...TINY, "--out", out];
    expect(runCli(sweep).status).toBe(0);
    const again = runCli(sweep);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`offersim: --out ${JSON.stringify(out)} holds the results of an earlier offersim sweep: add --force to replace them, or name another folder\n`);
    expect(runCli([...sweep, "--force"]).status).toBe(0);
    expect(existsSync(path.join(out, "sweep.json"))).toBe(true);
  });

  it("check: an unwritable --junit or --markdown is bad input found before the other file is written", () => {
    const dir = makeTempDir();
    const out = path.join(dir, "run");
    expect(runCli(["run", BASELINE, ...TINY, "--out", out]).status).toBe(0);
    const markdown = path.join(dir, "check.md");
    const result = runCli(["check", out, "--baseline", path.join(out, "results.json"), "--markdown", markdown, "--junit", "/proc/offersim/check.xml"]);
    expect(result.stderr).toBe(`offersim: --junit must be a file offersim can write, got "/proc/offersim/check.xml": /proc is not writable (ENOENT)\n`);
    expect(result.status).toBe(2);
    expect(existsSync(markdown)).toBe(false);
    writeFileSync(path.join(dir, "package.json"), '{"name": "not a baseline"}\n');
    const update = runCli(["check", out, "--baseline", path.join(dir, "package.json"), "--update-baseline"]);
    expect(update.status).toBe(2);
    expect(update.stderr).toMatch(/^offersim: --baseline .*package\.json: --update-baseline replaces only a baseline written by offersim \(a results\.json\), got a file that is not one\n$/);
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toBe('{"name": "not a baseline"}\n');
  });
});
