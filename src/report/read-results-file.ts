import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../input-error.js";
import { formatIssues } from "../scenario/format-issues.js";
import type { ExperimentResults } from "./build-results.js";
import { resultsFileSchema } from "./results-file-schema.js";
import { KPI_NAMES } from "../metrics/replicate-kpis.js";

/** A results.json read and checked, and the file it came from. */
export interface LoadedResults {
  file: string;
  results: ExperimentResults;
}

/**
 * Reads `DIR/results.json` (or a results.json named directly) and checks its shape. Every
 * problem is an InputError naming the file, the field path, what was expected and what was found:
 * `runs/a/results.json: policies[0].kpis.churnRateMonthly.mean must be a number, got "x"`.
 */
export function readResultsFile(dirOrFile: string, what = "results"): LoadedResults {
  if (!existsSync(dirOrFile)) throw new InputError(`${dirOrFile}: ${what} must be a run folder or a results.json file, got a path that does not exist`);
  const file = statSync(dirOrFile).isDirectory() ? path.join(dirOrFile, "results.json") : dirOrFile;
  if (!existsSync(file)) throw new InputError(`${file}: ${what} must be a run folder with a results.json, got a folder without one`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(`${file}: must be JSON (a results.json written by offersim run), got a parse error: ${(error as Error).message}`);
  }
  const older = kpisMissingFromEveryPolicy(raw);
  if (older.length > 0) {
    throw new InputError(
      `${file}: policies[0].kpis must have every KPI of this offersim, got a results.json without ${older.join(", ")}: it was written by an earlier offersim, whose world did not have ${older.length > 1 ? "them" : "it"}; run the experiment again with this version`,
    );
  }
  const parsed = resultsFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(formatIssues(file, parsed.error.issues, raw, resultsFileSchema).slice(0, 10));
  return { file, results: raw as ExperimentResults };
}

/**
 * The KPIs that no policy of a results file has: a file written before those KPIs existed (an
 * earlier offersim) is named as such in one line, rather than as one missing field per policy
 * and segment. A file that lacks a KPI in some policies only goes to the schema's field-by-field
 * messages.
 */
function kpisMissingFromEveryPolicy(raw: unknown): string[] {
  const policies = (raw as { policies?: unknown } | null)?.policies;
  if (!Array.isArray(policies) || policies.length === 0) return [];
  const kpisOf = (entry: unknown) => (entry as { kpis?: unknown } | null)?.kpis;
  if (!policies.every((entry) => typeof kpisOf(entry) === "object" && kpisOf(entry) !== null)) return [];
  return KPI_NAMES.filter((kpi) => policies.every((entry) => !(kpi in (kpisOf(entry) as object))));
}
