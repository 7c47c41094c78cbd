import type { SimulationTask } from "./simulation-task.js";

/** Hands out task indices: one task of every policy first, slowest first, then the slowest policies' tasks. */
export interface TaskScheduler {
  /** The next task to start, or undefined when none is left. */
  next(): number | undefined;
  /** A task took `seconds`: an estimate for the other tasks of its policy. */
  finished(index: number, seconds: number): void;
}

/**
 * Longest-processing-time-first without knowing the times in advance. The tasks of one policy
 * take about as long as each other, whatever the seed, while policies differ a lot (no-contact
 * against a learning policy). So the first task of every policy starts first, those with the
 * largest `relativeCost` hint first (policies without a hint before all others, then in the
 * given order); after that the pending task whose policy has proved slowest starts next, so that
 * the pool ends on short tasks rather than one worker finishing a long task alone. The order
 * changes only when tasks run, never what they compute.
 */
export function longestFirst(tasks: readonly SimulationTask[]): TaskScheduler {
  const pending = new Set(tasks.keys());
  const secondsByPolicy = new Map<string, number>();
  const started = new Set<string>();
  // Untimed policies rank above every timed one: by hint, unknown cost highest.
  const estimate = (index: number) => {
    const policy = tasks[index].policy;
    if (!started.has(policy.name)) return [2, policy.relativeCost ?? Number.POSITIVE_INFINITY];
    return [1, secondsByPolicy.get(policy.name) ?? Number.MAX_VALUE];
  };
  const slower = (a: number, b: number) => {
    const [rankA, costA] = estimate(a);
    const [rankB, costB] = estimate(b);
    return rankA !== rankB ? rankA > rankB : costA > costB;
  };
  return {
    next() {
      let best: number | undefined;
      for (const index of pending) if (best === undefined || slower(index, best)) best = index;
      if (best === undefined) return undefined;
      pending.delete(best);
      started.add(tasks[best].policy.name);
      return best;
    },
    finished(index, seconds) {
      const name = tasks[index].policy.name;
      secondsByPolicy.set(name, Math.max(seconds, secondsByPolicy.get(name) ?? 0));
    },
  };
}
