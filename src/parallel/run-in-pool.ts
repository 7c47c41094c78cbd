import v8 from "node:v8";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import type { SimulationTaskMessage } from "./simulation-worker.js";
import { failedTask, type SimulationTask, type TaskOutcome } from "./simulation-task.js";
import type { ProgressTracker } from "./task-progress.js";
import { longestFirst } from "./longest-first.js";
import { throwIfInterrupted } from "./run-interrupted-error.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";

export interface PoolRunOptions {
  readonly workers: number;
  /** Seconds a task may run once a worker has started it; 0 for no limit. */
  readonly timeoutSeconds: number;
  readonly tracker: ProgressTracker;
  readonly signal?: AbortSignal;
  /** Each task streams its decisions into its own partition of this folder, from its worker. */
  readonly logTo?: DecisionLogTarget;
}

type Pool = Piscina<SimulationTaskMessage, ReplicateResult>;

/**
 * Runs the tasks in a piscina pool of worker threads, at most one task per thread at a time,
 * longest first (see longestFirst), and returns the outcomes in task order. A task over its time
 * limit is aborted: piscina terminates its thread and starts a fresh one for the next task.
 * When `signal` is aborted every thread is terminated and the run rejects with
 * RunInterruptedError. Every task runs in a worker thread, even with one worker, so that this
 * thread stays free for signals, and a policy that exits, leaves a promise rejected or runs out
 * of memory fails only its own task.
 */
export async function runInPool(scenario: Scenario, rootSeed: number, tasks: readonly SimulationTask[], options: PoolRunOptions): Promise<TaskOutcome[]> {
  if (tasks.length === 0) return [];
  const threads = Math.min(options.workers, tasks.length);
  const pool: Pool = new Piscina({
    filename: new URL("./simulation-worker.js", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A task that runs out of memory ends its own thread (and fails alone) rather than the process.
    resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb() },
  });
  // A thread that fails outside a task (one ending while the pool is destroyed) is no task's failure.
  pool.on("error", () => undefined);
  const scheduler = longestFirst(tasks);
  const outcomes = new Array<TaskOutcome>(tasks.length);
  const lane = async () => {
    for (let index = scheduler.next(); index !== undefined; index = scheduler.next()) {
      throwIfInterrupted(options.signal);
      const started = performance.now();
      outcomes[index] = await runInWorker(pool, scenario, rootSeed, tasks[index], index, options);
      scheduler.finished(index, (performance.now() - started) / 1000);
    }
  };
  try {
    // Every lane settles before the pool is destroyed: a thread still loading its modules must not be terminated (see runInWorker).
    const lanes = await Promise.allSettled(Array.from({ length: threads }, lane));
    throwIfInterrupted(options.signal);
    for (const settled of lanes) if (settled.status === "rejected") throw settled.reason;
    return outcomes;
  } finally {
    await pool.destroy();
  }
}

/**
 * How long an interrupted task waits for its thread to finish loading its modules before the
 * thread is terminated anyway. Terminating a worker thread while V8 instantiates its ES modules
 * can abort the whole process (Node 20: "FATAL ERROR: v8::Module::IsGraphAsync"), so an
 * interrupt is held until the task has started; loading takes well under a second.
 */
const INTERRUPT_GRACE_MS = 5_000;

/** One task on one worker thread, with its time limit; throws only when the run is interrupted. */
async function runInWorker(pool: Pool, scenario: Scenario, rootSeed: number, task: SimulationTask, index: number, options: PoolRunOptions): Promise<TaskOutcome> {
  const abort = new AbortController();
  // The worker posts 0 when it starts the task, its modules loaded: only then may its thread be terminated.
  let started = false;
  let grace: NodeJS.Timeout | undefined;
  const interrupt = () => {
    if (started) abort.abort("interrupted");
    else grace = setTimeout(() => abort.abort("interrupted"), INTERRUPT_GRACE_MS);
  };
  options.signal?.addEventListener("abort", interrupt, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const channel = new MessageChannel();
  channel.port2.on("message", (days: number) => {
    if (days === 0 && !started) {
      started = true;
      if (grace !== undefined) {
        clearTimeout(grace);
        abort.abort("interrupted");
      }
    }
    // The time limit counts from the task's start.
    if (days === 0 && options.timeoutSeconds > 0 && timer === undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort("timeout");
      }, options.timeoutSeconds * 1000);
    }
    options.tracker.daysDone(index, days);
  });
  try {
    const message: SimulationTaskMessage = { scenario, rootSeed, policy: task.policySource, policyName: task.policy.name, replicate: task.replicate, progress: channel.port1, ...(options.logTo ? { logTo: options.logTo } : {}) };
    const result = await pool.run(message, { transferList: [channel.port1], signal: abort.signal });
    return { ok: true, result };
  } catch (error) {
    throwIfInterrupted(options.signal);
    if (timedOut) return failedTask(task, `policy "${task.policy.name}": exceeded the time limit of ${options.timeoutSeconds} s (--task-timeout); the task was stopped`);
    return failedTask(task, error);
  } finally {
    clearTimeout(timer);
    clearTimeout(grace);
    options.signal?.removeEventListener("abort", interrupt);
    channel.port2.close();
    options.tracker.taskDone(index);
  }
}

/** Each worker may use as much heap as this process (Node's default, or --max-old-space-size). */
function workerHeapLimitMb(): number {
  return Math.max(64, Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20));
}
