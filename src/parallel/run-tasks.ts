import type { Scenario } from "../scenario/scenario-schema.js";
import type { PolicyDefinition } from "../policy/policy.js";
import { simulateReplicate, type ReplicateResult } from "../engine/simulate-replicate.js";

/** One unit of work: one policy on one replicate. */
export interface SimulationTask {
  readonly policy: PolicyDefinition;
  readonly replicate: number;
}

/** Progress of a run, reported every simulated day. */
export interface TaskProgress {
  readonly task: number;
  readonly tasks: number;
  readonly policy: string;
  readonly replicate: number;
  readonly day: number;
  readonly days: number;
}

/** The tasks of an experiment: every policy on every replicate, policy-major. */
export function planTasks(policies: readonly PolicyDefinition[], replicates: number): SimulationTask[] {
  return policies.flatMap((policy) => Array.from({ length: replicates }, (_, replicate) => ({ policy, replicate })));
}

/**
 * Runs the tasks one after the other in this thread and returns their results in task order.
 * Results depend only on (scenario, root seed, policy, replicate), never on the order of runs.
 */
export function runTasks(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], onProgress?: (progress: TaskProgress) => void): ReplicateResult[] {
  return tasks.map((task, index) => {
    const { log: _log, ...result } = simulateReplicate({
      scenario,
      policy: task.policy,
      rootSeed,
      replicate: task.replicate,
      onDay: (day) => onProgress?.({ task: index, tasks: tasks.length, policy: task.policy.name, replicate: task.replicate, day, days: scenario.horizonDays }),
    });
    return result;
  });
}
