import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, CLI, makeTempDir, policyModuleSource, REPO_ROOT, writeTempFile } from "./run-cli.js";

/** Starts a long run, sends `signal` once it reports progress, and resolves with how it ended. */
function interruptRun(args: readonly string[], signal: NodeJS.Signals): Promise<{ code: number | null; killedBy: NodeJS.Signals | null; stderr: string; secondsAfterSignal: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let signalledAt = 0;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (signalledAt === 0 && stderr.includes("progress")) {
        signalledAt = Date.now();
        child.kill(signal);
      }
    });
    child.on("error", reject);
    child.on("close", (code, killedBy) => resolve({ code, killedBy, stderr, secondsAfterSignal: (Date.now() - signalledAt) / 1000 }));
  });
}

describe("offersim run interrupted", () => {
  for (const [workers, signal] of [["2", "SIGINT"], ["1", "SIGINT"], ["2", "SIGTERM"]] as const) {
    it(`stops the workers on ${signal} with --workers ${workers}, prints one line, exits 130 and leaves no output folder or temporary file`, async () => {
      const dir = makeTempDir();
      const out = path.join(dir, "out");
      const run = await interruptRun(["run", BASELINE, "--subscribers", "20000", "--days", "365", "--seeds", "2", "--policies", "no-contact", "--workers", workers, "--out", out], signal);
      expect(run.code, `ended by signal ${run.killedBy}; stderr: ${run.stderr}`).toBe(130);
      expect(run.stderr).toMatch(new RegExp(`^offersim: interrupted by ${signal}: stopped the workers, wrote no results$`, "m"));
      expect(run.secondsAfterSignal).toBeLessThan(10);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it("leaves no decision log behind when interrupted with --log-decisions, once the tasks have started writing it", async () => {
    const dir = makeTempDir();
    const logDir = path.join(dir, "log");
    const args = [CLI, "run", BASELINE, "--subscribers", "20000", "--days", "365", "--seeds", "2", "--policies", "random", "--workers", "2", "--quiet", "--out", path.join(dir, "out"), "--log-decisions", logDir];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: "ignore" });
    const code = await new Promise<number | null>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(path.join(logDir, "policy=random"))) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 20);
      child.on("error", reject);
      child.on("close", (exit) => {
        clearInterval(poll);
        resolve(exit);
      });
    });
    expect(code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("Ctrl-C is always heard", () => {
  it("stops a policy stuck in an endless loop under --workers 1: exit 130 within seconds, nothing written", async () => {
    const dir = makeTempDir();
    const forever = writeTempFile(dir, "forever.mjs", policyModuleSource("forever", "for (;;) {}"));
    const out = path.join(dir, "out");
    const run = await interruptRun(["run", BASELINE, "--subscribers", "2000", "--days", "60", "--seeds", "1", "--policies", `no-contact,${forever}`, "--workers", "1", "--out", out], "SIGINT");
    expect(run.code).toBe(130);
    expect(run.secondsAfterSignal).toBeLessThan(10);
    expect(readdirSync(dir)).toEqual(["forever.mjs"]);
  });

  it("stops a sweep on SIGTERM: exit 130, no sweep folder and no staging folder left", async () => {
    const dir = makeTempDir();
    const out = path.join(dir, "sweep");
    const run = await interruptRun(["sweep", BASELINE, "--set", "seed=1,2", "--subscribers", "20000", "--days", "365", "--seeds", "2", "--policies", "no-contact", "--workers", "2", "--out", out], "SIGTERM");
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/^offersim: interrupted by SIGTERM: stopped the workers, wrote no results$/m);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a signal while the results are written", () => {
  it("never kills the run half-way: it either stops with nothing written (130) or finishes its files whole, never a temporary file left", async () => {
    // The policy's task ends by asking a detached shell to SIGTERM the run a little later: around
    // the moment the main thread renders and writes the files.
    for (const delay of ["0.03", "0.08", "0.15", "0.25"]) {
      const dir = makeTempDir();
      const source = `import { spawn } from "node:child_process";\n${policyModuleSource("last-word", "output.probabilities[offset] = 1; output.chosen[row] = 0;")}`.replace(
        "      decide(batch, output) {",
        `      learningCurve() { spawn("sh", ["-c", "sleep ${delay}; kill -TERM " + process.pid], { detached: true, stdio: "ignore" }).unref(); return null; },\n      decide(batch, output) {`,
      );
      const module = writeTempFile(dir, "last-word.mjs", source);
      const out = path.join(dir, "out");
      const child = spawn(process.execPath, [CLI, "run", BASELINE, "--subscribers", "300", "--days", "10", "--seeds", "1", "--policies", module, "--workers", "1", "--quiet", "--out", out], { cwd: REPO_ROOT, stdio: "ignore" });
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      // null: killed by the signal, which may only happen on the way out, once the files are whole.
      expect([0, 130, null], `exit code with SIGTERM after ${delay} s`).toContain(code);
      if (code === 130) expect(existsSync(out)).toBe(false);
      else expect(readdirSync(out).sort(), `files with SIGTERM after ${delay} s (exit ${code})`).toEqual(["kpis.csv", "paired.csv", "programs.csv", "report.html", "results.json", "series.csv", "summary.csv", "summary.md"]);
      expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
    }
  });
});
