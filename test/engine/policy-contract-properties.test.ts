import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEnvironment } from "../../src/engine/environment.js";
import { runReplicate } from "../../src/engine/run-replicate.js";
import { simulateReplicate } from "../../src/engine/simulate-replicate.js";
import { PolicyError } from "../../src/policy/policy-error.js";
import type { DecisionBatch, DecisionOutput, PolicyDefinition } from "../../src/policy/policy.js";
import type { RandomStream } from "../../src/random/random-stream.js";
import { baselineWith } from "../../src/scenario/baseline-with.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";
import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";

/**
 * Property tests of the policy contract (fast-check): over random small worlds and seeds, the
 * engine accepts exactly the answers that are a distribution over the row's eligible actions
 * with the chosen action given positive probability, and rejects every other answer with a
 * PolicyError naming the policy, the day and the first bad row; and a run replays exactly from
 * its seed. A failing case prints fast-check's `{ seed, path }` to replay it.
 *
 * Every built-in policy is checked; those that train in `prepare` (propensity-nbo, propensity-nba,
 * dqn) get the smallest training the scenario allows and fewer cases.
 */

const BASE = baselineWith();

/** A tiny world: a few hundred subscribers, a short warm-up, up to three weeks, minimal training. */
const tinyWorld = fc.record({
  subscribers: fc.integer({ min: 100, max: 400 }),
  days: fc.integer({ min: 3, max: 21 }),
  warmupDays: fc.integer({ min: 0, max: 20 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  replicate: fc.integer({ min: 0, max: 999 }),
});
type TinyWorld = typeof tinyWorld extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(world: TinyWorld): Scenario {
  return {
    ...BASE,
    seed: world.seed,
    warmupDays: world.warmupDays,
    horizonDays: world.days,
    population: { ...BASE.population, size: world.subscribers },
    training: { ...BASE.training, episodes: 1, episodeDays: 30, maxSubscribers: 200, historyDays: 14, rlMaxSubscribers: 100 },
  };
}

/**
 * The contract, written out independently of the engine's validateDecisions: the first thing
 * wrong with row `row` of an answer, or null when the row is a distribution over eligible actions
 * only (sum 1 within 1e-6) with the chosen action given positive probability.
 */
function contractBreach(output: DecisionOutput, eligible: Uint8Array, actionCount: number, row: number): string | null {
  const p = output.probabilities.subarray(row * actionCount, (row + 1) * actionCount);
  if (!p.every((value) => Number.isFinite(value) && value >= 0)) return "not finite and >= 0";
  const sum = p.reduce((total, value) => total + value, 0);
  if (Math.abs(sum - 1) > 1e-6) return "sum";
  const chosen = output.chosen[row];
  if (!(chosen >= 0 && chosen < actionCount)) return "index";
  if (!(p[chosen] > 0)) return "probability 0";
  if (p.some((value, a) => value > 0 && eligible[row * actionCount + a] === 0)) return "ineligible";
  return null;
}

// --- A fuzzed user policy: arbitrary distributions over the eligible actions, now and then broken.

/** Weights a row gives its eligible actions, in order, cycled; normalised to sum 1 (all zero: "no action"). */
const rowAnswer = fc.array(fc.oneof({ arbitrary: fc.double({ min: 0, max: 10, noNaN: true }), weight: 4 }, { arbitrary: fc.constant(0), weight: 1 }), { minLength: 1, maxLength: 12 });

/** One way to break (or, for "-0", to bend but not break) one row of the day's answer. */
const fault = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("none" as const) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("ineligible" as const), pick: fc.nat(), mass: fc.double({ min: 1e-3, max: 1, noNaN: true }) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("scale" as const),
      // Clear of the engine's 1e-6 tolerance on the sum, on either side, often just clear of it.
      factor: fc.oneof(
        fc.double({ min: 0, max: 1 - 1e-5, noNaN: true }),
        fc.double({ min: 1 + 1e-5, max: 3, noNaN: true }),
        fc.double({ min: 1 - 1e-3, max: 1 - 1e-5, noNaN: true }),
        fc.double({ min: 1 + 1e-5, max: 1 + 1e-3, noNaN: true }),
      ),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("value" as const), pick: fc.nat(), value: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1e-3, -0.5, -0) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("chosen" as const), value: fc.integer({ min: -3, max: 60 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("empty" as const) }), weight: 1 },
);
type Fault = typeof fault extends fc.Arbitrary<infer T> ? T : never;

