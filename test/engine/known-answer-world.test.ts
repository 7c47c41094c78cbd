import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../src/engine/environment.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import { DAYS_PER_MONTH } from "../../src/world/params/world-params.js";
import { parseScenarioObject } from "../../src/scenario/parse-scenario-object.js";
import { MOMENT_OUTBOUND, NO_ACTION } from "../../src/scenario/vocabulary.js";
import { noContact } from "../../policies/no-contact.js";
import { random } from "../../policies/random.js";
import { oracle } from "../../policies/oracle.js";

/**
 * A tiny world whose best policy is known in closed form (the RecSim idea of a known-answer
 * fixture), to hold the oracle to it.
 *
 * The world. One plan (prepaid: no contract, so no lock-in, end-of-contract spike or
 * cancellation calls), one region, every subscriber persuadable, no gross adds. Nothing happens
 * to anyone: no network problems or incidents, no life events (moves, trips, money trouble,
 * broken devices, renewals), no inbound contacts, no season, no returns, no bill shock.
 * Dissatisfaction and annoyance do not move the churn hazard (weights 0), no contact reminds
 * anyone to compare or builds goodwill (salience.boost and goodwill.perWelcomeContact 0), nobody
 * prefers one channel to another (population.channelPreferenceSpread 0), the
 * first 90 days are not riskier (multiplier 1), and the objective prices neither annoyance nor bad experiences.
 * What is left of churnHazard (src/world/churn/churn-hazard.ts) for subscriber i is
 *
 *   h_i = hazardPerDay_i, times retentionFactor_i while an accepted retention offer lasts,
 *
 * constant over time. What is left of acceptProbability (src/world/choice/accept-probability.ts)
 * with the affinity, need, price, discount, problem and annoyance weights at 0 is the logistic of
 * the logit of the offer's base take-up: a = acceptBase, whoever is asked.
 *
 * The catalogue, outbound only and offered on days 0-6 only, so each subscriber gets exactly one
 * decision that can contact (outbound slots come every 7 days, staggered) in a pristine state:
 * - `save-sms` (sms, cost k_s = 1): a retention offer, taken with a_r = 0.8, costing the operator
 *   c = 4 on acceptance and lowering the hazard to h x (1 - r), r = 0.6, for 365 days. It brings
 *   no money at all on the day: it pays only later, by the churn it avoids;
 * - `content-push` (app push, cost k_p = 0.1, half the base has consented): +q = 2 a month for
 *   good, taken with a_u = 0.5; it does not change the hazard;
 * - `discount-sms` (sms): 5 off a month for good, taken with 0.9, no retention: a pure loss.
 *
 * The value of an action is the oracle's objective over its horizon H (180 days here): the
 * margin m = 0.6 of the monthly price p, paid on every day the customer is still there, in
 * expectation. A customer decided on today meets today's churn draw after the contact, so day t
 * of the look-ahead (t = 1..H) is paid with probability (1 - h)^t, and the expected paid days are
 *
 *   E(h) = sum_{t=1..H} (1 - h)^t = (1 - h) (1 - (1 - h)^H) / h.
 *
 * (The oracle re-reads the hazard every 91 days; with a constant hazard the pieces add up to
 * exactly this sum.) Relative to doing nothing, with D = DAYS_PER_MONTH days a month:
 *
 *   no action:     0
 *   save-sms:      a_r (p m / D (E(h (1 - r)) - E(h)) - c) - k_s
 *   content-push:  a_u q m / D E(h) - k_p
 *   discount-sms:  -0.9 x 5 m / D E(h) - k_s   (always < 0)
 *
 * so the best action depends on the subscriber's latent hazard h and price p only: the save
 * offer for customers likely to leave, the paid add-on for the loyal ones who consented to push,
 * and nothing for loyal customers without push consent, for whom the save offer is not worth
 * its cost. The state keeps prices and the retention factor in Float32Arrays, so the new price
 * p + q is Math.fround(p + q) and the factor Math.fround(1 - r): the closed form below says so.
 */
const SAVE = { cost: 4, acceptBase: 0.8, retention: 0.6 };
const UPSELL = { price: 2, acceptBase: 0.5 };
const DISCOUNT = { discount: 5, acceptBase: 0.9 };
const SMS_COST = 1;
const PUSH_COST = 0.1;
const MARGIN = 0.6;
const HORIZON_DAYS = 180;
const LAST_OFFER_DAY = 6;

