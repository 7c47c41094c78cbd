import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, CLI, makeTempDir, REPO_ROOT } from "./run-cli.js";

/** Starts a long run, sends `signal` once it reports progress, and resolves with how it ended. */
function interruptRun(args: readonly string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; secondsAfterSignal: number }> {
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
    child.on("close", (code) => resolve({ code, stderr, secondsAfterSignal: (Date.now() - signalledAt) / 1000 }));
  });
}

describe("offersim run interrupted", () => {
  for (const [workers, signal] of [["2", "SIGINT"], ["1", "SIGINT"], ["2", "SIGTERM"]] as const) {
    it(`stops the workers on ${signal} with --workers ${workers}, prints one line, exits 130 and leaves no output folder or temporary file`, async () => {
      const dir = makeTempDir();
      const out = path.join(dir, "out");
      const run = await interruptRun(["run", BASELINE, "--subscribers", "20000", "--days", "365", "--seeds", "2", "--policies", "no-contact", "--workers", workers, "--out", out], signal);
      expect(run.code).toBe(130);
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
