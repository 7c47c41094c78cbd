import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { PolicyDefinition } from "../policy/policy.js";
import { replicateTaskDays } from "../engine/run-replicate.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";
import { failedTask, type SimulationTask, type TaskOutcome } from "./simulation-task.js";
import type { ProgressTracker } from "./task-progress.js";
import { RunInterruptedError, throwIfInterrupted } from "./run-interrupted-error.js";

/** How long the simulation holds this thread before letting signal handlers and timers run. */
const YIELD_EVERY_MS = 100;

/**
 * Runs the tasks one after the other in this thread, with no worker: the single-thread reference
 * of `npm run bench` (the CLI always runs tasks in worker threads, see runTasks). Between simulated days it
 * lets the event loop run now and then, so that Ctrl-C is seen within a day's work; an aborted
 * `signal` then stops the run with RunInterruptedError.
 */
export async function runInProcess(scenario: Scenario, rootSeed: number, tasks: readonly (SimulationTask & { readonly policy: PolicyDefinition })[], tracker: ProgressTracker, signal?: AbortSignal, logTo?: DecisionLogTarget): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  let lastYield = performance.now();
  for (const [index, task] of tasks.entries()) {
    throwIfInterrupted(signal);
    try {
      const days = replicateTaskDays({ scenario, policy: task.policy, rootSeed, replicate: task.replicate, logTo });
      let step = await days.next();
      while (!step.done) {
        tracker.daysDone(index, scenario.warmupDays + step.value + 1);
        if (performance.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
          throwIfInterrupted(signal);
        }
        step = await days.next();
      }
      outcomes.push({ ok: true, result: step.value });
    } catch (error) {
      if (error instanceof RunInterruptedError) throw error;
      outcomes.push(failedTask(task, error));
    }
    tracker.taskDone(index);
  }
  return outcomes;
}
