import type { PolicyDefinition } from "../policy/policy.js";
import type { ReplicateResult } from "../engine/simulate-replicate.js";

/** One unit of work: one policy on one replicate. */
export interface SimulationTask {
  readonly policy: PolicyDefinition;
  /** How a worker finds the policy: a built-in name or a module's absolute path. */
  readonly policySource: string;
  readonly replicate: number;
}

/** A task that failed: which, and why (the message only: no stack crosses the boundary). */
export interface TaskFailure {
  readonly policy: string;
  readonly replicate: number;
  readonly error: string;
}

/** What a task gives: its result, or why it failed. */
export type TaskOutcome = { readonly ok: true; readonly result: ReplicateResult } | { readonly ok: false; readonly failure: TaskFailure };

/** The tasks of an experiment: every policy on every replicate, policy-major. */
export function planTasks(policies: readonly PolicyDefinition[], sources: readonly string[], replicates: number): SimulationTask[] {
  return policies.flatMap((policy, p) => Array.from({ length: replicates }, (_, replicate) => ({ policy, policySource: sources[p], replicate })));
}

/** The outcome of a task that failed: the message only. */
export function failedTask(task: SimulationTask, error: unknown): TaskOutcome {
  return { ok: false, failure: { policy: task.policy.name, replicate: task.replicate, error: error instanceof Error ? error.message : String(error) } };
}
