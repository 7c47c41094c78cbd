import type { SimulationTask } from "./simulation-task.js";

/**
 * Progress of a run in units of work: a warm-up day counts 1 (the world alone), a live day the
 * policy's `relativeCost` (the world and the policy), so that the fraction done, and the ETA
 * drawn from it, do not race through cheap policies and warm-up and then stall on the oracle.
 */
export interface TaskProgress {
  readonly workDone: number;
  readonly workTotal: number;
  readonly tasksDone: number;
  readonly tasks: number;
}

/** Counts the days done per task, weighs them, and reports the totals after every change. */
export interface ProgressTracker {
  /** The task has simulated `days` days, warm-up included. */
  daysDone(task: number, days: number): void;
  /** The task ended, done or failed: all its work counts as done (for the ETA). */
  taskDone(task: number): void;
}

export interface ProgressDays {
  readonly warmupDays: number;
  readonly horizonDays: number;
}

export function createProgressTracker(tasks: readonly SimulationTask[], days: ProgressDays, onProgress?: (progress: TaskProgress) => void): ProgressTracker {
  const hints = tasks.map((task) => task.policy.relativeCost).filter((cost): cost is number => cost !== undefined);
  const unknownCost = hints.length > 0 ? hints.reduce((sum, cost) => sum + cost, 0) / hints.length : 1;
  const liveWeight = tasks.map((task) => task.policy.relativeCost ?? unknownCost);
  const work = (task: number, done: number) => Math.min(done, days.warmupDays) + Math.max(0, done - days.warmupDays) * liveWeight[task];
  const totalDays = days.warmupDays + days.horizonDays;
  const workTotal = tasks.reduce((sum, _, task) => sum + work(task, totalDays), 0);
  const workByTask = new Float64Array(tasks.length);
  let workDone = 0;
  let tasksDone = 0;
  const report = () => onProgress?.({ workDone, workTotal, tasksDone, tasks: tasks.length });
  const setDays = (task: number, done: number) => {
    const taskWork = work(task, done);
    workDone += taskWork - workByTask[task];
    workByTask[task] = taskWork;
  };
  return {
    daysDone(task, done) {
      setDays(task, done);
      report();
    },
    taskDone(task) {
      setDays(task, totalDays);
      tasksDone++;
      report();
    },
  };
}
