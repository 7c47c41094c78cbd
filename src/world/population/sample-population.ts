import type { Scenario } from "../../scenario/scenario-schema.js";
import {
  CATEGORIES,
  OUTBOUND_CHANNELS,
  PLAN_BROADBAND,
  PLAN_PREPAID,
  PLAN_TV,
  PLAN_TYPES,
  RESPONSE_TYPES,
  type Category,
} from "../../scenario/vocabulary.js";
import type { RandomStream } from "../../random/random-stream.js";
import { categorical } from "../../random/categorical.js";
import { logNormalFactor, meanOneLogNormal, standardNormal } from "../../random/standard-normal.js";
import { BILLING_CYCLE_DAYS, DAYS_PER_MONTH, decayPerDay } from "../params/world-params.js";
import { allocateSubscriberState, CATEGORY_COUNT, STATUS_NOT_JOINED, type SubscriberState } from "../state/subscriber-state.js";
import { assignValueSegments } from "./assign-value-segments.js";

const MAX_TENURE_DAYS = 25 * 365;
const DEVICE_MAX_AGE_DAYS = 36 * 30;
const INDIVIDUAL_HAZARD_SPREAD = 0.3;
const category = (name: Category) => CATEGORIES.indexOf(name);
/** Profiles drawn for one subscriber of the starting base before giving up (the scenario library needs under 100). */
export const MAX_DRAWS_PER_SUBSCRIBER = 100_000;

/** The scenario's churn hazards are so far above their floor that the starting base cannot be drawn. */
export class ImpossibleBaseError extends Error {
  constructor() {
    super(`the starting base cannot be drawn: not one of ${MAX_DRAWS_PER_SUBSCRIBER} profiles survived the steady-state weighting (churn.dissatisfactionWeight too high for the network's dissatisfaction)`);
    this.name = "ImpossibleBaseError";
  }
}

/**
 * Draws the subscriber base of one replicate as it stands on the first (warm-up) day, then the
 * gross adds of the run, from `stream` alone: the base depends on the seed, not on the policy.
 */
export function samplePopulation(scenario: Scenario, stream: RandomStream): SubscriberState {
  const { population } = scenario;
  const firstDay = -scenario.warmupDays;
  const joiners = grossAddCount(scenario);
  const state = allocateSubscriberState(population.size + joiners, firstDay);
  const plans = PLAN_TYPES.map((plan) => population.plans[plan]);
  const consentShares = OUTBOUND_CHANNELS.map((channel) => population.consent[channel]);
  const risk = riskModel(scenario);

  for (let i = 0; i < state.count; i++) {
    // The starting base is in steady state with the gross adds: a newcomer profile survives
    // into it in proportion to its expected lifetime, and its tenure is exponential with the
    // same rate. Gross adds are newcomers as drawn.
    const joinsLater = i >= population.size;
    const planIndex = categorical(stream.next(), risk.planShares);
    const plan = plans[planIndex];
    state.plan[i] = planIndex;
    const floorPerDay = (plan.baseChurnPerMonth / DAYS_PER_MONTH) * risk.lowestTypeMultiplier * 0.5;
    let hazardPerDay = 0;
    let draws = 0;
    do {
      if (++draws > MAX_DRAWS_PER_SUBSCRIBER) throw new ImpossibleBaseError();
      hazardPerDay = drawRiskTraits(state, i, plan.baseChurnPerMonth, scenario, risk, stream);
    } while (!joinsLater && stream.next() >= Math.min(1, floorPerDay / hazardPerDay));
    const tenureDays = joinsLater ? 0 : Math.min(MAX_TENURE_DAYS, -Math.log(1 - stream.next()) / hazardPerDay);
    state.joinDay[i] = firstDay - Math.round(tenureDays);
    state.region[i] = Math.floor(stream.next() * population.regions);

    const extraLines = Math.max(0, plan.linesPerAccount - 1);
    state.lines[i] = Math.min(10, 1 + Math.round(-Math.log(1 - stream.next()) * extraLines));
    const price = plan.arpuPerMonth * meanOneLogNormal(stream, plan.arpuSpread);
    state.planPricePerMonth[i] = price;
    state.usualBill[i] = price;
    state.lastBill[i] = price;
    state.dataAllowanceGb[i] = plan.dataAllowanceGb * logNormalFactor(stream, 0.3);
    state.dataUsePerDayGb[i] = (state.dataAllowanceGb[i] * plan.dataUseShare * meanOneLogNormal(stream, 0.45)) / BILLING_CYCLE_DAYS;

    // Contract, in steady state with unprompted renewals at rate r: a share (1/r) / (L + 1/r)
    // is past its end (for an exponential time, mean 1/r), the rest ends uniformly within L.
    const contractUniform = stream.next();
    if (plan.contractMonths > 0) {
      const lengthDays = plan.contractMonths * DAYS_PER_MONTH;
      const meanOutDays = 365 / Math.max(1e-6, scenario.life.renewalsPerYearOutOfContract);
      const outShare = meanOutDays / (lengthDays + meanOutDays);
      state.contractEndDay[i] =
        firstDay +
        (contractUniform < outShare
          ? Math.round(Math.log(Math.max(contractUniform, 1e-9) / outShare) * meanOutDays)
          : Math.round(((contractUniform - outShare) / (1 - outShare)) * lengthDays));
    }
    state.deviceSinceDay[i] = firstDay - Math.round(stream.next() * Math.min(DEVICE_MAX_AGE_DAYS, tenureDays + 180));

    let consent = 0;
    for (let c = 0; c < consentShares.length; c++) if (stream.next() < consentShares[c]) consent |= 1 << c;
    state.consentMask[i] = consent;

    state.priceSensitivity[i] = logNormalFactor(stream, population.priceSensitivitySpread) * (planIndex === PLAN_PREPAID ? 1.3 : 1);
    state.contactTolerancePerWeek[i] = population.contactToleranceMeanPerWeek * meanOneLogNormal(stream, 0.5);
    const fragileShare = population.financiallyFragileShare * (planIndex === PLAN_PREPAID ? 1.6 : 0.75);
    state.fragile[i] = stream.next() < fragileShare ? 1 : 0;
    sampleAffinities(state, i, planIndex, stream);
  }
  for (let k = 0; k < joiners; k++) scheduleGrossAdd(state, population.size + k, Math.floor((k * scenario.horizonDays) / joiners));
  assignValueSegments(state, firstDay);
  return state;
}

