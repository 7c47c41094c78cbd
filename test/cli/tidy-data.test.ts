import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KPI_NAMES } from "../../src/metrics/replicate-kpis.js";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { tidyCsvFiles, TIDY_CSV_FILES } from "../../src/report/tidy-csv-files.js";
import { makeTempDir, runCli, scenarioExtendingBaseline, writeTempFile } from "./run-cli.js";
import { csvColumnTypes, HAS_PANDAS, query, readWithPandas } from "./tidy-readers.js";

const TINY = ["--subscribers", "300", "--days", "40", "--seeds", "2", "--workers", "1", "--quiet", "--policies", "no-contact,random"];

const read = (dir: string) => JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as ExperimentResults;
const withoutMeta = ({ meta: _meta, ...rest }: ExperimentResults) => rest;

/** The rows each tidy CSV must have, counted from results.json. */
function expectedRows(results: ExperimentResults): Record<(typeof TIDY_CSV_FILES)[number], number> {
  const seeds = results.config.seeds;
  const groups = 1 + Object.keys(results.policies[0].segments).length;
  const perPolicy = (count: (entry: ExperimentResults["policies"][number]) => number) => results.policies.reduce((sum, entry) => sum + count(entry), 0);
  return {
    "kpis.csv": results.policies.length * groups * KPI_NAMES.length * seeds,
    "paired.csv": (results.policies.length - 1) * groups * KPI_NAMES.length * seeds,
    "series.csv": perPolicy((entry) => entry.seriesPerSeed!.reduce((sum, series) => sum + series.length * (Object.keys(series[0]).length - 2), 0)),
    "programs.csv": perPolicy((entry) => entry.programsPerSeed!.reduce((sum, programs) => sum + Object.values(programs).reduce((n, counters) => n + Object.keys(counters).length, 0), 0)),
  };
}

