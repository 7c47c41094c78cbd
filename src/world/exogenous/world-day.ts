import type { Scenario } from "../../scenario/scenario-schema.js";
import type { WorldEvent } from "../../scenario/event-schema.js";
import { PLAN_TYPES } from "../../scenario/vocabulary.js";
import type { RandomStream } from "../../random/random-stream.js";

const DAY_MS = 86_400_000;

/**
 * The exogenous world on one day: what every subscriber of a region shares. Arrays are indexed
 * by region and reused from day to day.
 */
export interface WorldDay {
  day: number;
  seasonFactor: number;
  /** Multiplier on the background problem rate (1 on a quiet day). */
  readonly problemMultiplier: Float64Array;
  readonly noSignalMinutes: Float64Array;
  /**
   * Event factors per region and plan type, indexed [r * 4 + plan] (see {@link regionPlanIndex}):
   * the churn-hazard multiplier of competitor promotions, and the rate multipliers of moves, trips,
   * financial difficulty and the device-desire multiplier of device launches.
   */
  readonly competitorFactor: Float64Array;
  readonly moveRateFactor: Float64Array;
  readonly tripRateFactor: Float64Array;
  readonly difficultyRateFactor: Float64Array;
  readonly deviceDesireFactor: Float64Array;
  /** Days left in the background incident of each region (0: none). */
  readonly incidentDaysLeft: Int32Array;
  readonly outageActive: Uint8Array;
  /** 1 where the region has no incident, outage or no-signal time today (the fast path). */
  readonly quiet: Uint8Array;
  /** Largest life-event rate factor of any region today (for the life-event bound). */
  maxLifeFactor: number;
  /** Largest competitor factor of any region today (for the churn-hazard bound). */
  maxCompetitorFactor: number;
}

const PLAN_COUNT = PLAN_TYPES.length;

/** Index of a region and plan type in the per-region-and-plan factors of {@link WorldDay}. */
export function regionPlanIndex(region: number, plan: number): number {
  return region * PLAN_COUNT + plan;
}

export function createWorldDay(regions: number): WorldDay {
  return {
    day: -1,
    seasonFactor: 1,
    problemMultiplier: new Float64Array(regions),
    noSignalMinutes: new Float64Array(regions),
    competitorFactor: new Float64Array(regions * PLAN_COUNT),
    moveRateFactor: new Float64Array(regions * PLAN_COUNT),
    tripRateFactor: new Float64Array(regions * PLAN_COUNT),
    difficultyRateFactor: new Float64Array(regions * PLAN_COUNT),
    deviceDesireFactor: new Float64Array(regions * PLAN_COUNT),
    incidentDaysLeft: new Int32Array(regions),
    outageActive: new Uint8Array(regions),
    quiet: new Uint8Array(regions),
    maxLifeFactor: 1,
    maxCompetitorFactor: 1,
  };
}

/** Seasonal churn multiplier: peaks on `peakDayOfYear` (Q4), lowest half a year later (Q2). */
export function seasonFactor(scenario: Scenario, day: number): number {
  const date = Date.parse(`${scenario.startDate}T00:00:00Z`) + day * DAY_MS;
  const yearStart = Date.UTC(new Date(date).getUTCFullYear(), 0, 1);
  const dayOfYear = (date - yearStart) / DAY_MS;
  const { seasonalAmplitude, peakDayOfYear } = scenario.churn;
  return 1 + seasonalAmplitude * Math.cos((2 * Math.PI * (dayOfYear - peakDayOfYear)) / 365.25);
}

/**
 * Step 1 of the day: background incidents (two draws per region per day, always), scheduled
 * events and the season. The draws never depend on what a policy did.
 */
