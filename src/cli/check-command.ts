import { existsSync, readFileSync, statSync } from "node:fs";
import { terminalColours, type TerminalColours } from "./terminal-colours.js";
import path from "node:path";
import { checkAgainstBaseline, type CheckReport } from "../check/check-against-baseline.js";
import { checkJunitXml } from "../check/check-junit-xml.js";
import { CHECK_HEADER, checkMarkdown, checkRows, powerRows } from "../check/check-markdown.js";
import { DETECTION_POWER } from "../check/detectable-change.js";
import { parseTolerances } from "../check/parse-tolerances.js";
import { InputError } from "../input-error.js";
import type { ExperimentResults } from "../report/build-results.js";
import { readResultsFile, type LoadedResults } from "../report/read-results-file.js";
import { textTable } from "../report/text-table.js";
import { writeFilesAtomically } from "../report/write-files-atomically.js";
import { CheckFailedError } from "./check-failed-error.js";
import { checkOutputFile } from "./check-output-folder.js";

/** The flags of `offersim check`. */
export interface CheckFlags {
  dir: string;
  baseline: string;
  tolerance?: string | string[];
  junit?: string;
  markdown?: string;
  updateBaseline?: boolean;
  allowOtherSeeds?: boolean;
  /** `--color` / `--no-color` as typed: on a terminal a failed check is red, a passing gate green. */
  colour?: boolean;
}

/**
 * `offersim check DIR --baseline FILE`: exit 0 when no policy's KPI is significantly worse than
 * in the baseline beyond its tolerance, else a CheckFailedError (exit 1); JUnit XML and Markdown on
 * request. `--update-baseline` writes DIR's results as the new baseline instead of failing.
 */
export function checkCommand(flags: CheckFlags): CheckReport | null {
  const tolerances = parseTolerances(flags.tolerance === undefined ? [] : ([] as string[]).concat(flags.tolerance));
  // Every output path is checked before anything is read or written: a bad one is bad input (2), never a regression (1).
  if (flags.junit !== undefined) checkOutputFile(flags.junit, "--junit");
  if (flags.markdown !== undefined) checkOutputFile(flags.markdown, "--markdown");
  const current = readResultsFile(flags.dir, "DIR");
  if (flags.updateBaseline) return updateBaseline(current, flags);
  const baseline = readResultsFile(flags.baseline, "--baseline");
  const report = checkAgainstBaseline(current, baseline, tolerances, { allowOtherSeeds: flags.allowOtherSeeds ?? false });
  writeOutputs(report, flags);
  process.stdout.write(checkText(report, terminalColours(process.stdout, flags.colour)));
  if (report.failures > 0) throw new CheckFailedError(report.failures);
  return report;
}

function checkText(report: CheckReport, colours: TerminalColours): string {
  const failed = report.checks.filter((check) => check.status === "fail");
  const gated = report.checks.filter((check) => check.direction !== null && check.status !== "skipped").length;
  const head = `offersim check: ${report.currentFile} against ${report.baselineFile} (${report.method} differences): ${(failed.length === 0 ? colours.green : colours.red)(`${gated - failed.length} of ${gated} gated KPI checks passed`)}\n`;
  const power = powerRows(report);
  const powerText = `\nthe smallest worsening the gate detects ${DETECTION_POWER * 100} % of the time, at its tolerance with the baseline's ${report.seeds} seed(s) (from each policy's paired spread against the reference; docs/ci-gate.md)\n\n${textTable(power.header, power.rows)}\n`;
  return failed.length === 0 ? head + powerText : `${head}\n${textTable(CHECK_HEADER, checkRows(failed, "FAIL"), 1, (_row, _column, text) => colours.red(text))}\n${powerText}`;
}

function writeOutputs(report: CheckReport, flags: CheckFlags): void {
  for (const [file, content] of [
    [flags.junit, () => checkJunitXml(report)],
    [flags.markdown, () => checkMarkdown(report)],
  ] as const) {
    if (file === undefined) continue;
    writeFilesAtomically(path.dirname(path.resolve(file)), { [path.basename(file)]: content() });
  }
}

/** Writes the current results as the baseline, without the run's time, host or durations (so an unchanged tree gives the same bytes). */
function updateBaseline(current: LoadedResults, flags: CheckFlags): null {
  const file = existsSync(flags.baseline) && !flags.baseline.endsWith(".json") ? path.join(flags.baseline, "results.json") : flags.baseline;
  checkOutputFile(file, "--baseline");
  if (existsSync(file) && !isBaselineFile(file)) {
    throw new InputError(`--baseline ${file}: --update-baseline replaces only a baseline written by offersim (a results.json), got a file that is not one`);
  }
  const baseline: ExperimentResults = { ...current.results, meta: { offersimVersion: current.results.meta.offersimVersion } };
  writeFilesAtomically(path.dirname(path.resolve(file)), { [path.basename(file)]: JSON.stringify(baseline, null, 2) + "\n" });
  process.stdout.write(`Updated the baseline ${file} from ${current.file}\n`);
  return null;
}

/** Larger files are not baselines (a baseline of every policy is well under a megabyte). */
const MAX_BASELINE_BYTES = 64 * 2 ** 20;

/**
 * A baseline that --update-baseline wrote: offersim results whose meta holds only the version (a
 * run's own results.json has its time and host too, and is not replaced).
 */
function isBaselineFile(file: string): boolean {
  try {
    if (statSync(file).size > MAX_BASELINE_BYTES) return false;
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { schemaVersion?: unknown; meta?: unknown; policies?: unknown };
    const meta = parsed.meta as Record<string, unknown> | undefined;
    return typeof parsed.schemaVersion === "number" && Array.isArray(parsed.policies) && meta !== undefined && Object.keys(meta).join() === "offersimVersion";
  } catch {
    return false;
  }
}
