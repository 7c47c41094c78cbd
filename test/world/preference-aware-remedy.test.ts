import { describe, expect, it } from "vitest";
import { noContact } from "../../policies/no-contact.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import type { Offer } from "../../src/scenario/offer-schema.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { MOMENT_OUTBOUND, NO_ACTION, OUTCOME_ACCEPT, REMEDIES, SEGMENT_STRATEGIC } from "../../src/scenario/vocabulary.js";
import { REMEDY_COUNT, STATUS_ACTIVE, type SubscriberState } from "../../src/world/state/subscriber-state.js";
import { policySimulation } from "../support/policy-simulation.js";
import { baselineWith } from "./baseline-scenario.js";

// The build-out post (003): one standard compensation for every high-value customer against a
// remedy chosen by what each customer values. Every strategic customer gets one remedy by SMS at
// their first outbound slot (days 0-6); churn over the year is compared with no contact on the
// same seed (common random numbers), and divided by what the remedies cost. 3 seeds of 12,000,
// a year.
const DAYS = 365;
const SEEDS = [0, 1, 2];
const TEMPLATE = baselineWith().offers.find((offer) => offer.id === "retention-discount-sms")!;
const remedy = (kind: Offer["remedy"], cost: number, terms: Partial<Offer>): Offer => ({
  ...TEMPLATE,
  id: `remedy-${kind}`,
  program: "proactive-service",
  category: "service",
  discount: 0,
  discountMonths: 0,
  acceptBase: 0.7,
  cost,
  relief: 0.3,
  retention: 0.5,
  effectDays: 365,
  availableToDay: 6,
  remedy: kind,
  ...terms,
});
const STANDARD = "remedy-credit";
const OFFERS: Offer[] = [
  remedy("credit", 10, {}),
  remedy("apology", 1, { retention: 0.4 }),
  remedy("priority", 8, { relief: 0, priorityDays: 182 }),
  remedy("fix", 12, { relief: 0.5 }),
];

function remedyScenario(world: Partial<Scenario>): Scenario {
  const base = baselineWith({ subscribers: 12_000, days: DAYS });
  return { ...base, offers: OFFERS, ...world };
}

/**
 * One remedy for each strategic customer: `choose` returns the offer's id. The customer is
 * reached once (their first slot).
 */
function remedyFor(name: string, choose: (state: SubscriberState, i: number) => string, stateOf: () => SubscriberState): PolicyDefinition {
  return {
    name,
    description: "one remedy per strategic customer",
    create(context) {
      const count = context.actions.length;
      const index = new Map(context.actions.map((action) => [action.id, action.index]));
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          const state = stateOf();
          for (let row = 0; row < batch.size; row++) {
            const i = batch.subscriber[row];
            let action = NO_ACTION;
            if (batch.moment[row] === MOMENT_OUTBOUND && state.status[i] === STATUS_ACTIVE && state.valueSegment[i] === SEGMENT_STRATEGIC) {
              const chosen = index.get(choose(state, i))!;
              if (eligible[row * count + chosen] === 1) action = chosen;
            }
            output.probabilities[row * count + action] = 1;
            output.chosen[row] = action;
          }
        },
      };
    },
  };
}

/** The remedy the customer values most for its retention effect; the standard credit on ties. */
function mostValued(state: SubscriberState, i: number): string {
  let best = STANDARD;
  let bestValue = OFFERS[0].retention * state.remedySensitivity[i * REMEDY_COUNT + REMEDIES.indexOf("credit")];
  for (const offer of OFFERS) {
    const value = offer.retention * state.remedySensitivity[i * REMEDY_COUNT + REMEDIES.indexOf(offer.remedy as (typeof REMEDIES)[number])];
    if (value > bestValue) {
      best = offer.id;
      bestValue = value;
    }
  }
  return best;
}

/** Strategic customers active on day 0 who left by the horizon, and what the remedies cost. */
function run(scenario: Scenario, kind: "none" | "standard" | "aware", replicate: number) {
  let stateRef: SubscriberState | null = null;
  const policy = kind === "none" ? noContact : remedyFor(kind, kind === "standard" ? () => STANDARD : mostValued, () => stateRef!);
  const simulation = policySimulation(scenario, policy, 17, replicate, true);
  stateRef = simulation.sim.state;
  const sim = simulation.runUntil(0);
  const strategicAtStart = sim.state.status.map((status, i) => (status === STATUS_ACTIVE && sim.state.valueSegment[i] === SEGMENT_STRATEGIC ? 1 : 0));
  for (let day = 0; day < DAYS; day++) simulation.runDay(day);
  let left = 0;
  for (let i = 0; i < sim.state.count; i++) if (strategicAtStart[i] === 1 && sim.state.status[i] !== STATUS_ACTIVE) left++;
  const log = sim.log!;
  let cost = 0;
  for (let row = 0; row < log.size; row++) {
    if (log.action[row] === NO_ACTION) continue;
    cost += sim.catalogue.actions[log.action[row]].contactCost;
    if (log.outcome[row] === OUTCOME_ACCEPT) cost += sim.catalogue.offers[log.action[row]]!.cost;
  }
  return { left, cost };
}

/** Customers kept per 1,000 of remedy cost, over the seeds, for the standard and the aware remedy. */
function keptPerThousand(world: Partial<Scenario> = {}) {
  const scenario = remedyScenario(world);
  const totals = { standard: { kept: 0, cost: 0 }, aware: { kept: 0, cost: 0 } };
  for (const replicate of SEEDS) {
    const none = run(scenario, "none", replicate);
    for (const kind of ["standard", "aware"] as const) {
      const treated = run(scenario, kind, replicate);
      totals[kind].kept += none.left - treated.left;
      totals[kind].cost += treated.cost;
    }
  }
  return { standard: (1000 * totals.standard.kept) / totals.standard.cost, aware: (1000 * totals.aware.kept) / totals.aware.cost, totals };
}

describe("preference-aware retention (latent remedy sensitivities)", () => {
  it("a remedy chosen by what each high-value customer values keeps more customers per unit of cost than one standard compensation for all", { timeout: 600_000 }, () => {
    const result = keptPerThousand();
    // Measured: the standard credit kept 58 customers for 45,700 of cost (1.27 per 1,000), the
    // remedy each values most 105 for 37,600 (2.79 per 1,000). With remedySensitivitySpread 0 the
    // two policies are the same (1.07 and 1.07 on 3,000 subscribers), and this fails.
    expect(result.totals.standard.kept).toBeGreaterThan(0);
    expect(result.aware).toBeGreaterThan(1.3 * result.standard);
  });
});