describe("tidy CSVs of a run", () => {
  let dir = "";
  let results: ExperimentResults;
  beforeAll(() => {
    dir = path.join(makeTempDir("offersim-tidy-"), "run");
    const run = runCli(["run", ...TINY, "--out", dir]);
    if (run.status !== 0) throw new Error(`run failed (${run.status}): ${run.stderr}`);
    results = read(dir);
  }, 60_000);

  it("DuckDB reads every tidy CSV with one read_csv call, with the row count results.json implies and numeric columns as numbers", async () => {
    const expected = expectedRows(results);
    for (const name of TIDY_CSV_FILES) {
      const file = path.join(dir, name);
      const [{ n }] = await query(`select count(*) as n from read_csv('${file}')`);
      expect(Number(n), name).toBe(expected[name]);
      expect(expected[name], name).toBeGreaterThan(0);
      const types = await csvColumnTypes(file);
      expect(Object.keys(types).slice(0, 5), name).toEqual(["run_id", "scenario", "scenario_hash", "root_seed", "seed"]);
      expect([types.run_id, types.scenario, types.policy], name).toEqual(["VARCHAR", "VARCHAR", "VARCHAR"]);
      expect([types.root_seed, types.seed], name).toEqual(["BIGINT", "BIGINT"]);
      expect(["DOUBLE", "BIGINT"], `${name}: value is ${types.value}`).toContain(types.value);
    }
    expect((await csvColumnTypes(path.join(dir, "kpis.csv"))).value).toBe("DOUBLE");
    expect((await csvColumnTypes(path.join(dir, "paired.csv"))).difference).toBe("DOUBLE");
  });

  it("holds each seed's values: their means are results.json's means, and the paired differences its paired means", async () => {
    const random = results.policies.find((entry) => entry.policy === "random")!;
    const [kpi] = await query(`select avg(value) as mean, count(*) as n from read_csv('${path.join(dir, "kpis.csv")}') where policy = 'random' and segment = 'postpaid' and kpi = 'netValuePerSub'`);
    expect(kpi.mean as number).toBeCloseTo(random.segments.postpaid.netValuePerSub.mean, 9);
    expect(Number(kpi.n)).toBe(2);
    const [paired] = await query(`select avg(difference) as mean from read_csv('${path.join(dir, "paired.csv")}') where policy = 'random' and segment = 'all' and kpi = 'churnRateMonthly'`);
    expect(paired.mean as number).toBeCloseTo(random.paired!.kpis.churnRateMonthly.meanDiff, 12);
    const [series] = await query(`select avg(value) as mean from read_csv('${path.join(dir, "series.csv")}') where policy = 'random' and period = 1 and metric = 'revenue'`);
    expect(series.mean as number).toBeCloseTo(random.series[1].revenue, 6);
    const [program] = await query(`select avg(value) as mean from read_csv('${path.join(dir, "programs.csv")}') where policy = 'random' and program = 'retention' and counter = 'contacts'`);
    expect(program.mean as number).toBeCloseTo(random.programs.retention.contacts, 9);
    const [ids] = await query(`select count(distinct run_id) as ids, min(run_id) as id from read_csv('${path.join(dir, "kpis.csv")}')`);
    expect([Number(ids.ids), ids.id]).toEqual([1, results.meta.runId]);
  });

  it("keeps summary.csv as it was: one row per policy, segment and KPI with the mean and its interval", () => {
    const lines = readFileSync(path.join(dir, "summary.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("policy,segment,kpi,mean,ci95_low,ci95_high,n");
    expect(lines).toHaveLength(1 + 2 * (1 + Object.keys(results.policies[0].segments).length) * KPI_NAMES.length);
  });

  it("quotes names with commas, quotes and line breaks (RFC 4180) and neutralises formulas, so DuckDB reads every name back", async () => {
    const hostile = structuredClone(results);
    const names = ['evil, "quoted"\nname', "=HYPERLINK(\"http://x\")"];
    hostile.policies[0].policy = names[0];
    hostile.policies[1].policy = names[1];
    hostile.config.reference = names[0];
    hostile.policies[1].paired!.reference = names[0];
    const out = makeTempDir("offersim-tidy-hostile-");
    for (const [name, text] of Object.entries(tidyCsvFiles(hostile))) writeFileSync(path.join(out, name), text);
    expect(readFileSync(path.join(out, "kpis.csv"), "utf8")).toContain('"evil, ""quoted""\nname"');
    const expected = expectedRows(results);
    for (const name of TIDY_CSV_FILES) {
      const rows = await query(`select policy, count(*) as n from read_csv('${path.join(out, name)}') group by policy order by policy`);
      expect(rows.reduce((sum, row) => sum + Number(row.n), 0), name).toBe(expected[name]);
      expect(rows.every((row) => [names[0], `'${names[1]}`].includes(String(row.policy))), name).toBe(true);
    }
    if (HAS_PANDAS) {
      for (const name of TIDY_CSV_FILES) {
        const view = readWithPandas(path.join(out, name), "policy");
        expect(view.rows, name).toBe(expected[name]);
        expect(new Set(view.values), name).toEqual(new Set(name === "paired.csv" ? [`'${names[1]}`] : [names[0], `'${names[1]}`]));
      }
    }
  });

  it.skipIf(!HAS_PANDAS)(
    HAS_PANDAS ? "pandas' default read_csv parses every tidy CSV with the right rows and numeric dtypes" : "pandas' default read_csv (SKIPPED: python3 with pandas not found)",
    () => {
      const expected = expectedRows(results);
      for (const name of TIDY_CSV_FILES) {
        const view = readWithPandas(path.join(dir, name), "value");
        expect(view.rows, name).toBe(expected[name]);
        expect(view.dtypes.seed, name).toBe("int64");
        expect(view.dtypes.root_seed, name).toBe("int64");
        expect(["float64", "int64"], `${name}: value is ${view.dtypes.value}`).toContain(view.dtypes.value);
        expect(view.values.every((value) => typeof value === "number" && Number.isFinite(value)), name).toBe(true);
      }
    },
  );
});

describe("offersim run --from DIR/results.json", () => {
  it("reruns the recorded experiment with the same KPIs even after the scenario file changed", () => {
    const work = makeTempDir("offersim-from-");
    const scenario = scenarioExtendingBaseline(work, "mine.yaml", ["name: mine", "contactPolicy:", "  maxContactsPerMonth: 3"]);
    const first = path.join(work, "first");
    expect(runCli(["run", scenario, ...TINY, "--seed", "7", "--reference", "random", "--out", first]).status).toBe(0);
    writeFileSync(scenario, readFileSync(scenario, "utf8").replace("maxContactsPerMonth: 3", "maxContactsPerMonth: 5"));
    const again = path.join(work, "again");
    const rerun = runCli(["run", "--from", path.join(first, "results.json"), "--workers", "1", "--quiet", "--out", again]);
    expect(rerun.stderr).toBe("");
    expect(rerun.status).toBe(0);
    expect(withoutMeta(read(again))).toEqual(withoutMeta(read(first)));
    expect(read(first).scenario.definition!.contactPolicy.maxContactsPerMonth).toBe(3);
    // The changed file gives another experiment: the rerun did not read it.
    const changed = path.join(work, "changed");
    expect(runCli(["run", scenario, ...TINY, "--seed", "7", "--reference", "random", "--out", changed]).status).toBe(0);
    expect(read(changed).scenario.hash).not.toBe(read(first).scenario.hash);
  }, 120_000);

  it("exits 2 with one line for a missing file, a file without the scenario, an edited scenario and a flag that --from decides", () => {
    const work = makeTempDir("offersim-from-bad-");
    const missing = runCli(["run", "--from", path.join(work, "nope", "results.json"), "--quiet"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`offersim: ${path.join(work, "nope", "results.json")}: --from must be a run folder or a results.json file, got a path that does not exist\n`);

    const run = path.join(work, "run");
    expect(runCli(["run", ...TINY, "--out", run]).status).toBe(0);
    const original = read(run);
    const copy = (name: string, change: (results: ExperimentResults) => void) => {
      const edited = structuredClone(original);
      change(edited);
      return writeTempFile(path.join(work, name), "results.json", JSON.stringify(edited));
    };
    const old = copy("old", (results) => delete results.scenario.definition);
    const noDefinition = runCli(["run", "--from", old, "--quiet", "--out", path.join(work, "out1")]);
    expect(noDefinition.status).toBe(2);
    expect(noDefinition.stderr).toMatch(new RegExp(`^offersim: ${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: scenario\\.definition must hold the scenario as run .*cannot be repeated from its results\\n$`));

    const edited = copy("edited", (results) => (results.scenario.definition!.population.size = 999));
    const hash = runCli(["run", "--from", edited, "--quiet", "--out", path.join(work, "out2")]);
    expect(hash.status).toBe(2);
    expect(hash.stderr).toBe(`offersim: ${edited}: scenario.definition must hash to scenario.hash (${original.scenario.hash}), got ${hashOfEdited(hash.stderr)}: the recorded scenario was edited\n`);

    const broken = copy("broken", (results) => ((results.scenario.definition as unknown as { population: { size: number } }).population.size = -5));
    const invalid = runCli(["run", "--from", broken, "--quiet", "--out", path.join(work, "out3")]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^offersim: .*broken\/results\.json: scenario\.definition\.population\.size must be .*got -5\n$/);

    const module = copy("module", (results) => (results.config.policySources = ["no-contact", "/tmp/my-policy.mjs"]));
    const code = runCli(["run", "--from", module, "--quiet", "--out", path.join(work, "out5")]);
    expect(code.status).toBe(2);
    expect(code.stderr).toBe(`offersim: ${module}: config.policySources[1] is a policy module (code you choose to run): add --allow-policy-modules to rerun it, got "/tmp/my-policy.mjs"\n`);

    const clash = runCli(["run", "--from", run, "--seeds", "5", "--quiet", "--out", path.join(work, "out4")]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe(`offersim: --from reruns the experiment recorded in ${run} as it was, got --seeds as well: drop it, or run the scenario without --from\n`);
  }, 60_000);
});

/** The hash an edited definition got, read back from the message (any 16 hex digits other than the original). */
function hashOfEdited(stderr: string): string {
  return /got ([0-9a-f]{16}):/.exec(stderr)?.[1] ?? "none";
}
