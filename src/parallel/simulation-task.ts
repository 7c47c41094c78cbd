import type { PolicySummary } from "../policy/policy-summary.js";
import type { ReplicateResult } from "../engine/simulate-replicate.js";

/** One unit of work: one policy on one replicate. */
export interface SimulationTask {
  readonly policy: PolicySummary;
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
export function planTasks<P extends PolicySummary>(policies: readonly P[], sources: readonly string[], replicates: number): (SimulationTask & { readonly policy: P })[] {
  return policies.flatMap((policy, p) => Array.from({ length: replicates }, (_, replicate) => ({ policy, policySource: sources[p], replicate })));
}

/** The outcome of a task that failed: the message only, naming the policy. */
export function failedTask(task: SimulationTask, error: unknown): TaskOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const named = message.startsWith(`policy "${task.policy.name}"`) ? message : `policy "${task.policy.name}": ${workerLevelMessage(message)}`;
  return { ok: false, failure: { policy: task.policy.name, replicate: task.replicate, error: named } };
}

/** piscina's "worker exited with code: N" says what happened, not why. */
function workerLevelMessage(message: string): string {
  const exited = /^worker exited with code: (-?\d+)/i.exec(message);
  return exited ? `its worker thread ended with code ${exited[1]} before the task finished (process.exit() in the policy?)` : message;
}
