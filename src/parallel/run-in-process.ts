import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Scenario } from "../scenario/scenario-schema.js";
import { replicateDays } from "../engine/simulate-replicate.js";
import { preparePolicy } from "../engine/run-replicate.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";
import { failedTask, type SimulationTask, type TaskOutcome } from "./simulation-task.js";
import type { ProgressTracker } from "./task-progress.js";
import { RunInterruptedError, throwIfInterrupted } from "./run-interrupted-error.js";

/** How long the simulation holds this thread before letting signal handlers and timers run. */
const YIELD_EVERY_MS = 100;

/**
 * Runs the tasks one after the other in this thread (--workers 1). Between simulated days it
 * lets the event loop run now and then, so that Ctrl-C is seen within a day's work; an aborted
 * `signal` then stops the run with RunInterruptedError.
 */
export async function runInProcess(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], tracker: ProgressTracker, signal?: AbortSignal, logTo?: DecisionLogTarget): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  let lastYield = performance.now();
  for (const [index, task] of tasks.entries()) {
    throwIfInterrupted(signal);
    try {
      const options = { scenario, policy: task.policy, rootSeed, replicate: task.replicate };
      const days = replicateDays({ ...options, logTo, prepared: await preparePolicy(options) });
      let step = days.next();
      while (!step.done) {
        tracker.daysDone(index, scenario.warmupDays + step.value + 1);
        if (performance.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
          throwIfInterrupted(signal);
        }
        step = days.next();
      }
      const { log: _log, ...result } = step.value;
      outcomes.push({ ok: true, result });
    } catch (error) {
      if (error instanceof RunInterruptedError) throw error;
      outcomes.push(failedTask(task, error));
    }
    tracker.taskDone(index);
  }
  return outcomes;
}
