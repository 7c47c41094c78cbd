import type { Group } from "../metrics/metric-groups.js";
import type { Kpis, seriesKpis } from "../metrics/replicate-kpis.js";
import type { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import type { LearningCurve } from "./learning-curve.js";
import type { UpliftAuditResult } from "./uplift-audit-result.js";

/** The outcome of one (policy, replicate) run: plain data, ready to cross a worker boundary. */
export interface ReplicateResult {
  readonly policy: string;
  readonly replicate: number;
  readonly groups: Record<Group, Kpis>;
  readonly series: ReturnType<typeof seriesKpis>;
  readonly programs: Record<string, Record<(typeof PROGRAM_COUNTERS)[number], number>>;
  readonly subscriberDays: number;
  /** Decisions the policy made (rows of its decision log). */
  readonly decisions: number;
  readonly wallSeconds: number;
  /** The policy's learning curve, when it learns (plain data). */
  readonly learningCurve: LearningCurve | null;
  /** The policy's uplift model against the world's true uplift, when it has one (Policy.estimateChurnUplift). */
  readonly upliftAudit?: UpliftAuditResult | null;
}

