import type { ReplicateResult } from "../results/replicate-result.js";

/** The policy learners are measured against: what the business runs today. */
export const LEARNING_TIME_REFERENCE = "rules-nba";

/** Experience in customer-days and decisions. */
export interface Experience {
  customerDays: number;
  decisions: number;
}

/**
 * How long a learning policy took to beat the reference (rules-nba) on net value, seed by seed:
 * `beaten` is the experience at the end of the first 30-day period of the evaluation at which its
 * net cash since day 0 (margin on revenue less offer and contact spend), mean over seeds of its
 * difference with the reference's on the same seed, is above 0: the experience before the run
 * (training worlds, or the training of the model file) plus the evaluation's customer-days and
 * decisions up to that period's end. null with `verdict` "not within the run" when no period
 * qualifies.
 */
export interface LearningTime {
  reference: string;
  /** Mean over seeds of the experience before the evaluation. */
  beforeRun: Experience;
  beaten: (Experience & { evaluationDay: number }) | null;
  verdict: string;
}

/** The learning time of `runs` against `referenceRuns` (paired by replicate); null when they do not pair up. */
export function learningTime(runs: readonly ReplicateResult[], referenceRuns: readonly ReplicateResult[], marginShare: number, horizonDays: number): LearningTime | null {
  const pairs = runs.map((run) => [run, referenceRuns.find((reference) => reference.replicate === run.replicate)] as const).filter((pair): pair is readonly [ReplicateResult, ReplicateResult] => pair[1] !== undefined);
  if (pairs.length === 0) return null;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const beforeRun: Experience = {
    customerDays: mean(pairs.map(([run]) => run.trainingExperience?.customerDays ?? 0)),
    decisions: mean(pairs.map(([run]) => run.trainingExperience?.decisions ?? 0)),
  };
  const periods = Math.min(...pairs.map(([run, reference]) => Math.min(run.series.length, reference.series.length)));
  const cash = (period: ReplicateResult["series"][number]) => marginShare * period.revenue - period.cost;
  const advantage = pairs.map(() => 0);
  const seen = pairs.map(() => ({ customerDays: 0, decisions: 0 }));
  for (let p = 0; p < periods; p++) {
    const periodDays = Math.min(30, horizonDays - 30 * p);
    pairs.forEach(([run, reference], k) => {
      advantage[k] += cash(run.series[p]) - cash(reference.series[p]);
      seen[k].customerDays += run.series[p].activeSubscribers * periodDays;
      seen[k].decisions += (run.series[p] as { decisions?: number }).decisions ?? 0;
    });
    if (mean(advantage) > 0) {
      const customerDays = beforeRun.customerDays + mean(seen.map((entry) => entry.customerDays));
      const decisions = beforeRun.decisions + mean(seen.map((entry) => entry.decisions));
      const evaluationDay = 30 * p + periodDays;
      return { reference: LEARNING_TIME_REFERENCE, beforeRun, beaten: { customerDays, decisions, evaluationDay }, verdict: `beats ${LEARNING_TIME_REFERENCE} after ${formatExperience({ customerDays, decisions })} (day ${evaluationDay} of the run)` };
    }
  }
  return { reference: LEARNING_TIME_REFERENCE, beforeRun, beaten: null, verdict: "not within the run" };
}

/** "1.2 M customer-days, 180 k decisions". */
export function formatExperience(experience: Experience): string {
  const short = (value: number) => (value >= 1e6 ? `${(value / 1e6).toFixed(1)} M` : value >= 1e3 ? `${(value / 1e3).toFixed(0)} k` : value.toFixed(0));
  return `${short(experience.customerDays)} customer-days, ${short(experience.decisions)} decisions`;
}
