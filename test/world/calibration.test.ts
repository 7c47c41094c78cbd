import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { policySimulation } from "../support/policy-simulation.js";
import { droppedCallsWithin, bufferingWithin, noSignalMinutesWithin } from "../../src/world/state/recent-history.js";
import { STATUS_ACTIVE } from "../../src/world/state/subscriber-state.js";
import { baselineWith } from "./baseline-scenario.js";

// One year of the baseline world under no-contact on three seeds of 40,000 subscribers. The
// figures are means over the seeds: regional incidents hit a whole region at once, so one seed
// varies more than its event count suggests (prepaid about ±0.15 points, postpaid ±0.04).
const scenario = baselineWith({ subscribers: 40_000 });
const results = [0, 1, 2].map((replicate) => simulateReplicate({ scenario, policy: noContact, rootSeed: scenario.seed, replicate }));
const meanOf = (pick: (result: (typeof results)[number]) => number) => results.reduce((sum, result) => sum + pick(result), 0) / results.length;
const kpi = (group: "all" | "prepaid" | "postpaid", name: "churnRateMonthly" | "arpu" | "contacts" | "offerCost") => meanOf((r) => r.groups[group][name]);

function quarterChurn(quarter: number): number {
  return meanOf((r) => r.series.slice(quarter * 3, quarter * 3 + 3).reduce((sum, period) => sum + period.churnRateMonthly, 0) / 3);
}

describe("baseline calibration under no-contact", () => {
  it("postpaid mobile churn is 0.8 to 1.0 % a month", () => {
    expect(kpi("postpaid", "churnRateMonthly")).toBeGreaterThanOrEqual(0.008);
    expect(kpi("postpaid", "churnRateMonthly")).toBeLessThanOrEqual(0.01);
  });

  it("prepaid mobile churn is 2.6 to 2.9 % a month", () => {
    expect(kpi("prepaid", "churnRateMonthly")).toBeGreaterThanOrEqual(0.026);
    expect(kpi("prepaid", "churnRateMonthly")).toBeLessThanOrEqual(0.029);
  });

  it("Q4 churn is above Q2 churn", () => {
    expect(quarterChurn(3)).toBeGreaterThan(quarterChurn(1) * 1.05);
  });

  it("ARPU is US$45-60 postpaid and US$30-38 prepaid", () => {
    expect(kpi("postpaid", "arpu")).toBeGreaterThanOrEqual(45);
    expect(kpi("postpaid", "arpu")).toBeLessThanOrEqual(60);
    expect(kpi("prepaid", "arpu")).toBeGreaterThanOrEqual(30);
    expect(kpi("prepaid", "arpu")).toBeLessThanOrEqual(38);
  });

  it("no-contact makes no contacts and spends nothing", () => {
    expect(kpi("all", "contacts")).toBe(0);
    expect(kpi("all", "offerCost")).toBe(0);
  });
});

describe("network experience and churn", () => {
  it("leavers had about twice the no-signal time and several times the call problems of the average subscriber", () => {
    const run = policySimulation(baselineWith({ subscribers: 40_000 }), noContact, 11);
    const sim = run.sim;
    let leaverNoSignal = 0;
    let leaverProblems = 0;
    let leavers = 0;
    let baseNoSignal = 0;
    let baseProblems = 0;
    let sampled = 0;
    for (let day = sim.params.firstDay; day < 365; day++) {
      run.runDay(day);
      if (day < 0) continue;
      const { churned, churnedCount } = sim.workspace;
      for (let k = 0; k < churnedCount; k++) {
        const i = churned[k];
        leaverNoSignal += noSignalMinutesWithin(sim.state, i, day, 30);
        leaverProblems += droppedCallsWithin(sim.state, i, day, 30) + bufferingWithin(sim.state, i, day, 30);
        leavers++;
      }
      if (day % 30 !== 29) continue;
      for (let i = 0; i < sim.state.count; i++) {
        if (sim.state.status[i] !== STATUS_ACTIVE) continue;
        baseNoSignal += noSignalMinutesWithin(sim.state, i, day, 30);
        baseProblems += droppedCallsWithin(sim.state, i, day, 30) + bufferingWithin(sim.state, i, day, 30);
        sampled++;
      }
    }
    const noSignalRatio = leaverNoSignal / leavers / (baseNoSignal / sampled);
    const problemRatio = leaverProblems / leavers / (baseProblems / sampled);
    // Opensignal: leavers had about 2x (up to 3x) the no-signal time; J.D. Power: switchers
    // report 4-6x the call problems of the average user.
    expect(noSignalRatio).toBeGreaterThan(1.6);
    expect(noSignalRatio).toBeLessThan(3.5);
    expect(problemRatio).toBeGreaterThan(1.25);
  });
});
