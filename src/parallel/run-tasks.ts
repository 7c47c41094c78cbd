import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { PolicyDefinition } from "../policy/policy.js";
import type { ReplicateResult } from "../engine/simulate-replicate.js";
import { runReplicate } from "../engine/run-replicate.js";
import type { SimulationTaskMessage } from "./simulation-worker.js";

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

/** Progress of a run: simulated days done over all tasks. */
export interface TaskProgress {
  readonly daysDone: number;
  readonly daysTotal: number;
  readonly tasksDone: number;
  readonly tasks: number;
}

/** The tasks of an experiment: every policy on every replicate, policy-major. */
export function planTasks(policies: readonly PolicyDefinition[], sources: readonly string[], replicates: number): SimulationTask[] {
  return policies.flatMap((policy, p) => Array.from({ length: replicates }, (_, replicate) => ({ policy, policySource: sources[p], replicate })));
}

/**
 * Runs the tasks and returns their outcomes in task order, whatever order they finish in: with
 * one worker in this thread, with more in a piscina pool of worker threads. Results depend only
 * on (scenario, root seed, policy, replicate), so 1 and N workers give the same results. A task
 * that throws (a policy breaking the contract) fails alone; the others run on.
 */
export async function runTasks(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], workers: number, onProgress?: (progress: TaskProgress) => void): Promise<TaskOutcome[]> {
  const daysTotal = tasks.length * scenario.horizonDays;
  const daysDone = new Int32Array(tasks.length);
  let tasksDone = 0;
  const report = () => onProgress?.({ daysDone: daysDone.reduce((sum, days) => sum + days, 0), daysTotal, tasksDone, tasks: tasks.length });

  const failed = (task: SimulationTask, error: unknown): TaskOutcome => ({
    ok: false,
    failure: { policy: task.policy.name, replicate: task.replicate, error: error instanceof Error ? error.message : String(error) },
  });
  if (workers <= 1) {
    const outcomes: TaskOutcome[] = [];
    for (const [index, task] of tasks.entries()) {
      outcomes.push(await runInThisThread(task, index));
    }
    return outcomes;
  }
  async function runInThisThread(task: SimulationTask, index: number): Promise<TaskOutcome> {
    {
      try {
        const { log: _log, ...result } = await runReplicate({
          scenario,
          policy: task.policy,
          rootSeed,
          replicate: task.replicate,
          onDay: (day) => {
            daysDone[index] = day + 1;
            report();
          },
        });
        return { ok: true, result };
      } catch (error) {
        return failed(task, error);
      } finally {
        tasksDone++;
      }
    }
  }

  const pool = new Piscina<SimulationTaskMessage, ReplicateResult>({
    filename: new URL("./simulation-worker.js", import.meta.url).href,
    minThreads: Math.min(workers, tasks.length),
    maxThreads: workers,
  });
  try {
    return await Promise.all(
      tasks.map(async (task, index) => {
        const channel = new MessageChannel();
        channel.port2.on("message", (days: number) => {
          daysDone[index] = days;
          report();
        });
        try {
          const message: SimulationTaskMessage = { scenario, rootSeed, policy: task.policySource, replicate: task.replicate, progress: channel.port1 };
          const result = await pool.run(message, { transferList: [channel.port1] });
          return { ok: true, result } as const;
        } catch (error) {
          return failed(task, error);
        } finally {
          tasksDone++;
          channel.port2.close();
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}
