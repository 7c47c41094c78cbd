import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, scenarioExtendingBaseline, SMALL_RUN } from "./run-cli.js";

describe("a scenario that passes the schema but cannot run is bad input, found at once", () => {
  it("a churn.dissatisfactionWeight that leaves no starting base: validate and run exit 2 within seconds, naming the field", () => {
    const dir = makeTempDir();
    const file = scenarioExtendingBaseline(dir, "hopeless.yaml", ["name: hopeless", "churn: { dissatisfactionWeight: 1000000 }"]);
    const message = `offersim: ${file}: churn.dissatisfactionWeight must leave a starting base that can be drawn (with this network's dissatisfaction, not one of 100000 profiles survives the steady-state weighting), got 1000000\n`;
    for (const args of [["validate", file], ["run", file, ...SMALL_RUN, "--out", path.join(dir, "out")]]) {
      const started = Date.now();
      const result = runCli(args);
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(2);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    expect(readdirSync(dir)).toEqual(["hopeless.yaml"]);
  });

  it("population.size is capped like --subscribers, and a population that cannot fit in memory is refused before it is allocated", () => {
    const dir = makeTempDir();
    const huge = scenarioExtendingBaseline(dir, "huge.yaml", ["name: huge", "population: { size: 1000000000 }"]);
    const validate = runCli(["validate", huge]);
    expect(validate.stderr).toBe(`offersim: ${huge}: population.size must be a positive integer up to 50000000, got 1000000000\n`);
    expect(validate.status).toBe(2);
    const flags = runCli(["run", BASELINE, "--subscribers", "50000000", "--workers", "256", "--seeds", "200", "--days", "10", "--quiet", "--out", path.join(dir, "out")]);
    expect(flags.status).toBe(2);
    expect(flags.stderr).toMatch(/^offersim: --subscribers \(50000000 subscribers and \d+ gross adds, 256 task\(s\) at once\) needs at least [\d.]+ GiB of memory, more than this machine's [\d.]+ GiB: lower it, or --workers\n$/);
    expect(readdirSync(dir)).toEqual(["huge.yaml"]);
  });

  it("--workers is capped at 256 threads", () => {
    const result = runCli(["run", BASELINE, ...SMALL_RUN, "--workers", "1024"]);
    expect(result.stderr).toBe('offersim: --workers must be an integer from 1 to 256, got "1024"\n');
    expect(result.status).toBe(2);
  });
});
