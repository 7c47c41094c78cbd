import { describe, expect, it } from "vitest";
import { offerOfTheMonth } from "../../policies/offer-of-the-month.js";
import { rulesNba } from "../../policies/rules-nba.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { WorldEvent } from "../../src/scenario/event-schema.js";
import { baselineWith } from "../world/baseline-scenario.js";

describe("NBA versus NBO during a network outage", () => {
  it("rules-nba has lower annoyance and churn than offer-of-the-month when an outage hits every region", () => {
    const outage: WorldEvent = { type: "network-outage", startDay: 30, endDay: 75, region: "all", intensity: 0.6, plans: ["prepaid", "postpaid", "broadband", "tv"], label: "outage" };
    const scenario = { ...baselineWith({ subscribers: 8000, days: 150 }), events: [outage] };
    // Paired on common random numbers: the same seeds for both policies; three seeds each.
    const kpis = [rulesNba, offerOfTheMonth].map((policy) =>
      [0, 1, 2].map((replicate) => simulateReplicate({ scenario, policy, rootSeed: 21, replicate }).groups.all),
    );
    for (let seed = 0; seed < 3; seed++) {
      expect(kpis[0][seed].annoyance).toBeLessThan(kpis[1][seed].annoyance);
      expect(kpis[0][seed].churnRateMonthly).toBeLessThan(kpis[1][seed].churnRateMonthly);
    }
  });
});
