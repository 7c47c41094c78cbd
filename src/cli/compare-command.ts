import { KPI_NAMES, type KpiName } from "../metrics/replicate-kpis.js";
import { InputError } from "../input-error.js";
import { compareRuns } from "../report/compare-runs.js";
import { HEADLINE_KPIS } from "../report/kpi-format.js";
import { readResultsFile } from "../report/read-results-file.js";

/** `offersim compare DIR_A DIR_B [--kpis a,b|all] [--json]`: KPI differences B - A per policy. */
export function compareCommand(flags: { dirA: string; dirB: string; kpis?: string; json?: boolean }): void {
  const kpis = parseKpiList(flags.kpis);
  const a = readResultsFile(flags.dirA, "DIR_A");
  const b = readResultsFile(flags.dirB, "DIR_B");
  const comparison = compareRuns(a, b, kpis);
  process.stdout.write(flags.json ? JSON.stringify(comparison) + "\n" : comparison.text);
}

function parseKpiList(raw: string | undefined): readonly KpiName[] {
  if (raw === undefined) return HEADLINE_KPIS;
  if (raw.trim() === "all") return KPI_NAMES;
  const names = raw.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(KPI_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InputError(`--kpis must be "all" or a comma-separated list of KPIs (${KPI_NAMES.join(", ")}), got ${JSON.stringify(raw)}`);
  }
  return names as KpiName[];
}
