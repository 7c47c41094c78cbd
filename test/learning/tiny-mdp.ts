import type { DqnSettings } from "../../src/learning/dqn-settings.js";
import type { ActionInfo, DecisionBatch, FeedbackBatch, PolicyDefinition, PrepareContext, TrainingRun } from "../../src/policy/policy.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { createStream } from "../../src/random/random-stream.js";

/**
 * A tiny customer MDP whose best policy is known exactly, spoken through the policy contract
 * (decision batches, feedback with `value` and `churned`), so that an agent trains on it as it
 * would in the simulator. Every customer is decided on once a day, in one of four states:
 *
 * - new:      none (stays new) | nurture: costs 1 today, the customer becomes engaged;
 * - engaged:  none (stays) | upsell: +4 today, done;
 * - at-risk:  none: leaves today with probability 1/2 (losing the customer costs 8), else stays
 *             at risk | upsell: +2 today, then leaves or stays as after none | save: costs 1
 *             today, the customer is safe (done);
 * - done:     nothing but none; each day a done customer is at risk again with probability 0.1.
 *
 * A customer who leaves is replaced the next day, under the same index, by a new customer (new
 * or at risk, half and half), so that every state keeps being visited.
 *
 * Nurture is a contact that pays only later (through the upsell it unlocks), and save pays only
 * by the loss it avoids: a myopic agent does nothing with new customers and upsells those at
 * risk; the best long-run policy (discount 0.9 a day) nurtures, upsells and saves.
 */
export const TINY_STATES = ["new", "engaged", "at-risk", "done"] as const;
export const TINY_ACTIONS = ["none", "nurture", "upsell", "save"] as const;
export const TINY_FEATURES = ["bias", "isNew", "isEngaged", "isAtRisk", "isDone"] as const;
export const TINY_GAMMA = 0.9;
const NEW = 0;
const ENGAGED = 1;
const AT_RISK = 2;
const DONE = 3;
const LEAVE_PROBABILITY = 0.5;
const CHURN_COST = 8;
const RELAPSE_PROBABILITY = 0.1;

/** Eligible actions per state. */
export const TINY_ELIGIBLE: readonly (readonly number[])[] = [[0, 1], [0, 2], [0, 2, 3], [0]];

/**
 * One step: today's value, the next state, and the chance of leaving today instead; from done,
 * the next state is at risk with probability RELAPSE_PROBABILITY (else done).
 */
function step(state: number, action: number): { value: number; next: number; leave: number } {
  if (state === NEW) return action === 1 ? { value: -1, next: ENGAGED, leave: 0 } : { value: 0, next: NEW, leave: 0 };
  if (state === ENGAGED) return action === 2 ? { value: 4, next: DONE, leave: 0 } : { value: 0, next: ENGAGED, leave: 0 };
  if (state === AT_RISK) {
    if (action === 3) return { value: -1, next: DONE, leave: 0 };
    return { value: action === 2 ? 2 : 0, next: AT_RISK, leave: LEAVE_PROBABILITY };
  }
  return { value: 0, next: DONE, leave: 0 };
}

/** Q*(state, action) by value iteration (NaN where the action is not eligible). */
export function tinyOptimalQ(gamma = TINY_GAMMA): number[][] {
  let v = [0, 0, 0, 0];
  let q: number[][] = [];
  for (let sweep = 0; sweep < 2000; sweep++) {
    q = TINY_STATES.map((_, s) =>
      TINY_ACTIONS.map((_, a) => {
        if (!TINY_ELIGIBLE[s].includes(a)) return Number.NaN;
        const { value, next, leave } = step(s, a);
        const nextValue = s === DONE ? RELAPSE_PROBABILITY * v[AT_RISK] + (1 - RELAPSE_PROBABILITY) * v[DONE] : v[next];
        return value - leave * CHURN_COST + (1 - leave) * gamma * nextValue;
      }),
    );
    v = q.map((row) => Math.max(...row.filter((x) => !Number.isNaN(x))));
  }
  return q;
}

/** The best action per state under Q (ties: the lowest index). */
export function bestActions(q: readonly (readonly number[])[]): number[] {
  return q.map((row) => row.reduce((best, x, a) => (!Number.isNaN(x) && x > row[best] ? a : best), 0));
}

/** One-hot features of a state. */
export function tinyFeatures(state: number): Float32Array {
  const features = new Float32Array(TINY_FEATURES.length);
  features[0] = 1;
  features[1 + state] = 1;
  return features;
}

