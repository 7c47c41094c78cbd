import type { ActionMatrix, LoggedDataset } from "./logged-dataset.js";

/** One action the target policy takes where the logging policy could not have. */
export interface SupportGap {
  readonly action: number;
  /** Mean over all rows of the target's probability of `action` on rows without support. */
  readonly targetMass: number;
  /** Rows where the target gives `action` probability and the logging policy gave it none. */
  readonly rows: number;
}

export interface SupportCheck {
  /**
   * How support was judged: from the logged whole distribution (exact), else from the actions
   * the log contains at all (an action never taken had, as far as the log shows, no support).
   */
  readonly basis: "logging-distribution" | "logged-actions";
  /** Mean over rows of the target's probability on unsupported actions: 0 when fully supported. */
  readonly unsupportedMass: number;
  /** Per unsupported action, most mass first. */
  readonly gaps: readonly SupportGap[];
  /** One line for the user when unsupportedMass > 0, else null. */
  readonly warning: string | null;
}

/**
 * Where the target policy puts probability on actions the logging policy never gave positive
 * propensity: there IPW and the doubly robust corrections see no data and are biased (they
 * treat those actions' rewards as 0, and DM relies on the model alone).
 */
export function supportCheck(log: LoggedDataset, target: ActionMatrix): SupportCheck {
  const { rounds, actionCount, loggingDistribution } = log;
  const mass = new Float64Array(actionCount);
  const rows = new Int32Array(actionCount);
  const taken = new Uint8Array(actionCount);
  for (let i = 0; i < rounds; i++) taken[log.action[i]] = 1;
  for (let i = 0; i < rounds; i++) {
    const offset = i * actionCount;
    for (let a = 0; a < actionCount; a++) {
      const probability = target[offset + a];
      if (probability === 0) continue;
      const supported = loggingDistribution ? loggingDistribution[offset + a] > 0 : taken[a] === 1;
      if (supported) continue;
      mass[a] += probability;
      rows[a]++;
    }
  }
  const gaps: SupportGap[] = [];
  let unsupportedMass = 0;
  for (let a = 0; a < actionCount; a++) {
    if (rows[a] === 0) continue;
    gaps.push({ action: a, targetMass: mass[a] / rounds, rows: rows[a] });
    unsupportedMass += mass[a] / rounds;
  }
  gaps.sort((x, y) => y.targetMass - x.targetMass || x.action - y.action);
  const basis = loggingDistribution ? "logging-distribution" : "logged-actions";
  return { basis, unsupportedMass, gaps, warning: gaps.length === 0 ? null : describeGaps(unsupportedMass, gaps, basis) };
}

function describeGaps(unsupportedMass: number, gaps: readonly SupportGap[], basis: SupportCheck["basis"]): string {
  const percent = (share: number) => `${(100 * share).toFixed(1)} %`;
  const listed = gaps
    .slice(0, 5)
    .map((gap) => `action ${gap.action} ${percent(gap.targetMass)}`)
    .join(", ");
  const more = gaps.length > 5 ? `, and ${gaps.length - 5} more` : "";
  const source = basis === "logging-distribution" ? "gave positive propensity" : "took";
  return `no support: the target puts ${percent(unsupportedMass)} of its probability on actions the logging policy never ${source} (${listed}${more}); IPW, SNIPW and the doubly robust estimates miss that part of its value`;
}
