import type { Scenario } from "../scenario/scenario-schema.js";
import type { SimulationTask, TaskOutcome } from "./simulation-task.js";
import { createProgressTracker, type TaskProgress } from "./task-progress.js";
import { runInPool } from "./run-in-pool.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";

export type { TaskProgress } from "./task-progress.js";
export { planTasks, type SimulationTask, type TaskFailure, type TaskOutcome } from "./simulation-task.js";

export interface RunTasksOptions {
  /** Worker threads; even 1 runs the tasks in a worker thread, never in this one. */
  readonly workers: number;
  /**
   * Seconds a task may run, from the moment a worker starts it; 0 or undefined for no limit. A
   * task over its limit is stopped (its worker thread terminated) and fails alone.
   */
  readonly taskTimeoutSeconds?: number;
  /** Aborting it (Ctrl-C) stops every task; runTasks then rejects with RunInterruptedError. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TaskProgress) => void;
  /** Each task streams its decisions into its own partition of this dataset folder. */
  readonly logTo?: DecisionLogTarget;
}

/**
 * Runs the tasks and returns their outcomes in task order, whatever order they finish in, in a
 * piscina pool of worker threads (one or more): this thread stays free for Ctrl-C, and a
 * policy's process.exit, stray rejection or out-of-memory fails only its own task. Results depend only
 * on (scenario, root seed, policy, replicate), so 1 and N workers give the same results. A task
 * that throws (a policy breaking the contract) or runs past its time limit fails alone; the
 * others run on.
 */
export async function runTasks(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], options: RunTasksOptions): Promise<TaskOutcome[]> {
  const tracker = createProgressTracker(tasks, scenario, options.onProgress);
  const timeoutSeconds = options.taskTimeoutSeconds ?? 0;
  return runInPool(scenario, rootSeed, tasks, { workers: Math.max(1, options.workers), timeoutSeconds, tracker, signal: options.signal, logTo: options.logTo });
}
