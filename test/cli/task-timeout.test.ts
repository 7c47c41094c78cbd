import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, policyModuleSource, readResults, runCli, writeTempFile } from "./run-cli.js";

/** A user policy that takes no action for two days, then never returns from decide(). */
const FOREVER = policyModuleSource("forever", "if (batch.day >= 2) for (;;) {} output.probabilities[offset] = 1; output.chosen[row] = 0;");

describe("offersim run --task-timeout", () => {
  for (const workers of ["2", "1"]) {
    it(`stops a policy that never returns after the time limit, with --workers ${workers}, and writes the others' results (exit 1)`, () => {
      const dir = makeTempDir();
      const module = writeTempFile(dir, "forever.mjs", FOREVER);
      const out = path.join(dir, "out");
      const started = Date.now();
      const run = runCli(["run", BASELINE, "--subscribers", "1000", "--days", "20", "--seeds", "2", "--quiet", "--policies", `no-contact,${module}`, "--workers", workers, "--task-timeout", "3", "--out", out]);
      expect(Date.now() - started).toBeLessThan(50_000);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/^offersim: run failed: seed 0: policy "forever": exceeded the time limit of 3 s/m);
      expect(run.stderr).toMatch(/^offersim: run failed: seed 1: policy "forever": exceeded the time limit of 3 s/m);
      expect(run.stderr).not.toMatch(/no-contact/);
      const results = readResults(out) as unknown as { policies: { policy: string }[]; failures: { policy: string; replicate: number; error: string }[] };
      expect(results.policies.map((entry) => entry.policy)).toEqual(["no-contact"]);
      expect(results.failures.map((failure) => [failure.policy, failure.replicate])).toEqual([["forever", 0], ["forever", 1]]);
    });
  }

  it("rejects a negative or non-numeric time limit as bad input (exit 2)", () => {
    for (const value of ["-1", "soon"]) {
      const run = runCli(["run", BASELINE, "--quiet", "--task-timeout", value]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`offersim: --task-timeout must be a number of seconds from 0 (no limit) to 2000000, got "${value}"`);
    }
  });
});
