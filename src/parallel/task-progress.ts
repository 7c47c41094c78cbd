/** Progress of a run: simulated days done over all tasks, warm-up days included. */
export interface TaskProgress {
  readonly daysDone: number;
  readonly daysTotal: number;
  readonly tasksDone: number;
  readonly tasks: number;
}

/** Counts days and tasks done, per task, and reports the totals after every change. */
export interface ProgressTracker {
  daysDone(task: number, days: number): void;
  /** The task ended, done or failed: all its days count as done (for the ETA). */
  taskDone(task: number): void;
}

export function createProgressTracker(tasks: number, daysPerTask: number, onProgress?: (progress: TaskProgress) => void): ProgressTracker {
  const daysByTask = new Int32Array(tasks);
  let daysDone = 0;
  let tasksDone = 0;
  const report = () => onProgress?.({ daysDone, daysTotal: tasks * daysPerTask, tasksDone, tasks });
  const setDays = (task: number, days: number) => {
    daysDone += days - daysByTask[task];
    daysByTask[task] = days;
  };
  return {
    daysDone(task, days) {
      setDays(task, days);
      report();
    },
    taskDone(task) {
      setDays(task, daysPerTask);
      tasksDone++;
      report();
    },
  };
}
