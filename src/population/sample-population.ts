import type { Scenario } from "../scenario/scenario-schema.js";
import {
  CATEGORIES,
  OUTBOUND_CHANNELS,
  PLAN_BROADBAND,
  PLAN_PREPAID,
  PLAN_TV,
  PLAN_TYPES,
  RESPONSE_TYPES,
  type Category,
} from "../scenario/vocabulary.js";
import type { RandomStream } from "../random/random-stream.js";
import { categorical } from "../random/categorical.js";
import { logNormalFactor, meanOneLogNormal, standardNormal } from "../random/standard-normal.js";
import { BILLING_CYCLE_DAYS, DAYS_PER_MONTH } from "../engine/world-params.js";
import { allocateSubscriberState, CATEGORY_COUNT, type SubscriberState } from "./subscriber-state.js";
import { assignValueSegments } from "./assign-value-segments.js";

const NEW_CUSTOMER_DAYS = 90;
const DEVICE_MAX_AGE_DAYS = 36 * 30;
const INDIVIDUAL_HAZARD_SPREAD = 0.3;
const category = (name: Category) => CATEGORIES.indexOf(name);

/**
 * Draws the subscriber base of one replicate as it stands on the first (warm-up) day, from
 * `stream`. Every subscriber gets the same number of draws in the same order, so the base
 * depends on the seed alone.
 */
export function samplePopulation(scenario: Scenario, stream: RandomStream): SubscriberState {
  const { population, churn } = scenario;
  const firstDay = -scenario.warmupDays;
  const state = allocateSubscriberState(population.size, firstDay);
  const plans = PLAN_TYPES.map((plan) => population.plans[plan]);
  const planShares = plans.map((plan) => plan.share);
  const typeShares = RESPONSE_TYPES.map((type) => population.responseTypes[type]);
  const typeMultipliers = RESPONSE_TYPES.map((type) => churn.typeMultiplier[type]);
  const meanTypeMultiplier = typeShares.reduce((sum, share, t) => sum + share * typeMultipliers[t], 0);
  const consentShares = OUTBOUND_CHANNELS.map((channel) => population.consent[channel]);

  for (let i = 0; i < state.count; i++) {
    const planIndex = categorical(stream.next(), planShares);
    const plan = plans[planIndex];
    const type = categorical(stream.next(), typeShares);
    state.plan[i] = planIndex;
    state.responseType[i] = type;
    state.region[i] = Math.floor(stream.next() * population.regions);

    // Tenure: long-tenured customers are the ones who rarely leave (survivorship).
    const isNew = stream.next() < population.newCustomerShare;
    const tenureScale = Math.sqrt(meanTypeMultiplier / typeMultipliers[type]);
    const tenureDays = isNew
      ? stream.next() * NEW_CUSTOMER_DAYS
      : NEW_CUSTOMER_DAYS - Math.log(1 - stream.next()) * (population.meanTenureMonths * DAYS_PER_MONTH - NEW_CUSTOMER_DAYS) * tenureScale;
    state.joinDay[i] = firstDay - Math.round(tenureDays);

    const extraLines = Math.max(0, plan.linesPerAccount - 1);
    state.lines[i] = Math.min(10, 1 + Math.round(-Math.log(1 - stream.next()) * extraLines));
    const price = plan.arpuPerMonth * meanOneLogNormal(stream, plan.arpuSpread);
    state.planPricePerMonth[i] = price;
    state.usualBill[i] = price;
    state.lastBill[i] = price;
    state.dataAllowanceGb[i] = plan.dataAllowanceGb * logNormalFactor(stream, 0.3);
    state.dataUsePerDayGb[i] = (state.dataAllowanceGb[i] * plan.dataUseShare * meanOneLogNormal(stream, 0.45)) / BILLING_CYCLE_DAYS;

    // Contract: a share is already out of contract, the rest ends uniformly over its length.
    const contractUniform = stream.next();
    if (plan.contractMonths > 0) {
      const lengthDays = plan.contractMonths * DAYS_PER_MONTH;
      state.contractEndDay[i] =
        firstDay +
        (contractUniform < plan.outOfContractShare
          ? -Math.round((contractUniform / plan.outOfContractShare) * 365)
          : Math.round(((contractUniform - plan.outOfContractShare) / (1 - plan.outOfContractShare)) * lengthDays));
    }
    state.deviceSinceDay[i] = firstDay - Math.round(stream.next() * Math.min(DEVICE_MAX_AGE_DAYS, tenureDays + 180));

    let consent = 0;
    for (let c = 0; c < consentShares.length; c++) if (stream.next() < consentShares[c]) consent |= 1 << c;
    state.consentMask[i] = consent;

    // Latent traits.
    state.hazardPerDay[i] = (plan.baseChurnPerMonth / DAYS_PER_MONTH) * typeMultipliers[type] * meanOneLogNormal(stream, INDIVIDUAL_HAZARD_SPREAD);
    state.priceSensitivity[i] = logNormalFactor(stream, population.priceSensitivitySpread) * (planIndex === PLAN_PREPAID ? 1.3 : 1);
    state.qualitySensitivity[i] = logNormalFactor(stream, population.qualitySensitivitySpread);
    state.coverage[i] = meanOneLogNormal(stream, population.coverageSpread);
    state.contactTolerancePerWeek[i] = population.contactToleranceMeanPerWeek * meanOneLogNormal(stream, 0.5);
    const fragileShare = population.financiallyFragileShare * (planIndex === PLAN_PREPAID ? 1.6 : 0.75);
    state.fragile[i] = stream.next() < fragileShare ? 1 : 0;
    sampleAffinities(state, i, planIndex, stream);
  }
  assignValueSegments(state, firstDay);
  return state;
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

