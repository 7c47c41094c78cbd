import { existsSync, readdirSync, statSync } from "node:fs";
import { LOG_FORMATS, type LogFormat } from "../log/open-decision-log.js";
import type { RunFlags } from "./run-command.js";

/** The decision-log flags of `offersim run`, checked. */
export interface LogOptions {
  dir: string;
  format: LogFormat;
  expectedValues: boolean;
  distribution: boolean;
}

/**
 * --log-decisions DIR [--log-format parquet|csv] [--log-expected-values] [--log-distribution].
 * DIR must be new or empty: a dataset a user already has is never added to or overwritten.
 * Problems are pushed onto `problems`, naming the flag; undefined when no log is asked for.
 */
export function logOptions(flags: RunFlags, problems: string[], once: (flag: string, raw: string) => boolean): LogOptions | undefined {
  const { logDecisions: dir, logFormat } = flags;
  if (dir === undefined) {
    for (const [flag, given] of [["log-format", logFormat !== undefined], ["log-expected-values", flags.logExpectedValues], ["log-distribution", flags.logDistribution]] as const) {
      if (given) problems.push(`--${flag} needs --log-decisions DIR, got no --log-decisions`);
    }
    return undefined;
  }
  if (once("log-decisions", dir) || (logFormat !== undefined && once("log-format", logFormat))) return undefined;
  if (dir.trim() === "") problems.push(`--log-decisions must name a folder, got ""`);
  else if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) problems.push(`--log-decisions must name a new or empty folder, got ${JSON.stringify(dir)}, which is a file`);
    else if (readdirSync(dir).length > 0) problems.push(`--log-decisions must name a new or empty folder, got ${JSON.stringify(dir)}, which holds ${readdirSync(dir).length} entries`);
  }
  const format = (logFormat ?? "parquet") as LogFormat;
  if (!LOG_FORMATS.includes(format)) problems.push(`--log-format must be one of ${LOG_FORMATS.join(", ")}, got ${JSON.stringify(logFormat)}`);
  return { dir, format, expectedValues: flags.logExpectedValues ?? false, distribution: flags.logDistribution ?? false };
}
