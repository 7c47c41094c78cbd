import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE, makeTempDir, runCli, SMALL_RUN, type CliResult } from "./run-cli.js";
import { FEATURE_NAMES } from "../../src/world/observation/observe.js";

/** python3 with pandas and pyarrow, or null when this machine has none (the test is then skipped). */
function findPandas(): string | null {
  const probe = spawnSync("python3", ["-c", "import pandas, pyarrow"], { encoding: "utf8" });
  return probe.status === 0 ? "python3" : null;
}

const python = findPandas();

/** pandas reads DIR with one call; prints the row count, the dtypes and the rows per (policy, seed) as JSON. */
const READ_WITH_PANDAS = `
import json, sys
import pandas as pd
frame = pd.read_parquet(sys.argv[1])
counts = frame.groupby(["policy", "seed"], observed=True).size()
print(json.dumps({
  "rows": len(frame),
  "dtypes": {name: str(dtype) for name, dtype in frame.dtypes.items()},
  "counts": {f"{policy}/{seed}": int(n) for (policy, seed), n in counts.items()},
  "churned": int(frame["churned"].sum()),
}))
`;

interface PandasView {
  rows: number;
  dtypes: Record<string, string>;
  counts: Record<string, number>;
  churned: number;
}

describe.skipIf(python === null)("pandas reads a logged dataset (python3 with pandas and pyarrow; skipped without them)", () => {
  const dir = makeTempDir("offersim-pandas-");
  const logDir = path.join(dir, "log");
  let run: CliResult;
  let view: PandasView;

  beforeAll(() => {
    run = runCli(["run", BASELINE, ...SMALL_RUN, "--policies", "random,rules-nba", "--workers", "1", "--out", path.join(dir, "out"), "--log-decisions", logDir]);
    const read = spawnSync(python!, ["-c", READ_WITH_PANDAS, logDir], { encoding: "utf8" });
    if (read.status !== 0) throw new Error(`pandas could not read ${logDir}: ${read.stderr}`);
    view = JSON.parse(read.stdout) as PandasView;
  }, 120_000);

  it("pd.read_parquet(DIR) gives one row per decision, with the hive keys policy and seed as columns", () => {
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(path.join(dir, "out", "results.json"), "utf8")) as { policies: { policy: string; decisions: { perSeed: number[] } }[] };
    const expected = Object.fromEntries(results.policies.flatMap((entry) => entry.decisions.perSeed.map((n, seed) => [`${entry.policy}/${seed}`, n])));
    expect(view.counts).toEqual(expected);
    expect(view.rows).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
    expect(view.churned).toBeGreaterThan(0);
  });

  it("keeps the types: 32-bit integers, 64-bit seed, doubles, booleans, one float32 per feature, text", () => {
    expect(view.dtypes).toMatchObject({ day: "int32", subscriber: "int32", action: "int32", root_seed: "int64", propensity: "float64", reward: "float64", true_accept_probability: "float64", churned: "bool", churn_censored: "bool", "eligible_no-action": "bool" });
    for (const name of FEATURE_NAMES) expect(view.dtypes[`feature_${name}`], name).toBe("float32");
    for (const name of ["run_id", "scenario_hash", "moment", "action_id", "outcome"]) expect(["object", "str", "string"], name).toContain(view.dtypes[name]);
  });
});
