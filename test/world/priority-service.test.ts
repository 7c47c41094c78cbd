import { describe, expect, it } from "vitest";
import type { Offer } from "../../src/scenario/offer-schema.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { dissatisfactionAt } from "../../src/world/state/decaying-levels.js";
import { STATUS_ACTIVE } from "../../src/world/state/subscriber-state.js";
import { OUTCOME_ACCEPT } from "../../src/scenario/vocabulary.js";
import { policySimulation } from "../support/policy-simulation.js";
import { baselineWith } from "./baseline-scenario.js";
import { always } from "./test-policies.js";

// Priority service (the high-value-customer post: priority on help lines and sales counters):
// the same offer with and without priorityDays, taken by the same customers on the same seed;
// network problems and bill shocks then add half the dissatisfaction. 4,000 subscribers, 150 days.
const TOUCH = baselineWith().offers.find((offer) => offer.id === "loyalty-touch-email")!;
const PRIORITY: Offer = { ...TOUCH, id: "priority-service-email", cost: 12, acceptBase: 0.6, eligibility: { ...TOUCH.eligibility, minTenureDays: 0 }, priorityDays: 365 };

function scenarioWith(priorityDays: number): Scenario {
  const base = baselineWith({ subscribers: 4000, days: 150 });
  return { ...base, offers: [{ ...PRIORITY, priorityDays }] };
}

/** Per active subscriber who took the offer: dissatisfaction on the last day, and the count. */
function dissatisfactionOfTakers(priorityDays: number) {
  const run = policySimulation(scenarioWith(priorityDays), always(PRIORITY.id), 5, 0, true);
  const sim = run.runUntil(150);
  const log = sim.log!;
  const took = new Set<number>();
  for (let row = 0; row < log.size; row++) if (log.outcome[row] === OUTCOME_ACCEPT) took.add(log.subscriber[row]);
  let total = 0;
  let active = 0;
  for (const i of took) {
    if (sim.state.status[i] !== STATUS_ACTIVE) continue;
    total += dissatisfactionAt(sim.state, i, 149, sim.params);
    active++;
  }
  return { total, active, took: took.size };
}

describe("priority service", () => {
  it("halves the dissatisfaction that problems and bill shocks add for the customers who take it", () => {
    const withPriority = dissatisfactionOfTakers(365);
    const without = dissatisfactionOfTakers(0);
    expect(withPriority.took).toBeGreaterThan(1000);
    // The same customers face the same problems (common random numbers); what they leave behind
    // is scaled by priorityDissatisfactionFactor (0.5), up to the few whom the change kept or lost.
    expect(withPriority.total / withPriority.active).toBeLessThan(0.6 * (without.total / without.active));
    expect(withPriority.total / withPriority.active).toBeGreaterThan(0.4 * (without.total / without.active));
  });
});
