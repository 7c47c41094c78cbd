import type { KpiName } from "../metrics/replicate-kpis.js";
import type { MeanDifference } from "../metrics/summarize-replicates.js";
import { KPI_DIRECTION } from "./kpi-direction.js";

/** Whether a paired difference is significant at 5 % (its interval excludes zero), and whether that is better or worse. */
export function significance(kpi: KpiName, difference: MeanDifference): "better" | "worse" | "different" | null {
  const { ci95 } = difference;
  if (!ci95 || (ci95[0] <= 0 && ci95[1] >= 0)) return null;
  const direction = KPI_DIRECTION[kpi];
  if (!direction) return "different";
  return (difference.meanDiff > 0) === (direction === "higher") ? "better" : "worse";
}
