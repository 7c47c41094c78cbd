import type { PolicySummary } from "../policy/policy-summary.js";

import type { TaskOutcome } from "../results/task-outcome.js";

export type { TaskFailure, TaskOutcome } from "../results/task-outcome.js";

/** One unit of work: one policy on one replicate. */
export interface SimulationTask {
  readonly policy: PolicySummary;
  /** How a worker finds the policy: a built-in name or a module's absolute path. */
  readonly policySource: string;
  readonly replicate: number;
}

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
