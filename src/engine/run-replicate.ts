import type { PolicyDefinition, PrepareContext, TrainingOptions, TrainingRun } from "../policy/policy.js";
import { PolicyError } from "../policy/policy-error.js";
import { createStream, type RandomStream } from "../random/random-stream.js";
import { drawTrainingEvents } from "./training-events.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { objectiveWeights } from "../scenario/objective-schema.js";
import { buildActionCatalogue } from "./action-catalogue.js";
import { FEATURE_NAMES } from "../world/observation/observe.js";
import { replicateDays, simulateReplicate, type SimulateOptions, type ReplicateResult } from "./simulate-replicate.js";
import type { ReplicateOptions } from "./simulate-replicate.js";
import type { DecisionLog } from "../log/decision-log.js";
import type { PriorExperience } from "../results/replicate-result.js";

/**
 * Training worlds use replicates from here on: streams `replicate:1000000+...`, which no
 * evaluation seed (at most 1000 of them) ever reaches.
 */
export const TRAINING_REPLICATE_BASE = 1_000_000;
const EPISODES_PER_REPLICATE = 1000;

/**
 * One (policy, replicate) task: the policy's offline preparation (training on training seeds),
 * then the evaluation run. Both depend only on the options, so a task gives the same result in
 * any worker.
 */
export async function runReplicate(options: SimulateOptions): Promise<ReplicateResult & { log: DecisionLog | null }> {
  const { prepared, experience } = await preparePolicyWithExperience(options);
  return { ...simulateReplicate({ ...options, prepared }), ...(experience ? { trainingExperience: experience } : {}) };
}

/**
 * The same task for a runner that reports progress or yields between days: `prepare` first, then
 * the run a day at a time (replicateDays); the result comes without the decision log, plain data
 * for the worker boundary.
 */
export async function* replicateTaskDays(options: ReplicateOptions): AsyncGenerator<number, ReplicateResult, void> {
  const { prepared, experience } = await preparePolicyWithExperience(options);
  const days = replicateDays({ ...options, prepared });
  for (let step = days.next(); ; step = days.next()) {
    if (step.done) {
      const { log: _log, ...result } = step.value;
      return experience ? { ...result, trainingExperience: experience } : result;
    }
    yield step.value;
  }
}

/** The policy's `prepare` for this replicate (undefined when it has none); errors become PolicyError. */
export async function preparePolicy(options: ReplicateOptions): Promise<unknown> {
  return (await preparePolicyWithExperience(options)).prepared;
}

/** preparePolicy, and the experience it gained (null without `prepare`, or when it simulated nothing). */
export async function preparePolicyWithExperience(options: ReplicateOptions): Promise<{ prepared: unknown; experience: PriorExperience | null }> {
  if (!options.policy.prepare) return { prepared: undefined, experience: null };
  const counter = experienceCounter();
  const prepared = await prepareSafely(options.policy, prepareContext(options, counter));
  return { prepared, experience: counter.customerDays > 0 || counter.decisions > 0 ? { ...counter } : null };
}

/** A running total of training experience. */
export function experienceCounter(): { customerDays: number; decisions: number } {
  return { customerDays: 0, decisions: 0 };
}

async function prepareSafely(policy: PolicyDefinition, context: PrepareContext): Promise<unknown> {
  try {
    return await policy.prepare!(context);
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw new PolicyError(policy.name, `prepare() threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What a policy's `prepare` (or `offersim train`) gets for (scenario, root seed, replicate, policy). */
export function prepareContext(options: Pick<ReplicateOptions, "scenario" | "rootSeed" | "replicate" | "policy">, counter = experienceCounter()): PrepareContext {
  const { scenario, rootSeed, replicate, policy } = options;
  return {
    scenario,
    actions: buildActionCatalogue(scenario).actions,
    featureNames: FEATURE_NAMES,
    objective: objectiveWeights(scenario.objective),
    replicate,
    random: createStream(rootSeed, `replicate:${replicate}/policy:${policy.name}/prepare`),
    simulateTraining(behaviour: PolicyDefinition, days: number, episode: number, training: TrainingOptions = {}): TrainingRun {
      const trainingReplicate = TRAINING_REPLICATE_BASE + replicate * EPISODES_PER_REPLICATE + (episode % EPISODES_PER_REPLICATE);
      const result = simulateReplicate({
        scenario: trainingScenario(scenario, days, training.maxSubscribers, createStream(rootSeed, `replicate:${trainingReplicate}/training-events`)),
        policy: behaviour,
        rootSeed,
        replicate: trainingReplicate,
      });
      counter.customerDays += result.subscriberDays;
      counter.decisions += result.decisions;
      return { netValuePerSub: result.groups.all.netValuePerSub, churnRateMonthly: result.groups.all.churnRateMonthly, customerDays: result.subscriberDays, decisions: result.decisions };
    },
    countExperience(experience) {
      counter.customerDays += experience.customerDays;
      counter.decisions += experience.decisions;
    },
  };
}

/**
 * The training world stands for the past: the same parameters, the scenario's kinds of
 * scheduled events at times drawn from `eventStream` (drawTrainingEvents; none without a
 * stream), a capped base, and the catalogue as it is on day 0: an offer launched later (`availableFromDay` > 0) is
 * not in it, so models trained on history have never seen it. It runs no value tail
 * (`economics.tailMonths` 0): training reads the days it simulates, and a learning curve's net
 * value per subscriber is annuitised at the episode's end, which keeps an episode cheap.
 */
export function trainingScenario(scenario: Scenario, days: number, maxSubscribers = scenario.training.maxSubscribers, eventStream?: RandomStream): Scenario {
  return {
    ...scenario,
    horizonDays: days,
    events: eventStream ? drawTrainingEvents(scenario.events, days, eventStream) : [],
    economics: { ...scenario.economics, tailMonths: 0 },
    offers: scenario.offers.map((offer) => (offer.availableFromDay > 0 ? { ...offer, availableFromDay: days, availableToDay: days } : offer)),
    population: { ...scenario.population, size: Math.min(scenario.population.size, scenario.training.maxSubscribers, maxSubscribers) },
  };
}
