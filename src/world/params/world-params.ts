import type { Scenario } from "../../scenario/scenario-schema.js";
import { CATEGORIES, PLAN_TYPES, RESPONSE_TYPES } from "../../scenario/vocabulary.js";
import { decayPowers } from "../state/decaying-levels.js";

export const DAYS_PER_MONTH = 30.4375;
export const BILLING_CYCLE_DAYS = 30;

/** Daily decay factor for a quantity with the given half-life. */
export function decayPerDay(halfLifeDays: number): number {
  return Math.pow(0.5, 1 / halfLifeDays);
}

/**
 * The scenario's parameters turned into flat per-day numbers for the day loop, so that the hot
 * loop reads plain properties and never converts units.
 */
const MAX_LOOK_AHEAD_DAYS = 730;

export function compileWorldParams(scenario: Scenario) {
  const { churn, network, life, inbound, annoyance, response } = scenario;
  const plans = PLAN_TYPES.map((plan) => scenario.population.plans[plan]);
  // Decay tables also cover the value tail and the longest look-ahead of the oracle past the last day.
  const tailDays = Math.round(scenario.economics.tailMonths * DAYS_PER_MONTH);
  const totalDays = scenario.warmupDays + scenario.horizonDays + Math.max(MAX_LOOK_AHEAD_DAYS, tailDays);
  const annoyanceDecay = decayPerDay(annoyance.halfLifeDays);
  return {
    horizonDays: scenario.horizonDays,
    firstDay: -scenario.warmupDays,
    dissatisfactionPowers: decayPowers(decayPerDay(network.dissatisfactionHalfLifeDays), totalDays + 1),
    annoyancePowers: decayPowers(annoyanceDecay, totalDays + 1),
    annoyanceDecay,
    goodwillPowers: decayPowers(decayPerDay(scenario.goodwill.halfLifeDays), totalDays + 1),
    regions: scenario.population.regions,
    // churn
    inContractMultiplier: churn.inContractMultiplier,
    outOfContractMultiplier: churn.outOfContractMultiplier,
    contractEndSpikeMultiplier: churn.contractEndSpikeMultiplier,
    contractEndSpikeDays: churn.contractEndSpikeDays,
    newCustomerMultiplier: churn.newCustomerMultiplier,
    hazardDissatisfactionWeight: churn.dissatisfactionWeight,
    hazardAnnoyanceWeight: churn.annoyanceWeight,
    involuntaryAfterDaysOverdue: churn.involuntaryAfterDaysOverdue,
    cancellationCallShare: churn.cancellationCallShare,
    naturalReturnPerDay: churn.naturalReturnPerYear / 365,
    sleepingDogBoost: churn.sleepingDogBoost,
    priceElasticity: churn.priceElasticity,
    /** Largest contract multiplier: with the other maxima, it bounds any subscriber's hazard. */
    maxContractMultiplier: Math.max(1, churn.inContractMultiplier, churn.outOfContractMultiplier * Math.max(1, churn.contractEndSpikeMultiplier)),
    awakeDays: churn.awakeDays,
    typeMultiplier: RESPONSE_TYPES.map((type) => churn.typeMultiplier[type]),
    // salience backfire (salience.ts)
    salienceBoost: scenario.salience.boost,
    salienceDays: scenario.salience.days,
    overpayUseShare: scenario.salience.overpayUseShare,
    /** 1 for the offer categories whose outbound contacts are about price or plan. */
    salienceCategory: Uint8Array.from(CATEGORIES, (category) => (scenario.salience.categories.includes(category) ? 1 : 0)),
    // goodwill from welcome contact (welcome-contact.ts)
    goodwillPerWelcomeContact: scenario.goodwill.perWelcomeContact,
    goodwillHazardWeight: scenario.goodwill.hazardWeight,
    // promoters (referral-factor.ts)
    promoterReferralFactor: scenario.promoters.referralFactor,
    /** Everyone else's factor, so that the base's average referral take-up stays the offer's. */
    otherReferralFactor: otherReferralFactor(scenario.promoters.share, scenario.promoters.referralFactor),
    // the account view (other-lines-network.ts, line-port-out.ts)
    sharedExperienceWeight: scenario.accounts.sharedExperienceWeight,
    lineLeaveShare: scenario.accounts.lineLeaveShare,
    followBoost: scenario.accounts.followBoost,
    followDays: scenario.accounts.followDays,
    // network
    problemsPerDay: network.problemsPerDay,
    droppedCallShare: network.droppedCallShare,
    dissatisfactionPerProblem: network.dissatisfactionPerProblem,
    dissatisfactionPerNoSignalMinute: network.dissatisfactionPerNoSignalHour / 60,
    // life and money
    movesPerDay: life.movesPerYear / 365,
    moveChurnRisk: life.moveChurnRisk,
    tripsPerDay: life.tripsPerYear / 365,
    tripDays: life.tripDays,
    roamingSpendPerDay: life.roamingSpendPerDay,
    difficultyPerDay: life.difficultyPerYear / 365,
    difficultyDays: life.difficultyDays,
    deviceBreaksPerDay: life.deviceBreaksPerYear / 365,
    renewalsPerDay: life.renewalsPerYearOutOfContract / 365,
    repairsPerDay: 1 / life.deviceRepairDays,
    billShockThreshold: life.billShockThreshold,
    dissatisfactionPerBillShock: life.dissatisfactionPerBillShock,
    overageShare: life.overageShare,
    // inbound
    inboundPerDay: inbound.contactsPerMonth / DAYS_PER_MONTH,
    inboundDissatisfactionMultiplier: inbound.dissatisfactionMultiplier,
    careCallShare: inbound.careCallShare,
    appSessionShare: inbound.appSessionShare,
    annoyance,
    response,
    plans,
    marginShare: scenario.economics.marginShare,
    monthlyDiscountRate: Math.pow(1 + scenario.economics.annualDiscountRate, 1 / 12) - 1,
    clvHorizonMonths: scenario.economics.clvHorizonMonths,
    /** Days of the value tail after the horizon (economics.tailMonths). */
    tailDays,
    /** Months annuitised after the tail: what is left of clvHorizonMonths. */
    monthsAfterTail: Math.max(scenario.economics.clvHorizonMonths - scenario.economics.tailMonths, 0),
  };
}

/** (1 - share x factor) / (1 - share): with `share` promoters at `factor`, the average is 1. */
function otherReferralFactor(share: number, factor: number): number {
  return share >= 1 ? 1 : Math.max(0, (1 - share * factor) / (1 - share));
}

export type WorldParams = ReturnType<typeof compileWorldParams>;
