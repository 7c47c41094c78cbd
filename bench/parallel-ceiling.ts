import { Worker } from "node:worker_threads";

/**
 * What the machine itself allows: the same fixed work in 1 thread, then in `threads` threads at
 * once, for a pure arithmetic loop (no memory traffic) and for a sweep over a 64 MB typed array
 * (memory bandwidth). The speed-up of the worker pool cannot beat these; on a virtual machine
 * whose cores are hyperthreads of one physical core, or are shared with other guests, they fall
 * well short of `threads`.
 */
export async function measureParallelCeiling(threads: number): Promise<{ threads: number; compute: number; memory: number }> {
  const speedup = async (kind: "compute" | "memory") => {
    const one = await timeThreads(kind, 1);
    const many = await timeThreads(kind, threads);
    return (threads * one) / many;
  };
  return { threads, compute: await speedup("compute"), memory: await speedup("memory") };
}

/** Seconds for `count` threads each doing the work once, all at the same time. */
async function timeThreads(kind: "compute" | "memory", count: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const worker = new Worker(new URL("./parallel-ceiling-worker.js", import.meta.url), { workerData: kind });
      worker.once("message", resolve);
      worker.once("error", reject);
    })),
  );
  return (performance.now() - started) / 1000;
}
