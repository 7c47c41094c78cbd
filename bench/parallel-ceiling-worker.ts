import { parentPort, workerData } from "node:worker_threads";

/** The fixed work of bench/parallel-ceiling.ts, in a thread: an arithmetic loop or a memory sweep. */
function work(kind: "compute" | "memory"): number {
  let sum = 0;
  if (kind === "compute") {
    let x = 123456789;
    for (let i = 0; i < 4e8; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      sum += x & 1;
    }
    return sum;
  }
  const values = new Float64Array(8 * 1024 * 1024).fill(1);
  for (let pass = 0; pass < 40; pass++) {
    for (let i = 0; i < values.length; i++) {
      sum += values[i];
      values[i] = sum * 1e-9;
    }
  }
  return sum;
}

parentPort?.postMessage(work(workerData as "compute" | "memory"));