const dayPlan = fc.record({ answers: fc.array(rowAnswer, { minLength: 1, maxLength: 6 }), fault, faultRow: fc.nat() });
type DayPlan = typeof dayPlan extends fc.Arbitrary<infer T> ? T : never;

/** A day that keeps the contract: nothing broken. */
const validDayPlan: fc.Arbitrary<DayPlan> = fc.record({
  answers: fc.array(rowAnswer, { minLength: 1, maxLength: 6 }),
  fault: fc.constant({ kind: "none" as const }),
  faultRow: fc.constant(0),
});

/** Writes the day's answer from the plan; the chosen action is drawn from the distribution with the policy's own stream. */
function answerDay(plan: DayPlan, batch: DecisionBatch, output: DecisionOutput, draw: RandomStream): void {
  const actionCount = batch.actions.length;
  const eligible = batch.eligibility();
  for (let row = 0; row < batch.size; row++) {
    const offset = row * actionCount;
    const weights = plan.answers[row % plan.answers.length];
    let sum = 0;
    for (let a = 0, k = 0; a < actionCount; a++) {
      if (eligible[offset + a] === 0) continue;
      output.probabilities[offset + a] = weights[k++ % weights.length];
      sum += output.probabilities[offset + a];
    }
    if (sum > 0) for (let a = 0; a < actionCount; a++) output.probabilities[offset + a] /= sum;
    else output.probabilities[offset] = 1; // every eligible action weighed 0: "no action".
    output.chosen[row] = drawAction(output.probabilities.subarray(offset, offset + actionCount), draw.next());
  }
  if (batch.size > 0) breakRow(plan.fault, plan.faultRow % batch.size, batch, output);
}

function drawAction(p: Float64Array, u: number): number {
  let last = 0;
  for (let a = 0, cumulative = 0; a < p.length; a++) {
    if (!(p[a] > 0)) continue;
    cumulative += p[a];
    last = a;
    if (u < cumulative) return a;
  }
  return last;
}

function breakRow(fault: Fault, row: number, batch: DecisionBatch, output: DecisionOutput): void {
  const actionCount = batch.actions.length;
  const p = output.probabilities.subarray(row * actionCount, (row + 1) * actionCount);
  if (fault.kind === "ineligible") {
    const ineligible = [...p.keys()].filter((a) => batch.eligibility()[row * actionCount + a] === 0);
    if (ineligible.length === 0) return;
    p[ineligible[fault.pick % ineligible.length]] = fault.mass;
    const sum = p.reduce((total, value) => total + value, 0);
    for (let a = 0; a < actionCount; a++) p[a] /= sum;
  } else if (fault.kind === "scale") {
    for (let a = 0; a < actionCount; a++) p[a] *= fault.factor;
  } else if (fault.kind === "value") {
    p[fault.pick % actionCount] = fault.value;
  } else if (fault.kind === "chosen") {
    output.chosen[row] = fault.value;
  } else if (fault.kind === "empty") {
    p.fill(0);
  }
}

const FUZZ_NAME = "fuzzed-user-policy";

/**
 * Plays the world with the fuzzed policy until the horizon or the first broken day. Each day,
 * the answer is checked against the contract here first; then the engine must accept the day
 * when every row keeps the contract, and otherwise throw a PolicyError naming the policy, the
 * day and the first row that breaks it.
 */
function playFuzzed(world: TinyWorld, plans: DayPlan[]): { acceptedDays: number; breach: string | null } {
  const environment = createEnvironment(scenarioOf(world), { seed: world.seed, replicate: world.replicate, agentName: FUZZ_NAME });
  const draw = environment.policyContext({ name: FUZZ_NAME }).random;
  let observation = environment.reset();
  for (let k = 0; ; k++) {
    const { batch, output } = observation;
    answerDay(plans[k % plans.length], batch, output, draw);
    const eligible = batch.eligibility();
    let firstBad = -1;
    let breach: string | null = null;
    for (let row = 0; row < batch.size && breach === null; row++) {
      breach = contractBreach(output, eligible, batch.actions.length, row);
      if (breach !== null) firstBad = row;
    }
    if (breach !== null) {
      let error: unknown = null;
      try {
        environment.step(output);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as PolicyError).policy).toBe(FUZZ_NAME);
      expect((error as Error).message).toMatch(new RegExp(`^policy "${FUZZ_NAME}": day ${batch.day}, decision ${firstBad}: `));
      return { acceptedDays: k, breach };
    }
    const step = environment.step(output);
    if (step.done) return { acceptedDays: k + 1, breach: null };
    observation = step.observation!;
  }
}

