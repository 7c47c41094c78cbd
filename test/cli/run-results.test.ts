import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { BASELINE, makeTempDir, readResults, runCli, SMALL_RUN, type CliResult, type KpiSummary, type ResultsFile } from "./run-cli.js";

const REQUIRED_KPIS = [
  "churnRateMonthly",
  "churned",
  "netRevenue",
  "revenuePerSub",
  "arpu",
  "acceptRate",
  "contactsPerSubMonth",
  "annoyance",
  "complaintRate",
  "optOutRate",
  "offerCost",
  "clv",
];
const SEGMENTS = ["prepaid", "postpaid", "broadband", "tv", "strategic", "transactional", "disengaged"];
const FRACTION_KPIS = ["churnRateMonthly", "acceptRate", "complaintRate", "optOutRate"];
const SEEDS = 2;

const withoutMeta = (results: ResultsFile) => {
  const { meta: _meta, ...rest } = results;
  return JSON.stringify(rest, null, 2);
};
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), "utf8");

function expectSummaryShape(where: string, summary: KpiSummary | undefined): void {
  expect(summary, where).toBeDefined();
  if (!summary) return;
  expect(Number.isFinite(summary.mean), `${where}.mean`).toBe(true);
  expect(summary.perSeed, `${where}.perSeed`).toHaveLength(SEEDS);
  expect(summary.ci95, `${where}.ci95`).not.toBeNull();
  const [low, high] = summary.ci95 ?? [Number.NaN, Number.NaN];
  expect(low, `${where}.ci95[0]`).toBeLessThanOrEqual(summary.mean);
  expect(high, `${where}.ci95[1]`).toBeGreaterThanOrEqual(summary.mean);
}

