import { describe, expect, it } from "vitest";
import { NEW_OFFER_MAX_SHARE, NEW_OFFER_START_SHARE, NewOfferExploration } from "../../src/learning/new-offer-exploration.js";
import type { PropensityModels } from "../../src/learning/propensity-models.js";
import type { ActionInfo, FeedbackBatch } from "../../src/policy/policy.js";
import { createStream } from "../../src/random/random-stream.js";
import { OUTCOME_ACCEPT, OUTCOME_DECLINE } from "../../src/scenario/vocabulary.js";
import { loadScenario } from "../../src/scenario/load-scenario.js";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { buildActionCatalogue } from "../../src/engine/action-catalogue.js";
import { propensityNbo } from "../../policies/propensity-nbo.js";

const action = (index: number, id: string): ActionInfo => ({
  index, id, program: index === 0 ? null : "device", category: index === 0 ? null : "device", channel: index === 0 ? null : "email",
  price: 0, priceMonths: 0, discount: 0, discountMonths: 0, cost: 0, contactCost: 0.1, contractMonths: 0, targetsChurned: false,
});
const actions = [action(0, "no-action"), action(1, "known"), action(2, "launch")];
/** Action 2 is unseen: no logged contacts; its prior is the category's 4 % acceptance, 0.5 annoyance cost a contact. */
const models = {
  acceptanceLearned: Uint8Array.of(0, 1, 0),
  acceptancePrior: Float64Array.of(0, 0.04, 0.04),
  experienceCost: Float64Array.of(0, 0.5, 0.5),
  loggedContacts: Float64Array.of(0, 500, 0),
  loggedAccepts: Float64Array.of(0, 20, 0),
} as unknown as PropensityModels;
/** Deal money 100: the launch pays when its acceptance beats (0.1 + 0.5) / 100 = 0.6 %. */
const money = Float64Array.of(0, 100, 100);

function feedback(accepted: number, declined: number): FeedbackBatch {
  const size = accepted + declined;
  return {
    day: 0, size, subscriber: new Int32Array(size), action: new Int32Array(size).fill(2),
    outcome: Uint8Array.from({ length: size }, (_, k) => (k < accepted ? OUTCOME_ACCEPT : OUTCOME_DECLINE)),
    reward: Float64Array.from({ length: size }, (_, k) => (k < accepted ? 100 : 0) - 0.1),
    value: Float64Array.from({ length: size }, (_, k) => (k < accepted ? 100 : 0) - 0.1 - 0.5),
    churned: new Int32Array(0), churnedValue: new Float64Array(0),
  };
}

describe("new offers explored, not pushed", () => {
  it("starts an unseen offer at a small share, grows it with evidence that it pays and drops it with evidence that it does not", () => {
    const good = new NewOfferExploration(models, actions, 1, money);
    expect(good.unseen).toEqual(Uint8Array.of(0, 0, 1));
    expect(good.share[1]).toBe(0);
    expect(good.share[2]).toBeGreaterThan(0);
    expect(good.share[2]).toBeLessThanOrEqual(NEW_OFFER_START_SHARE);
    good.observe(feedback(8, 92));
    expect(good.share[2]).toBeGreaterThan(3 * NEW_OFFER_START_SHARE);
    good.observe(feedback(40, 460));
    expect(good.share[2]).toBeCloseTo(NEW_OFFER_MAX_SHARE, 3);
    expect(good.acceptance(2)).toBeCloseTo((20 * 0.04 + 48) / (20 + 600), 10);

    const bad = new NewOfferExploration(models, actions, 1, money);
    bad.observe(feedback(0, 1000));
    expect(bad.share[2]).toBeLessThan(0.002);
  });

  it("writes a distribution that sums to 1 and draws from exactly it (the logged propensity is the true one)", () => {
    const explorer = new NewOfferExploration(models, actions, 1, money);
    explorer.observe(feedback(8, 92));
    const random = createStream(5, "test/new-offer");
    const draws = 40_000;
    let explored = 0;
    for (let k = 0; k < draws; k++) {
      const probabilities = Float64Array.of(0, 1, 0);
      const chosen = explorer.mix(probabilities, 0, 1, () => true, random);
      expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 12);
      expect(probabilities[chosen]).toBeGreaterThan(0);
      expect(probabilities[2]).toBe(explorer.share[2]);
      if (chosen === 2) explored++;
    }
    const share = explorer.share[2];
    expect(Math.abs(explored / draws - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / draws));
    const untouched = Float64Array.of(0, 1, 0);
    expect(explorer.mix(untouched, 0, 1, (a) => a !== 2, random)).toBe(1);
    expect(untouched).toEqual(Float64Array.of(0, 1, 0));
  });

  it("propensity-nbo tries a launched offer on a small share of the decisions where it is eligible, instead of contacting everyone with it", async () => {
    const { scenario } = loadScenario("scenarios/flagship-device-launch.yaml");
    const small = { ...scenario, horizonDays: 100, population: { ...scenario.population, size: 2000 }, training: { ...scenario.training, historyDays: 60 } };
    const result = await runReplicate({ scenario: small, policy: propensityNbo, rootSeed: 4, replicate: 0, keepLog: true });
    const log = result.log!;
    const { actions: catalogue } = buildActionCatalogue(small);
    const launch = catalogue.findIndex((candidate) => candidate.id === "flagship-launch-email");
    const actionCount = catalogue.length;
    let eligible = 0;
    let made = 0;
    for (let row = 0; row < log.size; row++) {
      if (log.eligible[row * actionCount + launch] !== 1) continue;
      eligible++;
      if (log.action[row] === launch) {
        made++;
        expect(log.propensity[row]).toBeLessThanOrEqual(NEW_OFFER_MAX_SHARE);
      }
    }
    expect(eligible).toBeGreaterThan(1000);
    expect(made).toBeGreaterThan(0);
    expect(made / eligible).toBeLessThan(NEW_OFFER_MAX_SHARE);
  }, 120_000);
});