/** What the steady-state weighting needs: expected dissatisfaction per unit exposure. */
function riskModel(scenario: Scenario) {
  const { network, churn } = scenario;
  // Share of region-days under an incident: starts at rate p on incident-free days, lasting
  // 1 + floor(Exp(incidentDays)) days (see advanceWorldDay).
  const startChance = network.incidentsPerRegionPerMonth / DAYS_PER_MONTH;
  const meanLength = 1 + 1 / (Math.exp(1 / Math.max(1e-6, network.incidentDays)) - 1);
  const incidentShare = (startChance * meanLength) / (1 + startChance * meanLength);
  const lossPerDay =
    network.problemsPerDay * network.dissatisfactionPerProblem * (1 + incidentShare * (network.incidentProblemMultiplier - 1)) +
    (incidentShare * network.incidentNoSignalMinutes * network.dissatisfactionPerNoSignalHour) / 60;
  const dissatisfactionPerExposure = lossPerDay / (1 - decayPerDay(network.dissatisfactionHalfLifeDays));
  return {
    dissatisfactionPerExposure,
    typeShares: RESPONSE_TYPES.map((type) => scenario.population.responseTypes[type]),
    typeMultipliers: RESPONSE_TYPES.map((type) => churn.typeMultiplier[type]),
    planShares: PLAN_TYPES.map((plan) => scenario.population.plans[plan].share),
    /** Profiles at or below half the hazard of the safest type always enter the starting base. */
    lowestTypeMultiplier: Math.max(1e-3, Math.min(...RESPONSE_TYPES.map((type) => churn.typeMultiplier[type]))),
  };
}

/**
 * Draws a newcomer's churn-relevant traits (type, latent hazard, network exposure and
 * sensitivity) on a given plan and returns its expected daily hazard, dissatisfaction included.
 */
function drawRiskTraits(state: SubscriberState, i: number, baseChurnPerMonth: number, scenario: Scenario, risk: ReturnType<typeof riskModel>, stream: RandomStream): number {
  const { population, churn } = scenario;
  const type = categorical(stream.next(), risk.typeShares);
  state.responseType[i] = type;
  state.hazardPerDay[i] = (baseChurnPerMonth / DAYS_PER_MONTH) * risk.typeMultipliers[type] * meanOneLogNormal(stream, INDIVIDUAL_HAZARD_SPREAD);
  state.qualitySensitivity[i] = logNormalFactor(stream, population.qualitySensitivitySpread);
  state.coverage[i] = meanOneLogNormal(stream, population.coverageSpread);
  const expectedDissatisfaction = state.qualitySensitivity[i] * state.coverage[i] * risk.dissatisfactionPerExposure;
  return state.hazardPerDay[i] * (1 + churn.dissatisfactionWeight * expectedDissatisfaction);
}

/** Gross adds over the run: slots after the starting base, joining on evenly spread days. */
export function grossAddCount(scenario: Scenario): number {
  return Math.round((scenario.population.size * scenario.population.grossAddsPerMonth * scenario.horizonDays) / DAYS_PER_MONTH);
}

/** A gross add waits, skipped by every daily check, until its join day (see joinGrossAdds). */
function scheduleGrossAdd(state: SubscriberState, i: number, day: number): void {
  state.status[i] = STATUS_NOT_JOINED;
  state.joinDay[i] = day;
}

function sampleAffinities(state: SubscriberState, i: number, planIndex: number, stream: RandomStream): void {
  const base = i * CATEGORY_COUNT;
  for (let c = 0; c < CATEGORY_COUNT; c++) state.affinity[base + c] = standardNormal(stream);
  // Heavy data users like data offers; TV and broadband homes like content.
  const useShare = (state.dataUsePerDayGb[i] * BILLING_CYCLE_DAYS) / state.dataAllowanceGb[i];
  state.affinity[base + category("data")] += 0.8 * (useShare - 0.7);
  if (planIndex === PLAN_TV || planIndex === PLAN_BROADBAND) state.affinity[base + category("content")] += 0.6;
  // Price-sensitive people like discounts and dislike paid add-ons.
  state.affinity[base + category("discount")] += 0.4 * Math.log(state.priceSensitivity[i]);
}

