import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, type CliResult } from "./run-cli.js";

const RUN = ["run", BASELINE, "--subscribers", "1200", "--days", "40", "--seeds", "3", "--policies", "no-contact,random", "--quiet"];
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), "utf8");

/** results.json without the parts a merge may change: meta and config.shard. */
function comparable(dir: string): string {
  const results = JSON.parse(read(dir, "results.json")) as { meta?: unknown; config: { shard?: unknown } };
  delete results.meta;
  delete results.config.shard;
  return JSON.stringify(results, null, 2);
}

describe("offersim run --shard and offersim merge", () => {
  const dir = makeTempDir();
  const at = (name: string) => path.join(dir, name);
  const runs: Record<string, CliResult> = {};

  beforeAll(() => {
    runs.whole = runCli([...RUN, "--workers", "2", "--out", at("whole")]);
    runs.first = runCli([...RUN, "--shard", "1/2", "--workers", "1", "--out", at("shard-1")]);
    runs.second = runCli([...RUN, "--shard", "2/2", "--workers", "2", "--out", at("shard-2")]);
    runs.otherSeed = runCli([...RUN, "--seed", "7", "--shard", "2/2", "--out", at("shard-2-seed-7")]);
    runs.merge = runCli(["merge", at("shard-2"), at("shard-1"), "--out", at("merged")]);
  });

  it("writes DIR/partial.json for each shard, a round-robin slice of the tasks", () => {
    for (const key of ["first", "second", "otherSeed", "merge"]) expect(runs[key].status, `${key}: ${runs[key].stderr}`).toBe(0);
    const partial = JSON.parse(read(at("shard-1"), "partial.json")) as { shard: unknown; outcomes: { result: { policy: string; replicate: number } }[] };
    expect(partial.shard).toEqual({ index: 1, count: 2 });
    // Tasks in planned order (policy-major) are no-contact 0, 1, 2, random 0, 1, 2: shard 1 takes every other one.
    expect(partial.outcomes.map(({ result }) => `${result.policy}#${result.replicate}`)).toEqual(["no-contact#0", "no-contact#2", "random#1"]);
  });

  it("merges two shards into the results a single run writes, byte for byte apart from meta and config.shard", () => {
    expect(comparable(at("merged"))).toBe(comparable(at("whole")));
    expect(read(at("merged"), "summary.csv")).toBe(read(at("whole"), "summary.csv"));
    expect(read(at("merged"), "summary.md")).toBe(read(at("whole"), "summary.md"));
    expect(JSON.parse(read(at("merged"), "results.json")).config.shard).toEqual({ count: 2, merged: true });
  });

  it("refuses to merge when a shard is missing (exit 2, naming it)", () => {
    const run = runCli(["merge", at("shard-1"), "--out", at("not-written")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("offersim: missing shard 2/2");
  });

  it("refuses to merge a shard given twice (exit 2)", () => {
    const run = runCli(["merge", at("shard-1"), at("shard-1"), at("shard-2"), "--out", at("not-written")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^offersim: shard 1\/2 given 2 times: /m);
  });

  it("refuses to merge shards of different experiments (exit 2, naming the field and both values)", () => {
    const run = runCli(["merge", at("shard-1"), at("shard-2-seed-7"), "--out", at("not-written")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^offersim: .*shard-2-seed-7\/partial\.json: root seed \(experiment\.rootSeed\) is 7, but .*shard-1\/partial\.json has \d+: the partials come from different experiments$/m);
    expect(() => read(at("not-written"), "results.json")).toThrow();
  });

  it("rejects a malformed --shard and a folder without partial.json (exit 2)", () => {
    for (const shard of ["0/2", "3/2", "2"]) {
      const run = runCli([...RUN, "--shard", shard]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`offersim: --shard must be i/n with 1 <= i <= n`);
    }
    const run = runCli(["merge", at("whole")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no partial.json found");
  });
});