function knownAnswerScenario(subscribers: number) {
  return parseScenarioObject("known-answer-world", {
    name: "known-answer-world",
    seed: 11,
    horizonDays: HORIZON_DAYS,
    warmupDays: 0,
    population: {
      size: subscribers,
      regions: 1,
      plans: {
        prepaid: { share: 1, arpuPerMonth: 34, arpuSpread: 0.3, baseChurnPerMonth: 0.05 },
        postpaid: { share: 0 },
        broadband: { share: 0 },
        tv: { share: 0 },
      },
      grossAddsPerMonth: 0,
      responseTypes: { persuadable: 1, sureThing: 0, lostCause: 0, sleepingDog: 0 },
      financiallyFragileShare: 0,
      consent: { sms: 1, email: 0, "outbound-call": 0, "app-push": 0.5 },
      channelPreferenceSpread: 0,
    },
    churn: {
      seasonalAmplitude: 0,
      typeMultiplier: { persuadable: 1 },
      newCustomerMultiplier: 1,
      dissatisfactionWeight: 0,
      annoyanceWeight: 0,
      cancellationCallShare: 0,
      naturalReturnPerYear: 0,
    },
    network: { problemsPerDay: 0, incidentsPerRegionPerMonth: 0 },
    life: { movesPerYear: 0, tripsPerYear: 0, difficultyPerYear: 0, deviceBreaksPerYear: 0, renewalsPerYearOutOfContract: 0, billShockThreshold: 100 },
    inbound: { contactsPerMonth: 0 },
    response: { affinityWeight: 0, needWeight: 0, priceWeight: 0, discountWeight: 0, problemContextPenalty: 0, overdueDevicePenalty: 0, annoyanceWeight: 0 },
    salience: { boost: 0 },
    goodwill: { perWelcomeContact: 0 },
    channels: { sms: SMS_COST, "app-push": PUSH_COST },
    economics: { marginShare: MARGIN },
    objective: { preset: "nba", weights: { annoyance: 0, experience: 0 }, oracleHorizonDays: HORIZON_DAYS },
    offers: [
      { id: "save-sms", program: "retention", category: "loyalty", channel: "sms", ...SAVE, effectDays: 365, availableToDay: LAST_OFFER_DAY },
      { id: "content-push", program: "upsell", category: "content", channel: "app-push", ...UPSELL, priceMonths: 0, availableToDay: LAST_OFFER_DAY },
      { id: "discount-sms", program: "retention", category: "discount", channel: "sms", ...DISCOUNT, discountMonths: 0, availableToDay: LAST_OFFER_DAY },
    ],
  });
}

/** Expected paid days among the next H at a constant daily hazard h. */
function expectedPaidDays(h: number): number {
  return ((1 - h) * (1 - Math.pow(1 - h, HORIZON_DAYS))) / h;
}

/** The closed-form value of each action (index order of the catalogue: none, save, push, discount). */
function knownValues(hazardPerDay: number, pricePerMonth: number): number[] {
  const perDay = (money: number) => (money * MARGIN) / DAYS_PER_MONTH;
  const stays = expectedPaidDays(hazardPerDay);
  const staysIfSaved = expectedPaidDays(hazardPerDay * Math.fround(1 - SAVE.retention));
  return [
    0,
    SAVE.acceptBase * (perDay(pricePerMonth) * (staysIfSaved - stays) - SAVE.cost) - SMS_COST,
    UPSELL.acceptBase * perDay(Math.fround(pricePerMonth + UPSELL.price) - pricePerMonth) * stays - PUSH_COST,
    DISCOUNT.acceptBase * perDay(Math.fround(pricePerMonth - DISCOUNT.discount) - pricePerMonth) * stays - SMS_COST,
  ];
}

const ACTION_IDS = ["none", "save-sms", "content-push", "discount-sms"];

/** Takes `actionId` whenever it is eligible, else nothing. */
function always(actionId: string): PolicyDefinition {
  return {
    name: `always-${actionId}`,
    description: `takes ${actionId} whenever it is eligible`,
    create(context) {
      const count = context.actions.length;
      const action = context.actions.findIndex((info) => info.id === actionId);
      return {
        decide(batch, output) {
          const eligible = batch.eligibility();
          for (let row = 0; row < batch.size; row++) {
            const take = eligible[row * count + action] === 1 ? action : NO_ACTION;
            output.probabilities[row * count + take] = 1;
            output.chosen[row] = take;
          }
        },
      };
    },
  };
}

/** The push add-on where the customer consented to push, else the save offer: sensible, wrong for some. */
const pushElseSave: PolicyDefinition = {
  name: "push-else-save",
  description: "the push add-on where allowed, else the save offer",
  create(context) {
    const count = context.actions.length;
    return {
      decide(batch, output) {
        const eligible = batch.eligibility();
        for (let row = 0; row < batch.size; row++) {
          const take = eligible[row * count + 2] === 1 ? 2 : eligible[row * count + 1];
          output.probabilities[row * count + take] = 1;
          output.chosen[row] = take;
        }
      },
    };
  },
};

