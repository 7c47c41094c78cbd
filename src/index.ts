// The public API of the offersim package (`import { ... } from "offersim"`): what a policy
// needs, the contract suite to test one, the built-in policies, running a replicate, and the
// shape of results.json. Only re-exports; each name's documentation is at its definition.

// The policy interfaces.
export type {
  ActionInfo,
  DecisionBatch,
  DecisionOutput,
  FeedbackBatch,
  LearningCurve,
  Policy,
  PolicyContext,
  PolicyDefinition,
  PrepareContext,
  RunDescription,
  TrainingOptions,
  TrainingRun,
  WorldView,
} from "./policy/policy.js";
export type { Trainable, TrainedModel, TrainingCheckpoint, TrainingExperience, TrainingSession } from "./policy/trainable.js";
export { SILENT_TRAINING } from "./policy/trainable.js";
export type { RandomStream } from "./random/random-stream.js";
export type { ObjectiveWeights } from "./scenario/objective-schema.js";

// The vocabulary a policy reads: moment kinds, outcomes, programs, categories, channels, plans, segments.
export {
  CATEGORIES,
  CHANNELS,
  COMMERCIAL_CATEGORIES,
  EVENT_TYPES,
  MOMENT_CANCELLATION,
  MOMENT_KINDS,
  MOMENT_OUTBOUND,
  OUTBOUND_CHANNELS,
  OUTCOMES,
  OUTCOME_ACCEPT,
  OUTCOME_COMPLAIN,
  OUTCOME_DECLINE,
  OUTCOME_IGNORE,
  OUTCOME_NONE,
  OUTCOME_OPT_OUT,
  PLAN_BROADBAND,
  PLAN_POSTPAID,
  PLAN_PREPAID,
  PLAN_TV,
  PLAN_TYPES,
  PROGRAMS,
  TOUCHPOINTS,
  VALUE_SEGMENTS,
  type Category,
  type Channel,
  type EventType,
  type Outcome,
  type PlanType,
  type Program,
  type Touchpoint,
  type ValueSegment,
} from "./scenario/vocabulary.js";

// The observable features: the columns of `batch.features()`.
export { FEATURE_COUNT, FEATURE_INDEX, FEATURE_NAMES } from "./world/observation/observe.js";

// Testing a policy.
export { describePolicyContract, type ContractTestApi } from "./testing/describe-policy-contract.js";

// The built-in policies: the list in report order, lookup by name, and each definition.
export { BUILTIN_POLICIES, findBuiltinPolicy } from "../policies/builtin-policies.js";
export { noContact } from "../policies/no-contact.js";
export { random } from "../policies/random.js";
export { offerOfTheMonth } from "../policies/offer-of-the-month.js";
export { rulesNba } from "../policies/rules-nba.js";
export { epsGreedy } from "../policies/eps-greedy.js";
export { linucb } from "../policies/linucb.js";
export { thompson } from "../policies/thompson.js";
export { propensityNbo } from "../policies/propensity-nbo.js";
export { propensityNba } from "../policies/propensity-nba.js";
export { dqn } from "../policies/dqn.js";
export { oracle } from "../policies/oracle.js";
export { riskRetention } from "../policies/risk-retention.js";

// Scenarios.
export { loadScenario, type LoadedScenario } from "./scenario/load-scenario.js";
export { InputError } from "./input-error.js";
export { baselineWith, baselineScenarioFile } from "./scenario/baseline-with.js";
export type { Scenario, ScenarioInput } from "./scenario/scenario-schema.js";
export type { Offer } from "./scenario/offer-schema.js";
export type { WorldEvent } from "./scenario/event-schema.js";

// Running one (policy, replicate): the policy's `prepare`, then the evaluation run.
export { runReplicate } from "./engine/run-replicate.js";
export type { ReplicateResult, SimulateOptions } from "./engine/simulate-replicate.js";
export type { DecisionLog } from "./log/decision-log.js";

// The Gym-style environment: drive a replicate day by day from your own agent loop.
export { createEnvironment, playDay, type Environment, type EnvironmentOptions, type Observation, type StepResult } from "./engine/environment.js";

// results.json.
export { RESULTS_SCHEMA_VERSION, type ExperimentResults, type KpiSummaries, type PolicyResults } from "./report/build-results.js";
export { KPI_NAMES, type KpiName, type Kpis } from "./metrics/replicate-kpis.js";
export type { PairedDifference, ReplicateSummary } from "./metrics/summarize-replicates.js";
export type { TaskFailure } from "./results/task-outcome.js";
