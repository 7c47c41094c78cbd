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
  const untimed = (index: number) => !started.has(tasks[index].policy.name);
  // An untimed policy's cost is its hint (unknown: highest); a running one's counts as slowest.
  const cost = (index: number) => {
    const policy = tasks[index].policy;
    return untimed(index) ? (policy.relativeCost ?? Number.POSITIVE_INFINITY) : (secondsByPolicy.get(policy.name) ?? Number.MAX_VALUE);
  };
  // Untimed policies go before every timed one.
  const slower = (a: number, b: number) => (untimed(a) !== untimed(b) ? untimed(a) : cost(a) > cost(b));
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