describe("a known-answer world: the best policy is known in closed form", () => {
  it("the oracle values every eligible action as the closed form does and takes exactly the best one", () => {
    const scenario = knownAnswerScenario(1500);
    const environment = createEnvironment(scenario, { seed: 11, agentName: oracle.name });
    const context = environment.policyContext(oracle);
    const policy = oracle.create(context);
    const { state } = environment.simulation;
    const best = [0, 0, 0, 0];
    let contactRows = 0;
    const contacted = new Set<number>();
    for (let observation = environment.reset(); ; ) {
      const { batch, output } = observation;
      const eligible = batch.eligibility();
      const count = batch.actions.length;
      expect(batch.actions.map((action) => action.id).slice(1)).toEqual(ACTION_IDS.slice(1));
      // The closed form, from the latent state as it stands before today's contacts.
      // After day 6 nothing but "no action" is eligible, and the closed form is not needed.
      const answers = Array.from({ length: batch.size }, (_, row) => {
        const i = batch.subscriber[row];
        if (batch.moment[row] !== MOMENT_OUTBOUND) expect.fail(`day ${batch.day}, row ${row}: moment ${batch.moment[row]}, expected only outbound slots`);
        if (batch.day > LAST_OFFER_DAY) return { values: [0], bestAction: NO_ACTION };
        // A pristine customer: never offered anything before.
        expect(state.retentionUntilDay[i]).toBeLessThan(batch.day);
        const values = knownValues(state.hazardPerDay[i], state.planPricePerMonth[i]);
        let bestAction = NO_ACTION;
        for (let a = 1; a < count; a++) if (eligible[row * count + a] === 1 && values[a] > values[bestAction]) bestAction = a;
        return { values, bestAction };
      });
      policy.decide(batch, output);
      for (let row = 0; row < batch.size; row++) {
        const { values, bestAction } = answers[row];
        let offers = 0;
        for (let a = 1; a < count; a++) {
          if (eligible[row * count + a] === 0) continue;
          offers++;
          const oracleValue = context.world!.expectedValue(batch, row, a, HORIZON_DAYS);
          if (Math.abs(oracleValue - values[a]) > 1e-9 * Math.max(1, Math.abs(values[a]))) {
            expect.fail(`day ${batch.day}, row ${row}, ${ACTION_IDS[a]}: the oracle values it ${oracleValue}, the closed form ${values[a]}`);
          }
        }
        if (output.chosen[row] !== bestAction) {
          expect.fail(`day ${batch.day}, row ${row}: the oracle took ${ACTION_IDS[output.chosen[row]]}, the best is ${ACTION_IDS[bestAction]} (values ${values.join(", ")})`);
        }
        if (offers > 0) {
          contacted.add(batch.subscriber[row]);
          contactRows++;
          best[bestAction]++;
        } else if (batch.day <= LAST_OFFER_DAY) expect.fail(`day ${batch.day}, row ${row}: no offer eligible in the offer week`);
      }
      const step = environment.step(output);
      if (step.done) break;
      observation = step.observation!;
    }
    // Every subscriber still there on their slot day had one decision that could contact, and the
    // world is built so that each of "nothing", the save offer and the push add-on is the best
    // answer for many of them.
    expect(contacted.size).toBe(contactRows);
    expect(contactRows).toBeGreaterThan(1450);
    expect(best[0]).toBeGreaterThan(50);
    expect(best[1]).toBeGreaterThan(50);
    expect(best[2]).toBeGreaterThan(50);
    expect(best[3]).toBe(0);
  });

  it("the oracle makes more realised value than every alternative, seed by seed", () => {
    const scenario = knownAnswerScenario(3000);
    // The closest rivals are always-save-sms and push-else-save: on seeds 1-3 the oracle beats them
    // by 0.57-1.03 and 0.34-0.69 per customer (on seeds 4-20, by at least 0.26 and 0.19).
    const rivals = [noContact, random, always("save-sms"), always("content-push"), always("discount-sms"), pushElseSave];
    /** Margin on the revenue billed during the run, less offer and contact costs, per customer. */
    const realisedValue = (policy: PolicyDefinition, seed: number) => {
      const { all } = simulateReplicate({ scenario, policy, rootSeed: seed, replicate: 0 }).groups;
      return (MARGIN * all.revenue - all.offerCost) / scenario.population.size;
    };
    for (const seed of [1, 2, 3]) {
      const best = realisedValue(oracle, seed);
      for (const rival of rivals) {
        const value = realisedValue(rival, seed);
        if (!(best > value)) expect.fail(`seed ${seed}: the oracle made ${best} per customer, ${rival.name} ${value}`);
      }
    }
  });
});