export function advanceWorldDay(world: WorldDay, scenario: Scenario, day: number, incidents: RandomStream): void {
  const { network } = scenario;
  const startChance = network.incidentsPerRegionPerMonth / 30.4375;
  world.day = day;
  world.seasonFactor = seasonFactor(scenario, day);
  for (let r = 0; r < world.problemMultiplier.length; r++) {
    const startDraw = incidents.next();
    const lengthDraw = incidents.next();
    if (world.incidentDaysLeft[r] > 0) world.incidentDaysLeft[r]--;
    else if (startDraw < startChance) world.incidentDaysLeft[r] = 1 + Math.floor(-Math.log(1 - lengthDraw) * network.incidentDays);
    const incident = world.incidentDaysLeft[r] > 0;
    world.problemMultiplier[r] = incident ? network.incidentProblemMultiplier : 1;
    world.noSignalMinutes[r] = incident ? network.incidentNoSignalMinutes : 0;
    world.outageActive[r] = 0;
  }
  world.competitorFactor.fill(1);
  world.moveRateFactor.fill(1);
  world.tripRateFactor.fill(1);
  world.difficultyRateFactor.fill(1);
  world.deviceDesireFactor.fill(1);
  for (const event of scenario.events) {
    if (day < event.startDay || day > event.endDay) continue;
    forEachRegion(event, world, (r) => applyEvent(world, event, r, network));
  }
  world.maxLifeFactor = 1;
  world.maxCompetitorFactor = 1;
  for (let r = 0; r < world.quiet.length; r++) {
    world.quiet[r] = world.problemMultiplier[r] === 1 && world.noSignalMinutes[r] === 0 ? 1 : 0;
  }
  for (let k = 0; k < world.competitorFactor.length; k++) {
    world.maxLifeFactor = Math.max(world.maxLifeFactor, world.moveRateFactor[k], world.tripRateFactor[k], world.difficultyRateFactor[k]);
    world.maxCompetitorFactor = Math.max(world.maxCompetitorFactor, world.competitorFactor[k]);
  }
}

function forEachRegion(event: WorldEvent, world: WorldDay, apply: (region: number) => void): void {
  if (event.region === "all") for (let r = 0; r < world.problemMultiplier.length; r++) apply(r);
  else apply(event.region);
}

function applyEvent(world: WorldDay, event: WorldEvent, r: number, network: Scenario["network"]): void {
  const factor = 1 + event.intensity;
  switch (event.type) {
    case "network-outage": // the network is shared: an outage hits every plan type (the schema rejects `plans`)
      world.problemMultiplier[r] += network.outageProblemMultiplier * event.intensity;
      world.noSignalMinutes[r] += network.outageNoSignalMinutes * event.intensity;
      world.outageActive[r] = 1;
      break;
    case "competitor-promo":
      scaleForPlans(world.competitorFactor, event, r, factor);
      break;
    case "economic-downturn":
      scaleForPlans(world.difficultyRateFactor, event, r, factor);
      break;
    case "moving-season":
      scaleForPlans(world.moveRateFactor, event, r, factor);
      break;
    case "roaming-season":
      scaleForPlans(world.tripRateFactor, event, r, factor);
      break;
    case "device-launch":
      scaleForPlans(world.deviceDesireFactor, event, r, factor);
      break;
    case "price-change":
    case "contract-wave":
      break; // one-off changes of subscriber state: see applyStateEvents
  }
}

/** Multiplies a per-region-and-plan factor by `factor` for the event's plan types in region r. */
function scaleForPlans(factors: Float64Array, event: WorldEvent, r: number, factor: number): void {
  const plans = planMask(event);
  for (let plan = 0; plan < PLAN_COUNT; plan++) {
    if ((plans >> plan) & 1) factors[regionPlanIndex(r, plan)] *= factor;
  }
}

/** Bit mask of plan types an event applies to. */
export function planMask(event: WorldEvent): number {
  if (event.plans === undefined) return (1 << PLAN_COUNT) - 1;
  let mask = 0;
  for (const plan of event.plans) mask |= 1 << PLAN_TYPES.indexOf(plan);
  return mask;
}
