import type { Scenario } from "../scenario/scenario-schema.js";
import type { PolicyDescription } from "../results/policy-description.js";
import type { ScenarioOutline } from "./build-results.js";
import type { EventWindow } from "../results/time-series.js";

/**
 * What identifies an experiment, as plain data: the scenario (by hash), the root seed, the
 * number of seeds, the size, the policies in order and the reference. Two runs with equal
 * descriptions plan the same tasks and give the same results; shards of one experiment share it.
 */
export interface ExperimentDescription {
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly hash: string;
    readonly file: string;
    /** economics.currency (absent in a partial.json written before offersim had it). */
    readonly currency?: string;
    /** The scheduled events' windows (absent in a partial.json written before offersim had it). */
    readonly events?: readonly EventWindow[];
    /** The scenario as loaded (after `extends`, before --days and --subscribers), for results.json and `run --from`. */
    readonly definition?: Scenario;
  };
  readonly rootSeed: number;
  readonly seeds: number;
  readonly subscribers: number;
  readonly days: number;
  readonly warmupDays: number;
  readonly policies: readonly { readonly name: string; readonly description: string }[];
  readonly reference: string | null;
  /** economics.marginShare, for the learning time; absent in shards of older versions. */
  readonly marginShare?: number;
  /** A built-in name or a module's absolute path per policy, in order (`run --from`). */
  readonly policySources?: readonly string[];
  /** A sweep variant's `--set` values (results.json `config.set`). */
  readonly set?: Readonly<Record<string, string | number | boolean>>;
}

export interface DescribeExperimentInput {
  readonly scenario: Scenario;
  readonly scenarioFile: string;
  readonly scenarioHash: string;
  readonly rootSeed: number;
  readonly seeds: number;
  readonly policies: readonly PolicyDescription[];
  readonly reference: string | null;
  /** The scenario before the run's overrides (--days, --subscribers), recorded in results.json. */
  readonly definition?: Scenario;
  readonly policySources?: readonly string[];
  readonly set?: Readonly<Record<string, string | number | boolean>>;
}

export function describeExperiment(input: DescribeExperimentInput): ExperimentDescription {
  const { scenario } = input;
  return {
    scenario: {
      name: scenario.name,
      description: scenario.description,
      hash: input.scenarioHash,
      file: input.scenarioFile,
      currency: scenario.economics.currency,
      events: scenario.events.map(({ type, label, startDay, endDay, region }) => ({ type, label, startDay, endDay, region })),
      ...(input.definition === undefined ? {} : { definition: input.definition }),
    },
    rootSeed: input.rootSeed,
    seeds: input.seeds,
    subscribers: scenario.population.size,
    days: scenario.horizonDays,
    warmupDays: scenario.warmupDays,
    policies: input.policies.map((policy) => ({ name: policy.name, description: policy.description })),
    reference: input.reference,
    marginShare: scenario.economics.marginShare,
    ...(input.policySources === undefined ? {} : { policySources: [...input.policySources] }),
    ...(input.set === undefined ? {} : { set: { ...input.set } }),
  };
}

/** The scenario as results.json needs it. */
export function scenarioOutline(experiment: ExperimentDescription): ScenarioOutline {
  const { scenario } = experiment;
  return {
    name: scenario.name,
    description: scenario.description,
    horizonDays: experiment.days,
    warmupDays: experiment.warmupDays,
    population: { size: experiment.subscribers },
    ...(scenario.currency === undefined && experiment.marginShare === undefined
      ? {}
      : { economics: { ...(scenario.currency === undefined ? {} : { currency: scenario.currency }), ...(experiment.marginShare === undefined ? {} : { marginShare: experiment.marginShare }) } }),
    ...(scenario.events === undefined ? {} : { events: scenario.events }),
  };
}

/** The (policy, replicate) keys of the experiment's tasks, in the planned order (policy-major, as planTasks). */
export function plannedTaskKeys(experiment: ExperimentDescription): { policy: string; replicate: number }[] {
  return experiment.policies.flatMap((policy) => Array.from({ length: experiment.seeds }, (_, replicate) => ({ policy: policy.name, replicate })));
}
