import path from "node:path";

/** reports/<scenario>-<yyyymmdd-hhmmss><suffix>: where results go without --out. */
export function defaultOutDir(scenarioName: string, startedAt: Date, suffix = ""): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join("reports", `${scenarioName}-${stamp}${suffix}`);
}
