import { describe, expect, it } from "vitest";
import { runReplicate, trainingScenario } from "../../src/engine/run-replicate.js";
import { PolicyError } from "../../src/policy/policy-error.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { baselineWith } from "../world/baseline-scenario.js";
import { createStream } from "../../src/random/random-stream.js";
import type { WorldEvent } from "../../src/scenario/event-schema.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";

describe("prepare() and training worlds", () => {
  const scenario = baselineWith({ subscribers: 800, days: 30 });

  it("gives create() what prepare() returned, after a training simulation on its own seeds", async () => {
    const seen: unknown[] = [];
    const trainer: PolicyDefinition = {
      name: "trainer",
      description: "trains on a history, then does nothing",
      async prepare(context) {
        const history = context.simulateTraining(random, 20, 0);
        const again = context.simulateTraining(random, 20, 0);
        const other = context.simulateTraining(random, 20, 1);
        return { history, same: history.netValuePerSub === again.netValuePerSub, differs: history.netValuePerSub !== other.netValuePerSub };
      },
      create(context) {
        seen.push(context.prepared);
        return noContact.create(context);
      },
    };
    await runReplicate({ scenario, policy: trainer, rootSeed: 3, replicate: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ same: true, differs: true });
  });

  it("keeps the evaluation world untouched by training (same result as a policy without prepare)", async () => {
    const trained: PolicyDefinition = { ...noContact, name: "no-contact", prepare: async (context) => context.simulateTraining(random, 20, 0) };
    const plain = await runReplicate({ scenario, policy: noContact, rootSeed: 3, replicate: 1 });
    const withTraining = await runReplicate({ scenario, policy: trained, rootSeed: 3, replicate: 1 });
    expect(withTraining.groups).toEqual(plain.groups);
  });

  it("reports an error in prepare() as the policy's failure", async () => {
    const broken: PolicyDefinition = { ...noContact, name: "broken", prepare: async () => Promise.reject(new Error("no data")) };
    await expect(runReplicate({ scenario, policy: broken, rootSeed: 3, replicate: 0 })).rejects.toThrow(PolicyError);
  });

  it("builds the training world as the past: without an event stream no events, a capped base, no offer launched after day 0", () => {
    const base = baselineWith({ subscribers: 50_000 });
    const launched = { ...base.offers[0], id: "flagship", availableFromDay: 45 };
    const world = trainingScenario({ ...base, offers: [...base.offers, launched], events: base.events }, 120);
    expect(world.events).toEqual([]);
    expect(world.population.size).toBe(base.training.maxSubscribers);
    const flagship = world.offers.find((offer) => offer.id === "flagship")!;
    expect(flagship.availableFromDay).toBeGreaterThanOrEqual(world.horizonDays);
    expect(world.offers.filter((offer) => offer.id !== "flagship")).toEqual(base.offers);
  });
});

describe("training worlds that have seen disruption", () => {
  const outage = baselineWith({ subscribers: 200 });
  const events: WorldEvent[] = [
    { type: "network-outage" as const, label: "core outage, region 2", region: 2, startDay: 40, endDay: 44, intensity: 0.8 },
    { type: "network-outage" as const, label: "core outage, region 3", region: 3, startDay: 40, endDay: 44, intensity: 0.8 },
    { type: "price-change" as const, label: "price rise", region: "all" as const, startDay: 200, endDay: 364, intensity: 0.05 },
  ];
  const scenario = { ...outage, events };

  it("draws the scenario's kinds of events at seeded times that fit the training days, keeping what happens together together", () => {
    const world = trainingScenario(scenario, 120, undefined, createStream(7, "replicate:1000000/training-events"));
    expect(world.events.map((event) => [event.type, event.region, event.intensity, event.label])).toEqual(events.map((event) => [event.type, event.region, event.intensity, event.label]));
    expect(world.events[0].endDay - world.events[0].startDay).toBe(4);
    expect(world.events[1].startDay).toBe(world.events[0].startDay);
    expect(world.events[2].endDay - world.events[2].startDay).toBe(119);
    for (const event of world.events) expect(event.endDay).toBeLessThan(120);
    const again = trainingScenario(scenario, 120, undefined, createStream(7, "replicate:1000000/training-events"));
    expect(again.events).toEqual(world.events);
    const starts = new Set(Array.from({ length: 12 }, (_, seed) => trainingScenario(scenario, 120, undefined, createStream(seed, "replicate:1000000/training-events")).events[0].startDay));
    expect(starts.size).toBeGreaterThan(6);
  });

  it("gives prepare() training worlds with the scenario's outages (and none for a scenario without events)", async () => {
    const churnWith = async (world: Scenario) => {
      let churn = 0;
      const probe: PolicyDefinition = {
        ...noContact,
        name: "probe",
        prepare: async (context) => {
          churn = context.simulateTraining(noContact, 60, 0).churnRateMonthly;
        },
      };
      await runReplicate({ scenario: { ...world, horizonDays: 1 }, policy: probe, rootSeed: 3, replicate: 0 });
      return churn;
    };
    const severe = events.slice(0, 2).map((event): WorldEvent => ({ ...event, region: "all", intensity: 3, endDay: 70 }));
    expect(await churnWith({ ...outage, events: severe })).toBeGreaterThan(await churnWith(outage));
  });
});
