import { describe, expect, it } from "vitest";
import { createWorldView, type WorldViewTrace } from "../../src/engine/world-view.js";
import type { PolicyDefinition, WorldView } from "../../src/policy/policy.js";
import type { WorldEvent } from "../../src/scenario/event-schema.js";
import { EVENT_TYPES, NO_ACTION, OUTCOME_ACCEPT, OUTCOME_DECLINE, OUTCOME_IGNORE, OUTCOME_OPT_OUT } from "../../src/scenario/vocabulary.js";
import { policySimulation } from "../support/policy-simulation.js";
import { baselineWith } from "../world/baseline-scenario.js";

/** One event of every type, overlapping in days 10-50, each on some regions and plans only. */
const EVERY_EVENT: WorldEvent[] = EVENT_TYPES.map((type, k) => ({
  type,
  label: type,
  startDay: type === "price-change" || type === "contract-wave" ? 12 : 10 + k,
  endDay: type === "price-change" ? 12 : 50,
  region: k % 2 === 0 ? "all" : k % 4,
  intensity: type === "price-change" ? 0.1 : type === "contract-wave" ? 0.4 : type === "network-outage" ? 1 : 1.5,
  plans: (k % 3 === 0 ? ["prepaid", "postpaid"] : ["prepaid", "postpaid", "broadband", "tv"]) as never,
}));

interface OracleRow {
  day: number;
  subscriber: number;
  action: number;
  trace: WorldViewTrace;
}

/**
 * A privileged probe: takes a uniformly drawn eligible action (contacts on most rows) and, before
 * the engine answers, asks the oracle's world view about exactly that action.
 */
function probe(rows: OracleRow[], worldView: () => { view: WorldView; trace: WorldViewTrace }): PolicyDefinition {
  return {
    name: "oracle-probe",
    description: "takes a random eligible action and records what the oracle expects of it",
    privileged: true,
    create(context) {
      const count = context.actions.length;
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const { view, trace } = worldView();
          for (let row = 0; row < batch.size; row++) {
            let options = 0;
            for (let a = 1; a < count; a++) options += eligible[row * count + a];
            let pick = Math.floor(context.random.next() * options);
            let action = NO_ACTION;
            for (let a = 1; a < count && options > 0; a++) if (eligible[row * count + a] === 1 && pick-- === 0) action = a;
            output.probabilities[row * count + action] = 1;
            output.chosen[row] = action;
            if (action === NO_ACTION) continue;
            view.expectedValue(batch, row, action, 365);
            rows.push({ day: batch.day, subscriber: batch.subscriber[row], action, trace: { ...trace } });
          }
        },
      };
    },
  };
}

describe("the oracle's view and the engine", () => {
  it("agree on the acceptance probability and the churn hazard after the contact, on every decision of a run with every event type", () => {
    const scenario = { ...baselineWith({ subscribers: 3000, days: 60 }), events: EVERY_EVENT };
    const rows: OracleRow[] = [];
    const trace: WorldViewTrace = { acceptChance: Number.NaN, hazardIfAccepted: Number.NaN, hazardIfRefused: Number.NaN };
    let view: WorldView | null = null;
    const run = policySimulation(scenario, probe(rows, () => ({ view: view!, trace })), 21, 0, true);
    view = createWorldView(() => run.sim, trace);
    const sim = run.runUntil(scenario.horizonDays);
    const log = sim.log!;

    let row = 0;
    let comparedHazards = 0;
    const launchOffers = new Set<number>();
    for (const oracle of rows) {
      while (log.action[row] === NO_ACTION) row++;
      expect([log.day[row], log.subscriber[row], log.action[row]]).toEqual([oracle.day, oracle.subscriber, oracle.action]);
      expect(oracle.trace.acceptChance).toBe(log.acceptProbability[row]);
      const outcome = log.outcome[row];
      // The engine keeps today's hazard in single precision.
      if (!Number.isNaN(log.hazardAfter[row])) {
        if (outcome === OUTCOME_ACCEPT) expect(Math.fround(oracle.trace.hazardIfAccepted)).toBe(log.hazardAfter[row]);
        if (outcome === OUTCOME_DECLINE || outcome === OUTCOME_IGNORE || outcome === OUTCOME_OPT_OUT) expect(Math.fround(oracle.trace.hazardIfRefused)).toBe(log.hazardAfter[row]);
        comparedHazards++;
      }
      if (sim.catalogue.actions[oracle.action].category === "device" && oracle.day >= 10 + EVENT_TYPES.indexOf("device-launch")) launchOffers.add(oracle.subscriber);
      row++;
    }
    expect(rows.length).toBeGreaterThan(2000);
    expect(comparedHazards).toBeGreaterThan(1000);
    // Device offers during the launch: where the region-by-plan layout of the launch's factor matters.
    expect(launchOffers.size).toBeGreaterThan(50);
  });
});
