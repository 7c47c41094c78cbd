import { describe, expect, it } from "vitest";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { linucb } from "../../policies/linucb.js";
import { thompson } from "../../policies/thompson.js";
import { dqn } from "../../policies/dqn.js";
import type { PolicyDefinition } from "../../src/policy/policy.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { baselineWith } from "../world/baseline-scenario.js";

/**
 * A world where over-contact raises churn: annoyance weighs three times as much on the churn
 * hazard, a contact annoys more, outbound slots come every 2 days and the contact policy
 * hardly limits them. The myopic bandits see only each deal's money; the DQN sees churn.
 */
function overContactScenario(subscribers: number): Scenario {
  const base = baselineWith({ subscribers, days: 365 });
  return {
    ...base,
    churn: { ...base.churn, annoyanceWeight: 3 },
    annoyance: { ...base.annoyance, perContact: 0.6 },
    outbound: { ...base.outbound, slotEveryDays: 2 },
    contactPolicy: { ...base.contactPolicy, maxContactsPerWeek: 12, maxContactsPerMonth: 12, ignoredLimit: 0 },
    training: { ...base.training, episodes: 3, episodeDays: 90, rlMaxSubscribers: 600 },
  };
}

const SEEDS = [0, 1, 2];
const ROOT_SEED = 20261122;

async function netValuePerSub(policy: PolicyDefinition, scenario: Scenario, replicate: number): Promise<number> {
  const result = await runReplicate({ scenario, policy, rootSeed: ROOT_SEED, replicate });
  return result.groups.all.netValuePerSub;
}

describe("dqn where over-contact raises churn", () => {
  it("beats linucb and thompson on 12-month net value per subscriber on each of 3 seeds", async () => {
    const scenario = overContactScenario(600);
    for (const replicate of SEEDS) {
      const [learned, ucb, sampled] = [
        await netValuePerSub(dqn, scenario, replicate),
        await netValuePerSub(linucb, scenario, replicate),
        await netValuePerSub(thompson, scenario, replicate),
      ];
      const where = `root seed ${ROOT_SEED}, replicate ${replicate}: dqn ${learned.toFixed(1)}, linucb ${ucb.toFixed(1)}, thompson ${sampled.toFixed(1)}`;
      expect(learned, where).toBeGreaterThan(ucb + 50);
      expect(learned, where).toBeGreaterThan(sampled + 50);
    }
  }, 300_000);

  it("makes identical decisions for identical seeds (training included)", async () => {
    const scenario = { ...overContactScenario(400), horizonDays: 60 };
    const decisions = async () => {
      const { log } = await runReplicate({ scenario, policy: dqn, rootSeed: ROOT_SEED, replicate: 4, keepLog: true });
      return { size: log!.size, action: Array.from(log!.action.subarray(0, log!.size)), subscriber: Array.from(log!.subscriber.subarray(0, log!.size)) };
    };
    const first = await decisions();
    expect(first.size).toBeGreaterThan(0);
    expect(await decisions()).toEqual(first);
  }, 120_000);
});
