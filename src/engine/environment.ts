import type { DecisionOutput, FeedbackBatch, LearningCurve, Policy, PolicyContext, PolicyDefinition } from "../policy/policy.js";
import { PolicyError } from "../policy/policy-error.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { DecisionLog } from "../log/decision-log.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";
import { createReplicateSimulation, type ReplicateSimulation } from "./replicate-simulation.js";
import { stepDay, type Observation } from "./step-day.js";
import { summarizeReplicate } from "./summarize-replicate.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { policyContextFor } from "./policy-context.js";
import { FeedbackBuffers } from "./feedback-buffers.js";

export type { Observation } from "./step-day.js";

export interface EnvironmentOptions {
  /** Root seed of every random stream (the scenario's `seed` when left out). */
  readonly seed?: number;
  /** Replicate index: replicate K of a root seed is the same world whatever the agent does. */
  readonly replicate?: number;
  /** The agent's name: it names the agent's random stream and appears in errors and results. */
  readonly agentName?: string;
  /** Keep the decision log in memory (propensities and outcomes of every decision). */
  readonly keepLog?: boolean;
  /** Stream the decision log into a dataset folder, partition policy=AGENT/seed=REPLICATE. */
  readonly logTo?: DecisionLogTarget;
}

/** What `step` returns: the day's feedback, and the next day's observation unless the horizon is reached. */
export interface StepResult {
  /** Rows match the observation's batch; valid until the next call of `step`. */
  readonly feedback: FeedbackBatch;
  readonly done: boolean;
  readonly observation: Observation | null;
}

/**
 * One replicate of a scenario as a Gym-style environment: `reset()` runs the warm-up and returns
 * day 0's observation (the decision batch); `step(decisions)` applies the agent's answer, runs the
 * rest of the day and the next day's morning, and returns the feedback and the next observation.
 * The order of a day is fixed by the engine's `stepDay`; `offersim run` drives the same object.
 */
export interface Environment {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replicate: number;
  readonly subscriberCount: number;
  readonly horizonDays: number;
  /** The context to create a policy with, for this environment (its own random stream). */
  policyContext(definition: Pick<PolicyDefinition, "name" | "privileged">, prepared?: unknown): PolicyContext;
  /** Runs the warm-up and returns day 0's observation. Call once. */
  reset(): Observation;
  /** The same, one warm-up day at a time (yields each day run), for callers that report progress. */
  resetStepwise(): Generator<number, Observation, void>;
  /**
   * Applies the day's decisions: `observation.output` as the agent filled it, or arrays of the
   * same shape. Throws a PolicyError when they break the contract (not a distribution, an
   * ineligible action, a chosen action with probability 0).
   */
  step(decisions: DecisionOutput): StepResult;
  /**
   * The replicate's KPIs once `step` has returned done. The first call runs the value tail
   * (economics.tailMonths of the world under no contact, docs/kpis.md), which moves the
   * simulation's state past the horizon.
   */
  result(learningCurve?: LearningCurve | null): ReplicateResult & { log: DecisionLog | null };
  /** The simulation behind the environment, latent state included: for tests and benchmarks. */
  readonly simulation: ReplicateSimulation;
}

/** Creates the environment of one replicate of `scenario`. */
export function createEnvironment(scenario: Scenario, options: EnvironmentOptions = {}): Environment {
  const seed = options.seed ?? scenario.seed;
  const replicate = options.replicate ?? 0;
  const agentName = options.agentName ?? "agent";
  const started = performance.now();
  const sim = createReplicateSimulation({ scenario, rootSeed: seed, replicate, policyName: agentName, keepLog: options.keepLog, logTo: options.logTo });
  let day = sim.params.firstDay;
  let today: Generator<Observation, FeedbackBatch | null, void> | null = null;
  let current: Observation | null = null;
  let finished = false;
  let summary: ReturnType<typeof summarizeReplicate> | null = null;
  const feedbackBuffers = new FeedbackBuffers();

  /** Runs days until the next live day's observation (null past the horizon). */
  function* advance(): Generator<number, Observation | null, void> {
    for (; day < scenario.horizonDays; day++) {
      const generator = stepDay(sim, day);
      const next = generator.next();
      if (!next.done) {
        today = generator;
        return next.value;
      }
      yield day;
    }
    return null;
  }

  const environment: Environment = {
    scenario,
    seed,
    replicate,
    subscriberCount: sim.state.count,
    horizonDays: scenario.horizonDays,
    simulation: sim,
    policyContext(definition, prepared) {
      return policyContextFor(sim, definition, prepared);
    },
    reset() {
      const days = environment.resetStepwise();
      for (let next = days.next(); ; next = days.next()) if (next.done) return next.value;
    },
    *resetStepwise() {
      if (day !== sim.params.firstDay || current) throw new Error("reset() may be called once per environment");
      const observation = yield* advance();
      if (!observation) throw new Error(`scenario ${scenario.name} has no live day (horizonDays ${scenario.horizonDays})`);
      current = observation;
      return observation;
    },
    step(decisions) {
      if (!current || !today) throw new Error(finished ? "step() after the horizon: the episode is done" : "step() before reset()");
      copyDecisions(decisions, current.output, agentName, current.day);
      // Copied out of the workspace before the next morning reuses it.
      const feedback = feedbackBuffers.keep(today.next().value as FeedbackBatch);
      day++;
      const days = advance();
      let next = days.next();
      while (!next.done) next = days.next();
      current = next.value;
      finished = current === null;
      return { feedback, done: finished, observation: current };
    },
    result(learningCurve = null) {
      if (!finished) throw new Error("result() before the horizon: step() until done");
      summary ??= summarizeReplicate(sim); // runs the value tail: once
      return { ...summary, wallSeconds: (performance.now() - started) / 1000, learningCurve, log: sim.log };
    },
  };
  return environment;
}

/** The agent may answer in the observation's own buffers or in arrays of the same shape. */
function copyDecisions(decisions: DecisionOutput, into: DecisionOutput, agentName: string, day: number): void {
  if (decisions.probabilities === into.probabilities && decisions.chosen === into.chosen) return;
  if (decisions.probabilities.length !== into.probabilities.length || decisions.chosen.length !== into.chosen.length) {
    throw new PolicyError(agentName, `step() on day ${day} got ${decisions.chosen.length} decisions and ${decisions.probabilities.length} probabilities, expected ${into.chosen.length} and ${into.probabilities.length}`);
  }
  into.probabilities.set(decisions.probabilities);
  into.chosen.set(decisions.chosen);
}

/**
 * One day of an agent loop: the policy decides on the observation, the environment steps, the
 * policy gets the feedback. Returns the step's result. A policy that throws fails with a
 * PolicyError naming it and the day.
 */
export function playDay(environment: Environment, policy: Policy, observation: Observation, policyName: string): StepResult {
  try {
    policy.decide(observation.batch, observation.output);
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw new PolicyError(policyName, `decide() threw on day ${observation.day}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = environment.step(observation.output);
  policy.feedback?.(result.feedback);
  return result;
}
