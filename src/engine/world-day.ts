import type { Scenario } from "../scenario/scenario-schema.js";
import type { WorldEvent } from "../scenario/event-schema.js";
import { PLAN_TYPES } from "../scenario/vocabulary.js";
import type { RandomStream } from "../random/random-stream.js";

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
  /** Churn-hazard multiplier from competitor promotions, per region and plan type: [r * 4 + plan]. */
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

export function createWorldDay(regions: number): WorldDay {
  return {
    day: -1,
    seasonFactor: 1,
    problemMultiplier: new Float64Array(regions),
    noSignalMinutes: new Float64Array(regions),
    competitorFactor: new Float64Array(regions * PLAN_TYPES.length),
    moveRateFactor: new Float64Array(regions),
    tripRateFactor: new Float64Array(regions),
    difficultyRateFactor: new Float64Array(regions),
    deviceDesireFactor: new Float64Array(regions),
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
    for (let plan = 0; plan < PLAN_TYPES.length; plan++) world.competitorFactor[r * PLAN_TYPES.length + plan] = 1;
    world.moveRateFactor[r] = 1;
    world.tripRateFactor[r] = 1;
    world.difficultyRateFactor[r] = 1;
    world.deviceDesireFactor[r] = 1;
    world.outageActive[r] = 0;
  }
  for (const event of scenario.events) {
    if (day < event.startDay || day > event.endDay) continue;
    forEachRegion(event, world, (r) => applyEvent(world, event, r, network));
  }
  world.maxLifeFactor = 1;
  world.maxCompetitorFactor = 1;
  for (let r = 0; r < world.quiet.length; r++) {
    world.quiet[r] = world.problemMultiplier[r] === 1 && world.noSignalMinutes[r] === 0 ? 1 : 0;
    world.maxLifeFactor = Math.max(world.maxLifeFactor, world.moveRateFactor[r], world.tripRateFactor[r], world.difficultyRateFactor[r]);
    for (let plan = 0; plan < PLAN_TYPES.length; plan++) {
      world.maxCompetitorFactor = Math.max(world.maxCompetitorFactor, world.competitorFactor[r * PLAN_TYPES.length + plan]);
    }
  }
}

function forEachRegion(event: WorldEvent, world: WorldDay, apply: (region: number) => void): void {
  if (event.region === "all") for (let r = 0; r < world.problemMultiplier.length; r++) apply(r);
  else apply(event.region);
}

function applyEvent(world: WorldDay, event: WorldEvent, r: number, network: Scenario["network"]): void {
  const intensity = event.intensity;
  switch (event.type) {
    case "network-outage":
      world.problemMultiplier[r] += network.outageProblemMultiplier * intensity;
      world.noSignalMinutes[r] += network.outageNoSignalMinutes * intensity;
      world.outageActive[r] = 1;
      break;
    case "competitor-promo": {
      const plans = planMask(event);
      for (let plan = 0; plan < PLAN_TYPES.length; plan++) {
        if ((plans >> plan) & 1) world.competitorFactor[r * PLAN_TYPES.length + plan] *= 1 + intensity;
      }
      break;
    }
    case "economic-downturn":
      world.difficultyRateFactor[r] *= 1 + intensity;
      break;
    case "moving-season":
      world.moveRateFactor[r] *= 1 + intensity;
      break;
    case "roaming-season":
      world.tripRateFactor[r] *= 1 + intensity;
      break;
    case "device-launch":
      world.deviceDesireFactor[r] *= 1 + intensity;
      break;
    case "price-change":
    case "contract-wave":
      break; // one-off changes of subscriber state: see applyStateEvents
  }
}

/** Bit mask of plan types an event applies to. */
export function planMask(event: WorldEvent): number {
  let mask = 0;
  for (const plan of event.plans) mask |= 1 << PLAN_TYPES.indexOf(plan);
  return mask;
}
