import type { PolicyDefinition } from "../policy/policy.js";
import type { TaskOutcome } from "../results/task-outcome.js";

export type { TaskFailure, TaskOutcome } from "../results/task-outcome.js";

/** One unit of work: one policy on one replicate. */
export interface SimulationTask {
  readonly policy: PolicyDefinition;
  /** How a worker finds the policy: a built-in name or a module's absolute path. */
  readonly policySource: string;
  readonly replicate: number;
}

/** The tasks of an experiment: every policy on every replicate, policy-major. */
export function planTasks(policies: readonly PolicyDefinition[], sources: readonly string[], replicates: number): SimulationTask[] {
  return policies.flatMap((policy, p) => Array.from({ length: replicates }, (_, replicate) => ({ policy, policySource: sources[p], replicate })));
}

/** The outcome of a task that failed: the message only. */
export function failedTask(task: SimulationTask, error: unknown): TaskOutcome {
  return { ok: false, failure: { policy: task.policy.name, replicate: task.replicate, error: error instanceof Error ? error.message : String(error) } };
}
