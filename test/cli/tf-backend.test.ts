import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, readResults, runCli } from "./run-cli.js";

const TINY = ["--subscribers", "600", "--days", "20", "--seeds", "1", "--quiet", "--policies", "no-contact,propensity-nbo"];

function tfjsNodeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
}

describe("--tf-backend", () => {
  it("trains the ML policies on the plain cpu backend: exit 0, nothing on stderr (no tfjs console banner)", () => {
    const out = path.join(makeTempDir(), "cpu");
    const result = runCli(["run", BASELINE, ...TINY, "--tf-backend", "cpu", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readResults(out).policies.map((entry) => entry.policy)).toEqual(["no-contact", "propensity-nbo"]);
  });

  it("rejects an unknown backend with exit 2, naming the flag, the choices and the value", () => {
    const result = runCli(["run", BASELINE, ...TINY, "--tf-backend", "gpu"]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('offersim: --tf-backend must be one of wasm, cpu, node, got "gpu"');
  });

  it.skipIf(tfjsNodeInstalled())("refuses node when tfjs-node is not installed: exit 2 before anything runs, no output folder", () => {
    const out = path.join(makeTempDir(), "node");
    const result = runCli(["run", BASELINE, ...TINY, "--tf-backend", "node", "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^offersim: --tf-backend node needs @tensorflow\/tfjs-node installed and working \(npm install @tensorflow\/tfjs-node; it does not support Node >= 23\): /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
