import type { Scenario } from "../src/scenario/scenario-schema.js";
import { noContact } from "../policies/no-contact.js";
import { planTasks } from "../src/parallel/run-tasks.js";
import { runInProcess } from "../src/parallel/run-in-process.js";
import { runInPool } from "../src/parallel/run-in-pool.js";
import { createProgressTracker } from "../src/parallel/task-progress.js";

export interface WorkerSpeedup {
  workers: number;
  tasks: number;
  /** The tasks one after the other in the main thread, no worker at all (best round). */
  mainThreadSeconds: number;
  /** The same in a pool of one worker thread: thread start-up and a cold JIT included. */
  oneWorkerSeconds: number;
  /** The pool of `workers` threads (best round). */
  seconds: number;
  /** mainThreadSeconds / seconds: what a user gains from --workers 1 to --workers N. */
  speedup: number;
  /** oneWorkerSeconds / seconds: the pool's own scaling, like for like. */
  poolScaling: number;
  /** Every round's speed-up, in order: the spread shows how busy the machine was. */
  roundSpeedups: number[];
}

/**
 * Wall time of the same tasks (no-contact on `tasks` replicates) in the main thread, in a pool
 * of one worker thread and in a pool of `workers`. The three are timed in turns, `rounds` times,
 * and the best round of each counts (other processes only ever slow a round down).
 */
export async function measureWorkerSpeedup(scenario: Scenario, workers: number, tasks: number, rounds = 3): Promise<WorkerSpeedup> {
  const plan = planTasks([noContact], ["no-contact"], tasks);
  const time = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return (performance.now() - started) / 1000;
  };
  const mainThread = () => time(() => runInProcess(scenario, scenario.seed, plan, createProgressTracker(plan, scenario)));
  const pool = (threads: number) =>
    time(() => runInPool(scenario, scenario.seed, plan, { workers: threads, timeoutSeconds: 0, tracker: createProgressTracker(plan, scenario) }));
  const best = { mainThread: Infinity, oneWorker: Infinity, pool: Infinity };
  const roundSpeedups: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const inMain = await mainThread();
    best.mainThread = Math.min(best.mainThread, inMain);
    best.oneWorker = Math.min(best.oneWorker, await pool(1));
    const inPool = await pool(workers);
    best.pool = Math.min(best.pool, inPool);
    roundSpeedups.push(inMain / inPool);
  }
  return {
    workers,
    tasks,
    mainThreadSeconds: best.mainThread,
    oneWorkerSeconds: best.oneWorker,
    seconds: best.pool,
    speedup: best.mainThread / best.pool,
    poolScaling: best.oneWorker / best.pool,
    roundSpeedups,
  };
}
