import type { Scenario } from "../scenario/scenario-schema.js";
import type { SimulationTask, TaskOutcome } from "./simulation-task.js";
import { createProgressTracker, type TaskProgress } from "./task-progress.js";
import { runInProcess } from "./run-in-process.js";
import { runInPool } from "./run-in-pool.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";

export type { TaskProgress } from "./task-progress.js";
export { planTasks, type SimulationTask, type TaskFailure, type TaskOutcome } from "./simulation-task.js";

export interface RunTasksOptions {
  /** Worker threads; 1 runs the tasks in this thread (unless they have a time limit). */
  readonly workers: number;
  /**
   * Seconds a task may run, from the moment a worker starts it; 0 or undefined for no limit. A
   * task over its limit is stopped (its worker thread terminated) and fails alone. A task in
   * this thread cannot be stopped while it runs, so timed tasks always run in worker threads,
   * in a pool of one thread when `workers` is 1.
   */
  readonly taskTimeoutSeconds?: number;
  /** Aborting it (Ctrl-C) stops every task; runTasks then rejects with RunInterruptedError. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TaskProgress) => void;
  /** Each task streams its decisions into its own partition of this dataset folder. */
  readonly logTo?: DecisionLogTarget;
}

/**
 * Runs the tasks and returns their outcomes in task order, whatever order they finish in: with
 * one worker in this thread, with more in a piscina pool of worker threads. Results depend only
 * on (scenario, root seed, policy, replicate), so 1 and N workers give the same results. A task
 * that throws (a policy breaking the contract) or runs past its time limit fails alone; the
 * others run on.
 */
export async function runTasks(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], options: RunTasksOptions): Promise<TaskOutcome[]> {
  const tracker = createProgressTracker(tasks, scenario, options.onProgress);
  const timeoutSeconds = options.taskTimeoutSeconds ?? 0;
  if (options.workers <= 1 && timeoutSeconds <= 0) return runInProcess(scenario, rootSeed, tasks, tracker, options.signal, options.logTo);
  return runInPool(scenario, rootSeed, tasks, { workers: Math.max(1, options.workers), timeoutSeconds, tracker, signal: options.signal, logTo: options.logTo });
}
