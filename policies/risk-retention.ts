import type { PolicyDefinition } from "../src/policy/policy.js";
import { MOMENT_CANCELLATION, MOMENT_OUTBOUND, NO_ACTION, PLAN_TYPES } from "../src/scenario/vocabulary.js";
import { FEATURE_INDEX as F } from "../src/world/observation/observe.js";
import { actionsByProgram, choose, firstEligible } from "../src/policy/action-lookup.js";

/** The share of customers the retention team contacts: the top decile of the risk score. */
const TOP_SHARE = 0.1;
/** Scores seen before the running decile is trusted (no contact until then). */
const MIN_SCORES = 500;
/** Histogram of ln(score) for the running decile: bins over [LOG_LOW, LOG_HIGH). */
const BINS = 512;
const LOG_LOW = -4;
const LOG_HIGH = 4;
/** The operator's rule of thumb for the contract state: lock-in, the spike after the end, then free. */
const IN_CONTRACT_RISK = 0.55;
const CONTRACT_END_RISK = 3.5;
const CONTRACT_END_MONTHS = 2;
const OUT_OF_CONTRACT_RISK = 1.6;
const NEW_CUSTOMER_YEARS = 0.25;
const NEW_CUSTOMER_RISK = 1.8;

/**
 * The operator's churn-risk score from observable features only, in % a month: the plan's
 * typical churn (`planChurnPercent`, by plan type), the contract state (the spike just after its
 * end), the first months, and the recent experience (dropped calls, a complaint, a bill shock).
 */
export function observableChurnRisk(x: Float32Array, f: number, planChurnPercent: readonly number[]): number {
  let plan = 0;
  if (x[f + F.planPostpaid] === 1) plan = 1;
  else if (x[f + F.planBroadband] === 1) plan = 2;
  else if (x[f + F.planTv] === 1) plan = 3;
  const monthsLeft = x[f + F.contractMonthsLeft] * 12;
  let contract = 1;
  if (x[f + F.outOfContract] === 1) contract = monthsLeft > -CONTRACT_END_MONTHS ? CONTRACT_END_RISK : OUT_OF_CONTRACT_RISK;
  else if (monthsLeft > 0) contract = IN_CONTRACT_RISK;
  const newCustomer = x[f + F.tenureYears] < NEW_CUSTOMER_YEARS ? NEW_CUSTOMER_RISK : 1;
  const experience = 1 + 0.5 * x[f + F.droppedCalls30dPer10] + 0.5 * x[f + F.complaintLast90d] + x[f + F.billShock];
  return planChurnPercent[plan] * contract * newCustomer * experience;
}

/**
 * Retention by churn risk, as many CVM teams run it: every outbound slot is scored with an
 * observable churn-risk score, and the customers in its top decile (a running estimate of the
 * 90th percentile of the scores seen so far) get the proactive retention offer, at most one
 * contact in 30 days. A call to cancel goes to the save desk. Nothing else is offered. Ascarza
 * (2018) and Lemmens and Gupta (2020) show why targeting by risk loses to targeting by uplift.
 */
export const riskRetention: PolicyDefinition = {
  name: "risk-retention",
  relativeCost: 2,
  description: "Retention by churn risk: the proactive retention offer to the top decile of an observable churn-risk score; the save desk for calls to cancel.",
  create(context) {
    const count = context.actions.length;
    const width = context.featureNames.length;
    const byProgram = actionsByProgram(context.actions);
    const inbound = (index: number) => context.actions[index].channel === "inbound";
    const proactive = (byProgram.get("retention") ?? []).filter((index) => !inbound(index));
    const saveDesk = [...(byProgram.get("retention") ?? []), ...(byProgram.get("renewal") ?? [])].filter(inbound);
    const plans = context.scenario.population.plans;
    const planChurnPercent = PLAN_TYPES.map((plan) => plans[plan].baseChurnPerMonth * 100);
    const histogram = new Float64Array(BINS);
    let seen = 0;
    const binOf = (score: number) => Math.min(BINS - 1, Math.max(0, Math.floor(((Math.log(score) - LOG_LOW) / (LOG_HIGH - LOG_LOW)) * BINS)));
    /** Lowest bin of the top decile of the scores seen so far. */
    function thresholdBin(): number {
      let above = 0;
      for (let bin = BINS - 1; bin >= 0; bin--) {
        above += histogram[bin];
        if (above >= TOP_SHARE * seen) return bin;
      }
      return 0;
    }
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        const x = batch.features();
        const threshold = seen >= MIN_SCORES ? thresholdBin() : BINS;
        for (let row = 0; row < batch.size; row++) {
          const offset = row * count;
          const f = row * width;
          let action = NO_ACTION;
          if (batch.moment[row] === MOMENT_CANCELLATION) action = firstEligible(saveDesk, eligible, offset);
          else if (batch.moment[row] === MOMENT_OUTBOUND && x[f + F.churnedFormer] === 0) {
            const bin = binOf(observableChurnRisk(x, f, planChurnPercent));
            histogram[bin]++;
            seen++;
            if (bin >= threshold && x[f + F.contacts30d] === 0) action = firstEligible(proactive, eligible, offset);
          }
          choose(output.probabilities, output.chosen, row, count, action);
        }
      },
    };
  },
};

export default riskRetention;