describe("offersim run", () => {
  const outDir = { first: "", second: "", otherSeed: "", oneWorker: "", sixteenWorkers: "" };
  const runs: Record<keyof typeof outDir, CliResult | undefined> = { first: undefined, second: undefined, otherSeed: undefined, oneWorker: undefined, sixteenWorkers: undefined };

  beforeAll(() => {
    const dir = makeTempDir();
    for (const key of Object.keys(outDir) as (keyof typeof outDir)[]) outDir[key] = path.join(dir, key);
    const policies = ["--policies", "no-contact,random"];
    runs.first = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "2", "--out", outDir.first]);
    runs.second = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "2", "--out", outDir.second]);
    runs.oneWorker = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "1", "--out", outDir.oneWorker]);
    runs.sixteenWorkers = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--workers", "16", "--out", outDir.sixteenWorkers]);
    runs.otherSeed = runCli(["run", BASELINE, ...SMALL_RUN, ...policies, "--seed", "7", "--out", outDir.otherSeed]);
  });

  it("gives the same results.json apart from meta with one worker thread, with two and with sixteen (more threads than cores and tasks)", () => {
    const { meta: _a, ...pooled } = readResults(outDir.first);
    const { meta: _b, ...inProcess } = readResults(outDir.oneWorker);
    const { meta: sixteenMeta, ...sixteen } = readResults(outDir.sixteenWorkers);
    expect(JSON.stringify(inProcess)).toBe(JSON.stringify(pooled));
    expect(JSON.stringify(sixteen)).toBe(JSON.stringify(pooled));
    expect((sixteenMeta as { workers: number }).workers).toBe(16);
    for (const dir of [outDir.oneWorker, outDir.sixteenWorkers]) expect(read(dir, "summary.csv")).toBe(read(outDir.first, "summary.csv"));
    // The tidy CSVs too, but for their first column: run_id names each run.
    const withoutRunId = (dir: string, name: string) => read(dir, name).replace(/^[^,\n]*,/gm, "");
    for (const name of ["kpis.csv", "paired.csv", "series.csv", "programs.csv"]) {
      for (const dir of [outDir.oneWorker, outDir.sixteenWorkers]) expect(withoutRunId(dir, name), name).toBe(withoutRunId(outDir.first, name));
    }
  });

  it("compares every policy with no-contact seed by seed: paired differences with t-intervals", () => {
    const results = readResults(outDir.first) as unknown as {
      config: { reference: string };
      policies: { policy: string; kpis: Record<string, { mean: number; perSeed: number[] }>; paired: { reference: string; kpis: Record<string, { meanDiff: number; ci95: [number, number] }> } }[];
    };
    expect(results.config.reference).toBe("no-contact");
    const [reference, random] = results.policies;
    for (const entry of results.policies) expect(entry.paired.reference).toBe("no-contact");
    for (const diff of Object.values(reference.paired.kpis)) expect(diff.meanDiff).toBe(0);
    const churn = random.paired.kpis.churnRateMonthly;
    expect(churn.meanDiff).toBeCloseTo(random.kpis.churnRateMonthly.mean - reference.kpis.churnRateMonthly.mean, 12);
    expect(churn.ci95[0]).toBeLessThanOrEqual(churn.meanDiff);
    expect(churn.ci95[1]).toBeGreaterThanOrEqual(churn.meanDiff);
  });

  it("exits 0 and writes results.json, summary.csv, summary.md, the tidy CSVs and report.html", () => {
    for (const run of Object.values(runs)) {
      expect(run?.stderr).toBe("");
      expect(run?.status).toBe(0);
    }
    expect(runs.first?.stdout).toContain(`Wrote ${path.join(outDir.first, "results.json")}, summary.csv, summary.md, kpis.csv, paired.csv, series.csv, programs.csv and report.html`);
    expect(read(outDir.first, "report.html")).toMatch(/^<!DOCTYPE html>/);
  });

  it("gives byte-identical results.json (outside meta) and summary.csv for the same command twice", () => {
    expect(withoutMeta(readResults(outDir.second))).toBe(withoutMeta(readResults(outDir.first)));
    expect(read(outDir.second, "summary.csv")).toBe(read(outDir.first, "summary.csv"));
  });

  it("gives different KPI values for a different --seed", () => {
    const first = readResults(outDir.first);
    const other = readResults(outDir.otherSeed);
    expect(other.config.rootSeed).toBe(7);
    for (const index of [0, 1]) {
      expect(other.policies[index].kpis.netRevenue.perSeed).not.toEqual(first.policies[index].kpis.netRevenue.perSeed);
    }
    expect(read(outDir.otherSeed, "summary.csv")).not.toBe(read(outDir.first, "summary.csv"));
  });

  it("records the scenario hash and the root seed in results.json and summary.md", () => {
    const { scenario, hash } = loadScenario(BASELINE);
    const results = readResults(outDir.first);
    expect(results.scenario.hash).toBe(hash);
    expect(results.config.rootSeed).toBe(scenario.seed);
    const markdown = read(outDir.first, "summary.md");
    expect(markdown).toContain(`hash ${hash}`);
    expect(markdown).toContain(`root seed ${scenario.seed}`);
  });

  it("writes results.json with the documented top-level shape and config", () => {
    const results = readResults(outDir.first);
    expect(results.schemaVersion).toBe(1);
    expect(results.meta).toEqual(expect.any(Object));
    expect(results.scenario).toMatchObject({ name: "baseline", hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(results.config).toMatchObject({ seeds: SEEDS, subscribers: 1500, days: 60, policies: ["no-contact", "random"] });
    expect(results.policies.map((entry) => entry.policy)).toEqual(["no-contact", "random"]);
  });

  it("gives every policy and segment each KPI as {mean, ci95, perSeed} with one value per seed and the mean inside ci95", () => {
    for (const entry of readResults(outDir.first).policies) {
      for (const kpi of REQUIRED_KPIS) expectSummaryShape(`${entry.policy}.kpis.${kpi}`, entry.kpis[kpi]);
      expect(Object.keys(entry.segments)).toEqual(expect.arrayContaining(SEGMENTS));
      for (const segment of SEGMENTS) {
        for (const kpi of REQUIRED_KPIS) expectSummaryShape(`${entry.policy}.segments.${segment}.${kpi}`, entry.segments[segment][kpi]);
      }
    }
  });

  it("reports rates as fractions, not percents", () => {
    for (const entry of readResults(outDir.first).policies) {
      expect(entry.kpis.churnRateMonthly.mean).toBeGreaterThan(0);
      expect(entry.kpis.churnRateMonthly.mean).toBeLessThan(0.2);
      for (const kpi of FRACTION_KPIS) {
        for (const value of entry.kpis[kpi].perSeed) {
          expect(value, `${entry.policy}.${kpi}`).toBeGreaterThanOrEqual(0);
          expect(value, `${entry.policy}.${kpi}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
