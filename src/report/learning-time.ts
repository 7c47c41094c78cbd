import type { ReplicateResult } from "../results/replicate-result.js";

/** The policy learners are measured against: what the business runs today. */
export const LEARNING_TIME_REFERENCE = "rules-nba";

/** Experience in customer-days and decisions. */
export interface Experience {
  customerDays: number;
  decisions: number;
}

/**
 * How long a learning policy took to beat the reference (rules-nba) on net value, paired seed by
 * seed. It beats it within the run when its net value per subscriber (the run's KPI, value after
 * the run included), mean over seeds of its difference with the reference's, is above 0; then
 * `beaten` is the experience at the end of the 30-day period from which on its net cash since
 * day 0 (margin on revenue less offer and contact spend), paired and averaged the same way,
 * stays above the reference's to the end of the run (the run's end when it is ahead only by the
 * value after the run): the experience before the run (training worlds, or the training of the
 * model file) plus the evaluation's customer-days and decisions up to then. Otherwise `beaten`
 * is null and `verdict` "not within the run".
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
  const notWithin: LearningTime = { reference: LEARNING_TIME_REFERENCE, beforeRun, beaten: null, verdict: "not within the run" };
  if (!(mean(pairs.map(([run, reference]) => run.groups.all.netValuePerSub - reference.groups.all.netValuePerSub)) > 0)) return notWithin;
  const periods = Math.min(...pairs.map(([run, reference]) => Math.min(run.series.length, reference.series.length)));
  const cash = (period: ReplicateResult["series"][number]) => marginShare * period.revenue - period.cost;
  const advantage = pairs.map(() => 0);
  const seen = pairs.map(() => ({ customerDays: 0, decisions: 0 }));
  /** Experience and day at the end of each period, and whether the mean cash advantage is above 0 there. */
  const ends: { customerDays: number; decisions: number; evaluationDay: number; ahead: boolean }[] = [];
  for (let p = 0; p < periods; p++) {
    const periodDays = Math.min(30, horizonDays - 30 * p);
    pairs.forEach(([run, reference], k) => {
      advantage[k] += cash(run.series[p]) - cash(reference.series[p]);
      seen[k].customerDays += run.series[p].activeSubscribers * periodDays;
      seen[k].decisions += (run.series[p] as { decisions?: number }).decisions ?? 0;
    });
    ends.push({
      customerDays: beforeRun.customerDays + mean(seen.map((entry) => entry.customerDays)),
      decisions: beforeRun.decisions + mean(seen.map((entry) => entry.decisions)),
      evaluationDay: 30 * p + periodDays,
      ahead: mean(advantage) > 0,
    });
  }
  if (ends.length === 0) return notWithin;
  let first = ends.length - 1;
  while (first > 0 && ends[first - 1].ahead) first--;
  const { ahead: _ahead, ...beaten } = ends[first];
  return { reference: LEARNING_TIME_REFERENCE, beforeRun, beaten, verdict: `beats ${LEARNING_TIME_REFERENCE} after ${formatExperience(beaten)} (day ${beaten.evaluationDay} of the run)` };
}

/** "1.2 M customer-days, 180 k decisions". */
export function formatExperience(experience: Experience): string {
  const short = (value: number) => (value >= 1e6 ? `${(value / 1e6).toFixed(1)} M` : value >= 1e3 ? `${(value / 1e3).toFixed(0)} k` : value.toFixed(0));
  return `${short(experience.customerDays)} customer-days, ${short(experience.decisions)} decisions`;
}
