import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { advanceWorldDay, createWorldDay, regionPlanIndex } from "../../src/world/exogenous/world-day.js";
import { createStream } from "../../src/random/random-stream.js";
import { parseScenarioObject } from "../../src/scenario/index.js";
import type { WorldEvent } from "../../src/scenario/event-schema.js";
import type { Offer } from "../../src/scenario/offer-schema.js";
import { OUTCOME_ACCEPT, PLAN_TYPES } from "../../src/scenario/vocabulary.js";
import { problemsOf } from "../scenario/write-temp-files.js";
import { always } from "../world/test-policies.js";
import { baselineWith } from "../world/baseline-scenario.js";

const plan = (name: (typeof PLAN_TYPES)[number]) => PLAN_TYPES.indexOf(name);
const event = (fields: Partial<WorldEvent> & Pick<WorldEvent, "type">): WorldEvent => ({
  startDay: 0,
  endDay: 10,
  region: "all",
  intensity: 1,
  label: "",
  ...fields,
});

describe("scenario events", () => {
  it("economic-downturn, moving-season, roaming-season and device-launch apply only to the event's plans and region", () => {
    const events: WorldEvent[] = [
      event({ type: "moving-season", region: 1, plans: ["broadband", "tv"], intensity: 1 }),
      event({ type: "roaming-season", plans: ["postpaid"], intensity: 2 }),
      event({ type: "economic-downturn", plans: ["prepaid"], intensity: 0.5 }),
      event({ type: "device-launch", region: 0, plans: ["postpaid"], intensity: 1 }),
    ];
    const scenario = { ...baselineWith(), events };
    const world = createWorldDay(scenario.population.regions);
    advanceWorldDay(world, scenario, 5, createStream(1, "incidents"));
    expect(world.moveRateFactor[regionPlanIndex(1, plan("broadband"))]).toBe(2);
    expect(world.moveRateFactor[regionPlanIndex(1, plan("postpaid"))]).toBe(1);
    expect(world.moveRateFactor[regionPlanIndex(0, plan("broadband"))]).toBe(1);
    expect(world.tripRateFactor[regionPlanIndex(3, plan("postpaid"))]).toBe(3);
    expect(world.tripRateFactor[regionPlanIndex(3, plan("prepaid"))]).toBe(1);
    expect(world.difficultyRateFactor[regionPlanIndex(2, plan("prepaid"))]).toBe(1.5);
    expect(world.difficultyRateFactor[regionPlanIndex(2, plan("tv"))]).toBe(1);
    expect(world.deviceDesireFactor[regionPlanIndex(0, plan("postpaid"))]).toBe(2);
    expect(world.deviceDesireFactor[regionPlanIndex(1, plan("postpaid"))]).toBe(1);
    expect(world.maxLifeFactor).toBe(3);
    advanceWorldDay(world, scenario, 11, createStream(1, "incidents"));
    expect(world.tripRateFactor[regionPlanIndex(3, plan("postpaid"))]).toBe(1);
  });

  it("an event without plans applies to every plan type", () => {
    const scenario = { ...baselineWith(), events: [event({ type: "competitor-promo", intensity: 0.3 })] };
    const world = createWorldDay(scenario.population.regions);
    advanceWorldDay(world, scenario, 0, createStream(1, "incidents"));
    expect(Array.from(world.competitorFactor).every((factor) => factor === 1.3)).toBe(true);
  });

  it("a price-change with a negative intensity cuts the plan price of its plans (ARPU about 10 % lower)", () => {
    const arpu = (events: WorldEvent[]) => {
      const scenario = { ...baselineWith({ subscribers: 1500, days: 60 }), events };
      return simulateReplicate({ scenario, policy: noContact, rootSeed: 5, replicate: 0 }).groups;
    };
    const before = arpu([]);
    const after = arpu([event({ type: "price-change", startDay: 0, endDay: 0, plans: ["postpaid"], intensity: -0.1 })]);
    expect(after.postpaid.arpu / before.postpaid.arpu).toBeGreaterThan(0.88);
    expect(after.postpaid.arpu / before.postpaid.arpu).toBeLessThan(0.92);
    expect(after.prepaid.arpu).toBe(before.prepaid.arpu);
  });

  it("a price cut lowers the churn of its plans for good, a rise raises it, and churn.priceElasticity 0 turns that off", () => {
    const groups = (events: WorldEvent[], priceElasticity = 1, roamingSpendPerDay?: number) => {
      const base = baselineWith({ subscribers: 4000, days: 180 });
      const life = roamingSpendPerDay === undefined ? base.life : { ...base.life, roamingSpendPerDay };
      const scenario = { ...base, churn: { ...base.churn, priceElasticity }, life, events };
      return simulateReplicate({ scenario, policy: noContact, rootSeed: 11, replicate: 0 }).groups;
    };
    const change = (intensity: number) => [event({ type: "price-change", startDay: 0, endDay: 0, plans: ["postpaid", "broadband"], intensity })];
    const before = groups([]);
    const cut = groups(change(-0.2));
    const rise = groups(change(0.2));
    // Same seed, same world: the difference is the price's. A 20 % cut at elasticity 1 is about
    // a fifth less hazard for a median customer.
    expect(cut.postpaid.churnRateMonthly / before.postpaid.churnRateMonthly).toBeLessThan(0.9);
    expect(cut.broadband.churnRateMonthly / before.broadband.churnRateMonthly).toBeLessThan(0.9);
    expect(rise.postpaid.churnRateMonthly / before.postpaid.churnRateMonthly).toBeGreaterThan(1.1);
    expect(cut.prepaid.churnRateMonthly).toBe(before.prepaid.churnRateMonthly);
    // Without elasticity the price level still reaches churn through one channel: a roaming
    // charge is a fixed amount per day abroad, so on a cheaper plan it is a larger bill shock.
    // With roaming charges off, the churn of a price cut at elasticity 0 is exactly the same.
    const inelastic = groups(change(-0.2), 0, 0);
    expect(inelastic.postpaid.churnRateMonthly).toBe(groups([], 0, 0).postpaid.churnRateMonthly);
    expect(inelastic.postpaid.arpu).toBeLessThan(before.postpaid.arpu * 0.85);
  });

  it("an offer with availableFromDay is never taken before that day, and is taken after it", () => {
    const launch: Offer = {
      ...baselineWith().offers.find((offer) => offer.id === "device-upgrade-email")!,
      id: "flagship-launch-email",
      acceptBase: 0.2,
      availableFromDay: 30,
    };
    const scenario = { ...baselineWith({ subscribers: 1500, days: 60 }), offers: [...baselineWith().offers, launch] };
    const policy = always("flagship-launch-email");
    const { log } = simulateReplicate({ scenario, policy, rootSeed: 3, replicate: 0, keepLog: true });
    const action = scenario.offers.filter((offer) => offer.enabled).findIndex((offer) => offer.id === launch.id) + 1;
    let before = 0;
    let acceptedAfter = 0;
    for (let row = 0; row < log!.size; row++) {
      if (log!.action[row] !== action) continue;
      if (log!.day[row] < 30) before++;
      else if (log!.outcome[row] === OUTCOME_ACCEPT) acceptedAfter++;
    }
    expect(before).toBe(0);
    expect(acceptedAfter).toBeGreaterThan(0);
  });
});

