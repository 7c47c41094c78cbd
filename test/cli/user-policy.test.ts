import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, policyModuleSource, readResults, runCli, SMALL_RUN, writeTempFile } from "./run-cli.js";

describe("offersim run with a user policy module", () => {
  it("runs a module that always takes no action and gets the same KPIs as no-contact (common random numbers)", () => {
    const dir = makeTempDir();
    const module = writeTempFile(dir, "always-nothing.mjs", policyModuleSource("always-nothing", "output.probabilities[offset] = 1; output.chosen[row] = 0;"));
    const out = path.join(dir, "out");
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", `no-contact,${module}`, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const results = readResults(out);
    expect(results.config.policies).toEqual(["no-contact", "always-nothing"]);
    const [reference, mine] = results.policies;
    expect(mine.policy).toBe("always-nothing");
    expect(mine.kpis).toEqual(reference.kpis);
    expect(mine.segments).toEqual(reference.segments);
    expect(mine.kpis.churned.perSeed.every((value) => value > 0)).toBe(true);
  });

  it("fails only that policy's tasks when its probabilities sum to 2: exit 1, the failures named, the others' results written", () => {
    const dir = makeTempDir();
    const module = writeTempFile(
      dir,
      "sums-to-two.mjs",
      policyModuleSource("sums-to-two", "output.probabilities[offset] = 1; output.probabilities[offset + 1] = 1; output.chosen[row] = 0;"),
    );
    const out = path.join(dir, "out");
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", `no-contact,${module}`, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^offersim: run failed: seed 0: policy "sums-to-two": .*sum to 2/m);
    expect(result.stderr).toMatch(/^offersim: 2 task\(s\) failed; the results of the other policies are in /m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The failing policy fails alone: the others' results are written, and the failures listed.
    const results = readResults(out) as unknown as { policies: { policy: string }[]; failures: { policy: string; replicate: number; error: string }[] };
    expect(results.policies.map((entry) => entry.policy)).toEqual(["no-contact"]);
    expect(results.failures.map((failure) => [failure.policy, failure.replicate])).toEqual([["sums-to-two", 0], ["sums-to-two", 1]]);
    expect(results.failures[0].error).toMatch(/sum to 2/);
  });
});