const ACTIONS: ActionInfo[] = TINY_ACTIONS.map((id, index) => ({
  index,
  id,
  program: null,
  category: null,
  channel: null,
  price: 0,
  priceMonths: 0,
  discount: 0,
  discountMonths: 0,
  cost: 0,
  contactCost: 0,
  contractMonths: 0,
  targetsChurned: false,
}));

/** A PrepareContext whose training worlds are the tiny MDP: `customers` customers, starting in each state but done alike. */
export function tinyPrepareContext(seed: number, customers: number): PrepareContext {
  return {
    scenario: {} as Scenario,
    actions: ACTIONS,
    featureNames: TINY_FEATURES,
    objective: { revenue: 1, retainedValue: 1, annoyance: 0, experience: 0 },
    replicate: 0,
    random: createStream(seed, "tiny-mdp/prepare"),
    simulateTraining: (behaviour, days, episode) => simulateTiny(behaviour, days, createStream(seed, `tiny-mdp/episode:${episode}`), customers),
    countExperience: () => undefined,
  };
}

/** Runs `definition` for `days` days in the tiny world of `customers` customers, exploring with `random`. */
export function simulateTiny(definition: PolicyDefinition, days: number, random: ReturnType<typeof createStream>, customers: number): TrainingRun {
  const actionCount = ACTIONS.length;
  const state = Int32Array.from({ length: customers }, (_, i) => i % 3);
  const policy = definition.create({
    scenario: {} as Scenario,
    actions: ACTIONS,
    featureNames: TINY_FEATURES,
    objective: { revenue: 1, retainedValue: 1, annoyance: 0, experience: 0 },
    subscriberCount: customers,
    random: createStream(0, `${random.path}/policy`),
  });
  let total = 0;
  for (let day = 0; day < days; day++) {
    const subscriber = Int32Array.from({ length: customers }, (_, i) => i);
    const size = subscriber.length;
    const features = new Float32Array(size * TINY_FEATURES.length);
    const eligible = new Uint8Array(size * actionCount);
    subscriber.forEach((i, row) => {
      features.set(tinyFeatures(state[i]), row * TINY_FEATURES.length);
      for (const a of TINY_ELIGIBLE[state[i]]) eligible[row * actionCount + a] = 1;
    });
    const batch: DecisionBatch = { day, size, subscriber, moment: new Uint8Array(size), actions: ACTIONS, featureNames: TINY_FEATURES, features: () => features, eligibility: () => eligible };
    const output = { probabilities: new Float64Array(size * actionCount), chosen: new Int32Array(size) };
    policy.decide(batch, output);
    const value = new Float64Array(size);
    const churned: number[] = [];
    subscriber.forEach((i, row) => {
      const outcome = step(state[i], output.chosen[row]);
      value[row] = outcome.value;
      total += outcome.value;
      if (random.next() < outcome.leave) {
        churned.push(i);
        total -= CHURN_COST;
        state[i] = random.next() < 0.5 ? NEW : AT_RISK;
      } else if (state[i] === DONE) state[i] = random.next() < RELAPSE_PROBABILITY ? AT_RISK : DONE;
      else state[i] = outcome.next;
    });
    const feedback: FeedbackBatch = {
      day,
      size,
      subscriber,
      action: Int32Array.from(output.chosen),
      outcome: new Uint8Array(size),
      reward: value,
      value,
      churned: Int32Array.from(churned),
      churnedValue: new Float64Array(churned.length).fill(CHURN_COST),
    };
    policy.feedback?.(feedback);
  }
  return { netValuePerSub: total / customers, churnRateMonthly: 0, customerDays: customers * days, decisions: customers * days };
}

/** The DQN's hyper-parameters sized for the tiny world (a decision a day, discount TINY_GAMMA a day); tests override the schedule. */
export const TINY_DQN_SETTINGS: DqnSettings = {
  episodes: 12,
  episodeDays: 20,
  maxSubscribers: 300,
  hiddenSizes: [16],
  dailyGamma: TINY_GAMMA,
  rewardScale: 4,
  replayCapacity: 50_000,
  batchSize: 64,
  learningRate: 3e-3,
  targetSyncSteps: 50,
  huberDelta: 1,
  gradientStepsPerDay: 16,
  minReplay: 500,
  epsilonStart: 1,
  epsilonEnd: 0.3,
  demonstrationEpisodes: 0,
  demonstrationEpsilon: 0.3,
  demonstrationMargin: 0.25,
  marginWeightStart: 0,
  marginWeightEnd: 0,
};

