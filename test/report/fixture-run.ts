import { readFileSync } from "node:fs";
import path from "node:path";
import type { ExperimentResults } from "../../src/report/build-results.js";
import { summarizeReplicates } from "../../src/metrics/summarize-replicates.js";
import type { KpiName } from "../../src/metrics/replicate-kpis.js";
import { makeTempDir, runCli, writeTempFile } from "../cli/run-cli.js";

/** A small run with the reference, random and rules-nba on 3 seeds: a few seconds. */
export const FIXTURE_RUN = ["--subscribers", "1500", "--days", "60", "--seeds", "3", "--quiet", "--policies", "no-contact,random,rules-nba"];

/** Runs the fixture experiment into a fresh folder and returns the folder. */
export function runFixture(): string {
  const dir = path.join(makeTempDir("offersim-report-"), "run");
  const result = runCli(["run", ...FIXTURE_RUN, "--out", dir]);
  if (result.status !== 0) throw new Error(`fixture run failed (${result.status}): ${result.stderr}`);
  return dir;
}

export function readExperiment(dir: string): ExperimentResults {
  return JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as ExperimentResults;
}

/** A copy of `results` in which `policy`'s whole-base `kpi` has the per-seed values `change` returns. */
export function withKpi(results: ExperimentResults, policy: string, kpi: KpiName, change: (value: number, seed: number) => number): ExperimentResults {
  const copy = structuredClone(results);
  const entry = copy.policies.find((candidate) => candidate.policy === policy);
  if (!entry) throw new Error(`no policy ${policy} in the fixture`);
  entry.kpis[kpi] = summarizeReplicates(entry.kpis[kpi].perSeed.map(change));
  return copy;
}

/** Writes `results` as DIR/results.json in a fresh folder and returns the folder. */
export function writeExperiment(results: unknown, name = "variant"): string {
  const dir = path.join(makeTempDir("offersim-variant-"), name);
  writeTempFile(dir, "results.json", JSON.stringify(results, null, 2));
  return dir;
}