describe("the policy contract, over random worlds and seeds (fast-check)", () => {
  it("the engine accepts exactly the answers that are distributions over eligible actions with the chosen action given positive probability, and rejects the others with a PolicyError naming the policy, day and row", () => {
    let accepted = 0;
    const breaches = new Map<string, number>();
    fc.assert(
      fc.property(tinyWorld, fc.array(dayPlan, { minLength: 1, maxLength: 8 }), (world, plans) => {
        const outcome = playFuzzed(world, plans);
        accepted += outcome.acceptedDays;
        if (outcome.breach !== null) breaches.set(outcome.breach, (breaches.get(outcome.breach) ?? 0) + 1);
      }),
      { numRuns: 60 },
    );
    // Both sides of the contract were exercised, and most of the five ways of breaking it (not
    // finite or negative, sum, index, chosen with probability 0, ineligible) in every run.
    expect(accepted).toBeGreaterThan(40);
    expect(breaches.size).toBeGreaterThanOrEqual(4);
  });

  it("a run of the fuzzed policy replays exactly from its seed", () => {
    fc.assert(
      fc.property(tinyWorld, fc.array(validDayPlan, { minLength: 1, maxLength: 4 }), (world, plans) => {
        const fuzzed: PolicyDefinition = {
          name: FUZZ_NAME,
          description: "arbitrary valid distributions over the eligible actions",
          create(context) {
            let day = 0;
            return { decide: (batch, output) => answerDay(plans[day++ % plans.length], batch, output, context.random) };
          },
        };
        expectReplays(world, fuzzed);
      }),
      { numRuns: 10 },
    );
  });

  for (const definition of BUILTIN_POLICIES) {
    const trains = definition.prepare !== undefined;
    it(`${definition.name}'s every answer keeps the contract, and a run replays exactly from its seed`, async () => {
      await fc.assert(
        fc.asyncProperty(tinyWorld, async (world) => {
          const run = (policy: PolicyDefinition) => runReplicate({ scenario: scenarioOf(world), policy, rootSeed: world.seed, replicate: world.replicate, keepLog: true });
          const first = await run(keepingTheContract(definition));
          const second = await run(definition);
          expect(withoutTimes(second)).toEqual(withoutTimes(first));
        }),
        { numRuns: trains ? 3 : 8 },
      );
    });
  }
});

/** The definition, with each of its answers held to the contract as written in this file. */
function keepingTheContract(definition: PolicyDefinition): PolicyDefinition {
  return {
    ...definition,
    create(context) {
      const policy = definition.create(context);
      return {
        ...policy,
        decide(batch, output) {
          policy.decide(batch, output);
          const eligible = batch.eligibility();
          for (let row = 0; row < batch.size; row++) {
            const breach = contractBreach(output, eligible, batch.actions.length, row);
            if (breach !== null) expect.fail(`${definition.name}, day ${batch.day}, row ${row}: ${breach}`);
          }
        },
        feedback: policy.feedback?.bind(policy),
        learningCurve: policy.learningCurve?.bind(policy),
      };
    },
  };
}

function expectReplays(world: TinyWorld, definition: PolicyDefinition): void {
  const run = () => simulateReplicate({ scenario: scenarioOf(world), policy: definition, rootSeed: world.seed, replicate: world.replicate, keepLog: true });
  expect(withoutTimes(run())).toEqual(withoutTimes(run()));
}

/** A run's result and decision log, without the wall-clock time. */
function withoutTimes(result: ReturnType<typeof simulateReplicate>) {
  const { wallSeconds: _wallSeconds, log, ...rest } = result;
  const size = log!.size;
  const columns = Object.fromEntries(
    (["day", "subscriber", "moment", "action", "propensity", "outcome", "reward", "acceptProbability", "hazardAfter"] as const).map((name) => [name, Array.from(log![name].subarray(0, size))]),
  );
  return { ...rest, log: columns };
}
