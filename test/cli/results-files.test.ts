import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli } from "./run-cli.js";

const TINY = ["--subscribers", "300", "--days", "10", "--seeds", "2", "--policies", "no-contact,random", "--quiet"];

/** A copy of `file` with `edit` applied to its text, in a fresh folder; returns the folder. */
function edited(file: string, edit: (text: string) => string): string {
  const dir = makeTempDir();
  writeFileSync(path.join(dir, path.basename(file)), edit(readFileSync(file, "utf8")));
  return dir;
}

describe("merge, report, compare and check read their input files as bad input when they are broken", () => {
  let shard = "";
  let run = "";
  beforeAll(() => {
    const dir = makeTempDir();
    shard = path.join(dir, "shard");
    run = path.join(dir, "run");
    expect(runCli(["run", BASELINE, ...TINY, "--shard", "1/1", "--out", shard]).status).toBe(0);
    expect(runCli(["run", BASELINE, ...TINY, "--out", run]).status).toBe(0);
  }, 60_000);

  it("merge: a hand-edited NaN, null or negative count in partial.json is exit 2 naming the file and the field", () => {
    const partial = path.join(shard, "partial.json");
    for (const [value, rule] of [['{"$number":"NaN"}', "must be a number, got NaN"], ["null", "must be a number, got null"], ["-5", "must be a number >= 0, got -5"]] as const) {
      const dir = edited(partial, (text) => text.replace(/"churned":[0-9.e-]+/, `"churned":${value}`));
      const result = runCli(["merge", dir, "--out", path.join(dir, "merged")]);
      expect(result.stderr).toBe(`offersim: ${path.join(dir, "partial.json")}: outcomes[0].result.groups.all.churned ${rule}\n`);
      expect(result.status).toBe(2);
    }
  });

  it("report, compare and check: duplicated policies, an unknown reference and a wrong number of seeds are exit 2 naming the field", () => {
    const results = path.join(run, "results.json");
    const original = JSON.parse(readFileSync(results, "utf8")) as { config: { reference: string }; policies: { policy: string; kpis: { churned: { perSeed: number[] } } }[] };
    const cases: [(copy: typeof original) => void, string][] = [
      [(copy) => (copy.policies[1].policy = "no-contact"), `policies[1].policy must be unique, got "no-contact" again (first at policies[0])`],
      [(copy) => (copy.config.reference = "oracle"), `config.reference must be null or one of the policies (no-contact, random), got "oracle"`],
      [(copy) => copy.policies[0].kpis.churned.perSeed.pop(), "policies[0].kpis.churned.perSeed must hold one value per seed (config.seeds: 2), got 1"],
    ];
    for (const [change, message] of cases) {
      const copy = structuredClone(original);
      change(copy);
      const dir = edited(results, () => JSON.stringify(copy));
      const file = path.join(dir, "results.json");
      for (const command of [["report", dir], ["compare", dir, run], ["check", dir, "--baseline", results]]) {
        const result = runCli(command);
        expect(result.stderr).toBe(`offersim: ${file}: ${message}\n`);
        expect(result.status).toBe(2);
      }
    }
  });
});
