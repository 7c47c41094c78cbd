import type { SimulationTask } from "./simulation-task.js";

/** Hands out task indices: one task of every policy first, then the slowest policies' tasks. */
export interface TaskScheduler {
  /** The next task to start, or undefined when none is left. */
  next(): number | undefined;
  /** A task took `seconds`: an estimate for the other tasks of its policy. */
  finished(index: number, seconds: number): void;
}

/**
 * Longest-processing-time-first without knowing the times in advance. The tasks of one policy
 * take about as long as each other, whatever the seed, while policies differ a lot (no-contact
 * against a learning policy). So the first task of every policy starts first, in the given
 * order; after that the pending task whose policy has proved slowest starts next, so that the
 * pool ends on short tasks rather than one worker finishing a long task alone. Policies not yet
 * timed count as the slowest. The order changes only when tasks run, never what they compute.
 */
export function longestFirst(tasks: readonly SimulationTask[]): TaskScheduler {
  const pending = new Set(tasks.keys());
  const secondsByPolicy = new Map<string, number>();
  const started = new Set<string>();
  const estimate = (index: number) => {
    const name = tasks[index].policy.name;
    if (!started.has(name)) return Number.POSITIVE_INFINITY;
    return secondsByPolicy.get(name) ?? Number.MAX_VALUE;
  };
  return {
    next() {
      let best: number | undefined;
      for (const index of pending) if (best === undefined || estimate(index) > estimate(best)) best = index;
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
