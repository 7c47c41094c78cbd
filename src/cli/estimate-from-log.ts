import { existsSync, statSync } from "node:fs";
import { InputError } from "../input-error.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { PolicyDefinition } from "../policy/policy.js";
import { MOMENT_KINDS } from "../scenario/vocabulary.js";
import { objectiveWeights } from "../scenario/objective-schema.js";
import { createStream } from "../random/random-stream.js";
import { buildActionCatalogue } from "../engine/action-catalogue.js";
import { preparePolicy } from "../engine/run-replicate.js";
import { FEATURE_NAMES } from "../world/observation/observe.js";
import { findLogPartitions, readDecisionLog, type LoggedDecisions, type LogPartition } from "../log/read-decision-log.js";
import { targetDistribution } from "../ope/target-distribution.js";
import { crossFitRewardModel } from "../ope/cross-fit-reward-model.js";
import { estimatePolicyValue, type PolicyValueEstimate } from "../ope/estimate-policy-value.js";
import type { LoggedDataset } from "../ope/logged-dataset.js";

export const OPE_REWARDS = ["objective_value", "reward"] as const;
export type OpeReward = (typeof OPE_REWARDS)[number];

/** How `offersim ope` estimates: which reward, the reward model's folds, the bootstrap and Switch-DR's threshold. */
export interface OpeSettings {
  readonly reward: OpeReward;
  readonly folds: number;
  readonly ridge: number;
  readonly bootstrap: number;
  readonly confidence: number;
  readonly switchMaxWeight: number;
}

export const DEFAULT_OPE_SETTINGS: OpeSettings = { reward: "objective_value", folds: 3, ridge: 1, bootstrap: 200, confidence: 0.95, switchMaxWeight: 10 };

/** The estimate of the target's value per decision on one (logging policy, seed) partition. */
export interface PartitionEstimate extends PolicyValueEstimate {
  readonly logging: string;
  readonly seed: number;
  readonly file: string;
  readonly target: string;
  /** The logged policy's own mean reward per decision (on-policy, for comparison). */
  readonly loggedMean: number;
}

/**
 * Off-policy evaluation of `target` on every partition of the dataset folder `dir`: the target
 * decides on each logged day's batch (features and eligibility from the log), a cross-fitted
 * ridge reward model predicts every action's reward, and estimatePolicyValue gives every
 * estimator with cluster-bootstrap intervals (over subscribers). Each partition's streams are
 * named after its seed: the same log and settings give the same numbers. `logging` keeps only
 * that logging policy's partitions.
 *
 * @throws {InputError} when the folder holds no logged-decision file, or a file's actions or
 * features are not the scenario's.
 */
export async function estimateFromLog(dir: string, scenario: Scenario, scenarioHash: string, target: PolicyDefinition, settings: OpeSettings, logging?: string): Promise<PartitionEstimate[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: LOG must be a folder written by offersim run --log-decisions, got ${existsSync(dir) ? "a file" : "nothing there"}`);
  const partitions = findLogPartitions(dir).filter((partition) => logging === undefined || partition.policy === logging);
  if (partitions.length === 0) throw new InputError(`${dir}: no policy=NAME/seed=K/part-*.parquet file found (write one with offersim run --log-decisions ${dir})`);
  const estimates: PartitionEstimate[] = [];
  for (const partition of partitions) estimates.push(await estimatePartition(partition, scenario, scenarioHash, target, settings));
  return estimates;
}

async function estimatePartition(partition: LogPartition, scenario: Scenario, scenarioHash: string, definition: PolicyDefinition, settings: OpeSettings): Promise<PartitionEstimate> {
  const logged = await readLoggedFile(partition.file);
  const actions = buildActionCatalogue(scenario).actions;
  checkMatchesScenario(partition.file, logged, actions.map((action) => action.id), scenarioHash);
  const rootSeed = logged.rootSeed;
  const replicate = partition.seed;
  const options = { scenario, policy: definition, rootSeed, replicate };
  const prepared = await preparePolicy(options);
  let subscriberCount = 0;
  for (let k = 0; k < logged.rows; k++) subscriberCount = Math.max(subscriberCount, logged.subscriber[k] + 1);
  const policy = definition.create({
    scenario,
    actions,
    featureNames: FEATURE_NAMES,
    subscriberCount,
    random: createStream(rootSeed, `replicate:${replicate}/policy:${definition.name}`),
    objective: objectiveWeights(scenario.objective),
    prepared,
  });
  const moment = Uint8Array.from(logged.moment, (name) => MOMENT_KINDS.indexOf(name as (typeof MOMENT_KINDS)[number]));
  const target = targetDistribution(policy, actions, { ...logged, moment });
  const reward = settings.reward === "reward" ? logged.reward : logged.objectiveValue;
  const dataset: LoggedDataset = {
    rounds: logged.rows,
    actionCount: actions.length,
    action: logged.action,
    reward,
    pscore: logged.propensity,
    cluster: logged.subscriber,
    featureCount: logged.featureNames.length,
    features: Float64Array.from(logged.features),
    ...(logged.distribution ? { loggingDistribution: logged.distribution } : {}),
  };
  const streamName = (purpose: string) => `replicate:${replicate}/ope:${definition.name}/${purpose}`;
  const predictions = crossFitRewardModel(dataset, { folds: settings.folds, ridge: settings.ridge, stream: createStream(rootSeed, streamName("folds")) });
  const estimate = estimatePolicyValue(dataset, target, predictions, {
    switchMaxWeight: settings.switchMaxWeight,
    bootstrap: { replicates: settings.bootstrap, confidence: settings.confidence, stream: createStream(rootSeed, streamName("bootstrap")) },
  });
  let sum = 0;
  for (let k = 0; k < logged.rows; k++) sum += reward[k];
  return { logging: partition.policy, seed: partition.seed, file: partition.file, target: definition.name, loggedMean: logged.rows === 0 ? Number.NaN : sum / logged.rows, ...estimate };
}

async function readLoggedFile(file: string): Promise<LoggedDecisions> {
  try {
    return await readDecisionLog(file);
  } catch (error) {
    throw new InputError(error instanceof Error && error.message.startsWith(file) ? error.message : `${file}: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The log must come from this scenario: the same actions, features and scenario hash. */
function checkMatchesScenario(file: string, logged: LoggedDecisions, actionIds: readonly string[], scenarioHash: string): void {
  const list = (names: readonly string[]) => names.join(", ");
  if (list(logged.actionIds) !== list(actionIds)) throw new InputError(`${file}: eligible_* columns must name the scenario's actions (${list(actionIds)}), got (${list(logged.actionIds)})`);
  if (list(logged.featureNames) !== list(FEATURE_NAMES)) throw new InputError(`${file}: feature_* columns must be offersim's features (${list(FEATURE_NAMES)}), got (${list(logged.featureNames)})`);
  if (logged.rows > 0 && logged.scenarioHash !== scenarioHash) {
    throw new InputError(`${file}: scenario_hash must be the scenario's (${scenarioHash}; pass the scenario the log was written with as --scenario), got ${logged.scenarioHash}`);
  }
}
