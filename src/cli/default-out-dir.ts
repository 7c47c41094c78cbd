import path from "node:path";

/** Longest scenario name kept in a default folder name. */
const MAX_NAME_LENGTH = 60;

/**
 * reports/<scenario>-<yyyymmdd-hhmmss><suffix>: where results go without --out. The scenario's
 * name is data from the scenario file: it is cut down to letters, digits, `.`, `_` and `-`, so
 * that a name such as `../../tmp/x` stays a folder name inside reports/.
 */
export function defaultOutDir(scenarioName: string, startedAt: Date, suffix = ""): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join("reports", `${safeFolderName(scenarioName)}-${stamp}${suffix}`);
}

/** `name` as one safe path segment: other characters become `-`, no leading dot or dash, never empty. */
export function safeFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "").slice(0, MAX_NAME_LENGTH).replace(/[.-]+$/, "");
  return safe === "" ? "scenario" : safe;
}
