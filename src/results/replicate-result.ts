import type { Group } from "../metrics/metric-groups.js";
import type { Kpis, seriesKpis } from "../metrics/replicate-kpis.js";
import type { PROGRAM_COUNTERS } from "../metrics/replicate-metrics.js";
import type { LearningCurve } from "./learning-curve.js";
import type { ReplicateTimeSeries } from "./time-series.js";
import type { UpliftAuditResult } from "./uplift-audit-result.js";

/** The outcome of one (policy, replicate) run: plain data, ready to cross a worker boundary. */
export interface ReplicateResult {
  readonly policy: string;
  readonly replicate: number;
  readonly groups: Record<Group, Kpis>;
  readonly series: ReturnType<typeof seriesKpis>;
  /** The same KPIs in buckets chosen from the scenario's events (finer where they are short). */
  readonly timeSeries: ReplicateTimeSeries;
  readonly programs: Record<string, Record<(typeof PROGRAM_COUNTERS)[number], number>>;
  readonly subscriberDays: number;
  /** Decisions the policy made (rows of its decision log). */
  readonly decisions: number;
  readonly wallSeconds: number;
  /** The policy's learning curve, when it learns (plain data). */
  readonly learningCurve: LearningCurve | null;
  /**
   * Experience the policy gained before the evaluation (its training worlds, or the training of
   * the model file it was given); null when it did not train. Absent in older files.
   */
  readonly trainingExperience?: PriorExperience | null;
  /** The policy's uplift model against the world's true uplift, when it has one (Policy.estimateChurnUplift). */
  readonly upliftAudit?: UpliftAuditResult | null;
}

/** Experience in customer-days (subscriber-days simulated) and decisions asked of the policy. */
export interface PriorExperience {
  readonly customerDays: number;
  readonly decisions: number;
}

