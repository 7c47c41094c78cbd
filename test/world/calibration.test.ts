import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import { createReplicateSimulation } from "../../src/engine/replicate-simulation.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { stepDay } from "../../src/engine/step-day.js";
import { droppedCallsWithin, bufferingWithin, noSignalMinutesWithin } from "../../src/population/recent-history.js";
import { STATUS_ACTIVE } from "../../src/population/subscriber-state.js";
import { baselineWith } from "./baseline-scenario.js";

// One year of the baseline world under no-contact, 60,000 subscribers: about 5,900 prepaid and
// 2,900 postpaid churn events, so the monthly rates have standard errors near 0.035 and 0.017
// points: the tolerances below are 4 to 6 of them.
const scenario = baselineWith({ subscribers: 60_000 });
const result = simulateReplicate({ scenario, policy: noContact, rootSeed: scenario.seed, replicate: 0 });

function quarterChurn(quarter: number): number {
  const periods = result.series.slice(quarter * 3, quarter * 3 + 3);
  return periods.reduce((sum, period) => sum + period.churnRateMonthly, 0) / periods.length;
}

describe("baseline calibration under no-contact", () => {
  it("postpaid mobile churn is 0.8 to 1.0 % a month", () => {
    expect(result.groups.postpaid.churnRateMonthly).toBeGreaterThanOrEqual(0.008);
    expect(result.groups.postpaid.churnRateMonthly).toBeLessThanOrEqual(0.01);
  });

  it("prepaid mobile churn is 2.6 to 2.9 % a month", () => {
    expect(result.groups.prepaid.churnRateMonthly).toBeGreaterThanOrEqual(0.026);
    expect(result.groups.prepaid.churnRateMonthly).toBeLessThanOrEqual(0.029);
  });

  it("Q4 churn is above Q2 churn", () => {
    expect(quarterChurn(3)).toBeGreaterThan(quarterChurn(1) * 1.05);
  });

  it("ARPU is US$45-60 postpaid and US$30-38 prepaid", () => {
    expect(result.groups.postpaid.arpu).toBeGreaterThanOrEqual(45);
    expect(result.groups.postpaid.arpu).toBeLessThanOrEqual(60);
    expect(result.groups.prepaid.arpu).toBeGreaterThanOrEqual(30);
    expect(result.groups.prepaid.arpu).toBeLessThanOrEqual(38);
  });

  it("no-contact makes no contacts and spends nothing", () => {
    expect(result.groups.all.contacts).toBe(0);
    expect(result.groups.all.offerCost).toBe(0);
  });
});

describe("network experience and churn", () => {
  it("leavers had about twice the no-signal time and several times the call problems of the average subscriber", () => {
    const sim = createReplicateSimulation({ scenario: baselineWith({ subscribers: 40_000 }), policy: noContact, rootSeed: 11, replicate: 0 });
    let leaverNoSignal = 0;
    let leaverProblems = 0;
    let leavers = 0;
    let baseNoSignal = 0;
    let baseProblems = 0;
    let sampled = 0;
    for (let day = sim.params.firstDay; day < 365; day++) {
      stepDay(sim, day);
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
