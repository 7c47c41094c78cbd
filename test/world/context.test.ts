import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { policySimulation } from "../support/policy-simulation.js";
import { acceptProbability } from "../../src/world/choice/accept-probability.js";
import { contactContext, type ContactContext } from "../../src/world/choice/contact-context.js";
import { annoyanceIncrement } from "../../src/world/choice/annoyance-increment.js";
import { recordProblems } from "../../src/world/state/recent-history.js";
import { STATUS_ACTIVE } from "../../src/world/state/subscriber-state.js";
import { MOMENT_OUTBOUND, OUTCOME_ACCEPT, PLAN_POSTPAID, TYPE_PERSUADABLE, TYPE_SLEEPING_DOG } from "../../src/scenario/vocabulary.js";
import { always } from "./test-policies.js";
import { baselineWith } from "./baseline-scenario.js";

const scratch = (): ContactContext => ({ need: 0, affinity: 0, problemsLastDay: 0, problemsLastWeek: 0, commercial: false, inbound: false, channelPreference: 0 });

describe("context in the response model", () => {
  it("an up-sell after nine dropped calls in a day is accepted less and annoys more than the same offer without them", () => {
    const scenario = baselineWith({ subscribers: 3000 });
    const sim = policySimulation(scenario, noContact, 3).runUntil(30);
    const day = 30;
    const action = sim.catalogue.actions.findIndex((a) => a.id === "data-boost-sms");
    const offer = sim.catalogue.offers[action]!;
    const category = sim.catalogue.categoryIndex[action];
    let compared = 0;
    for (let i = 0; i < sim.state.count && compared < 200; i++) {
      if (sim.state.status[i] !== STATUS_ACTIVE || sim.state.plan[i] !== PLAN_POSTPAID) continue;
      const calm = contactContext(sim.state, i, offer, category, MOMENT_OUTBOUND, day, 1, sim.params, scratch());
      if (calm.problemsLastWeek > 0) continue;
      const calmAccept = acceptProbability(sim.state, i, offer, category, calm, day, sim.params);
      const calmAnnoyance = annoyanceIncrement(calm, 0, sim.state.contactTolerancePerWeek[i], false, sim.params);
      recordProblems(sim.state, i, day, 9, 0, 0);
      const troubled = contactContext(sim.state, i, offer, category, MOMENT_OUTBOUND, day, 1, sim.params, scratch());
      const troubledAccept = acceptProbability(sim.state, i, offer, category, troubled, day, sim.params);
      const troubledAnnoyance = annoyanceIncrement(troubled, 0, sim.state.contactTolerancePerWeek[i], false, sim.params);
      expect(troubledAccept).toBeLessThan(calmAccept * 0.1);
      expect(troubledAnnoyance).toBeGreaterThan(calmAnnoyance);
      compared++;
    }
    expect(compared).toBe(200);
  });

  it("during a regional outage the same up-sell campaign is accepted less in the outage region", () => {
    const base = baselineWith({ subscribers: 16_000, days: 120 });
    const scenario = { ...base, events: [{ type: "network-outage" as const, startDay: 20, endDay: 80, region: 0, intensity: 1, plans: ["prepaid", "postpaid", "broadband", "tv"] as never, label: "outage" }] };
    const sim = policySimulation(scenario, always("data-boost-sms"), 3, 0, true).runUntil(scenario.horizonDays);
    const log = sim.log!;
    // [contacts, accepted, sum of the true acceptance probabilities]
    const tally = { outage: [0, 0, 0], elsewhere: [0, 0, 0] };
    for (let row = 0; row < log.size; row++) {
      if (log.action[row] === 0 || log.day[row] < 20 || log.day[row] > 80) continue;
      const where = sim.state.region[log.subscriber[row]] === 0 ? tally.outage : tally.elsewhere;
      where[0]++;
      if (log.outcome[row] === OUTCOME_ACCEPT) where[1]++;
      where[2] += log.acceptProbability[row];
    }
    expect(tally.outage[0]).toBeGreaterThan(500);
    // The logged true acceptance probability has no sampling noise: the mechanism itself.
    expect(tally.outage[2] / tally.outage[0]).toBeLessThan((0.75 * tally.elsewhere[2]) / tally.elsewhere[0]);
    // And what actually happened goes the same way.
    expect(tally.outage[1] / tally.outage[0]).toBeLessThan(tally.elsewhere[1] / tally.elsewhere[0]);
  });
});

describe("treatment effects differ by latent type", () => {
  const scenario = baselineWith({ subscribers: 24_000, days: 180 });
  const runs = [noContact, always("retention-discount-sms")].map((policy) => {
    return policySimulation(scenario, policy, 5).runUntil(scenario.horizonDays);
  });
  const churnedOfType = (run: (typeof runs)[number], type: number) => {
    let churned = 0;
    let total = 0;
    for (let i = 0; i < run.state.count; i++) {
      if (run.state.responseType[i] !== type || run.state.joinDay[i] >= 0) continue;
      total++;
      if (run.state.status[i] !== STATUS_ACTIVE) churned++;
    }
    return churned / total;
  };

  it("sleeping dogs contacted with a retention offer churn more than sleeping dogs left alone", () => {
    expect(churnedOfType(runs[1], TYPE_SLEEPING_DOG)).toBeGreaterThan(churnedOfType(runs[0], TYPE_SLEEPING_DOG) * 1.2);
  });

  it("the same campaign leaves persuadables churning no more than when left alone", () => {
    expect(churnedOfType(runs[1], TYPE_PERSUADABLE)).toBeLessThanOrEqual(churnedOfType(runs[0], TYPE_PERSUADABLE) * 1.02);
  });
});
