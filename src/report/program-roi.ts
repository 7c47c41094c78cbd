import type { ExperimentResults, PolicyResults } from "./build-results.js";

/** One CVM program's business case for one policy (means over seeds). */
export interface ProgramRoi {
  program: string;
  contacts: number;
  accepts: number;
  /** Offer cost plus contact cost: the program's total cost of ownership in the run. */
  cost: number;
  /** Deal value booked at acceptance (price x months - discount x months, at most a year). */
  arpuUplift: number | null;
  /** Retained value (CLV) of customers saved at the cancellation desk or won back. */
  clvGain: number | null;
  /** (clvGain + arpuUplift - cost) / cost; null when nothing was spent or the value is not in the file. */
  roi: number | null;
}

/**
 * Beyond ±1,000 % a ROI says only that the cost was close to nothing next to the value (a few
 * SMS against a kept customer): the ratio is not meaningful, and the report says so instead of
 * printing it.
 */
export const MEANINGFUL_ROI_LIMIT = 10;

/** Whether a ROI is worth printing: known, and within ±MEANINGFUL_ROI_LIMIT. */
export function roiIsMeaningful(value: number | null): value is number {
  return value !== null && Math.abs(value) <= MEANINGFUL_ROI_LIMIT;
}

/** ROI = (CLV gain + ARPU uplift - cost) / cost, as the CVM document defines it. */
export function roi(clvGain: number, arpuUplift: number, cost: number): number | null {
  return cost > 0 ? (clvGain + arpuUplift - cost) / cost : null;
}

/** Every program that this policy contacted someone for, with its ROI (docs/kpis.md, "Program ROI"). */
export function programRois(entry: PolicyResults): ProgramRoi[] {
  return Object.entries(entry.programs)
    .filter(([, counts]) => (counts.contacts ?? 0) > 0)
    .map(([program, counts]) => {
      const cost = (counts.offerCost ?? 0) + (counts.contactCost ?? 0);
      const arpuUplift = counts.arpuUplift ?? null;
      const clvGain = counts.clvGain ?? null;
      return {
        program,
        contacts: counts.contacts,
        accepts: counts.accepts ?? 0,
        cost,
        arpuUplift,
        clvGain,
        roi: arpuUplift === null || clvGain === null ? null : roi(clvGain, arpuUplift, cost),
      };
    });
}

/**
 * The whole policy against the reference, seed by seed: CLV gain is the difference in total
 * retained value (CLV per customer x customers), ARPU uplift the difference in revenue, cost the
 * difference in offer and contact cost. Null without a reference, for the reference itself, or
 * when the policy spends no more than the reference.
 */
export function policyRoiVersusReference(results: ExperimentResults, entry: PolicyResults): ProgramRoi | null {
  const reference = results.policies.find((candidate) => candidate.policy === results.config.reference);
  if (!reference || reference === entry) return null;
  const seeds = entry.kpis.revenue.perSeed.length;
  if (reference.kpis.revenue.perSeed.length !== seeds) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const retainedTotal = (policy: PolicyResults, seed: number) => policy.kpis.clv.perSeed[seed] * customers(policy, seed);
  const perSeed = Array.from({ length: seeds }, (_, seed) => seed);
  const clvGain = mean(perSeed.map((seed) => retainedTotal(entry, seed) - retainedTotal(reference, seed)));
  const arpuUplift = mean(perSeed.map((seed) => entry.kpis.revenue.perSeed[seed] - reference.kpis.revenue.perSeed[seed]));
  const cost = mean(perSeed.map((seed) => entry.kpis.offerCost.perSeed[seed] - reference.kpis.offerCost.perSeed[seed]));
  return {
    program: `whole policy vs ${reference.policy}`,
    contacts: entry.kpis.contacts.mean - reference.kpis.contacts.mean,
    accepts: entry.kpis.accepts.mean - reference.kpis.accepts.mean,
    cost,
    arpuUplift,
    clvGain,
    roi: roi(clvGain, arpuUplift, cost),
  };
}

/** Customers (starting base plus gross adds) of one seed: net revenue / net revenue per customer. */
function customers(entry: PolicyResults, seed: number): number {
  const perCustomer = entry.kpis.revenuePerSub.perSeed[seed];
  return perCustomer !== 0 ? entry.kpis.netRevenue.perSeed[seed] / perCustomer : 0;
}