describe("event and offer-window validation", () => {
  const problems = (raw: Record<string, unknown>) => problemsOf(() => parseScenarioObject("x.yaml", { name: "x", ...raw }));
  const offer = { id: "a", program: "device", category: "device", channel: "email" };

  it("rejects plans on a network-outage, naming the field", () => {
    expect(problems({ events: [{ type: "network-outage", startDay: 1, endDay: 2, plans: ["broadband"] }] })).toEqual([
      "x.yaml: events[0].plans is not allowed on a network-outage (the network is shared: an outage hits every plan type in its region), got a list of 1 item",
    ]);
  });

  it("accepts a negative price-change but not a negative outage or an intensity of -1", () => {
    expect(() => parseScenarioObject("x.yaml", { name: "x", events: [{ type: "price-change", startDay: 1, endDay: 1, intensity: -0.2 }] })).not.toThrow();
    expect(problems({ events: [{ type: "network-outage", startDay: 1, endDay: 2, intensity: -0.2 }] })).toEqual([
      "x.yaml: events[0].intensity must be >= 0 for network-outage, got -0.2",
    ]);
    expect(problems({ events: [{ type: "price-change", startDay: 1, endDay: 1, intensity: -1 }] })).toEqual([
      "x.yaml: events[0].intensity must be a number > -1, got -1",
    ]);
  });

  it("rejects an offer that ends before it starts", () => {
    expect(problems({ offers: [{ ...offer, availableFromDay: 50, availableToDay: 10 }] })).toEqual([
      "x.yaml: offers[0].availableToDay must be >= availableFromDay, got 10",
    ]);
  });
});
