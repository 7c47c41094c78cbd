import type { Scenario } from "../src/scenario/scenario-schema.js";
import { noContact } from "../policies/no-contact.js";
import { planTasks, runTasks } from "../src/parallel/run-tasks.js";

/**
 * Wall time of the same tasks (no-contact on `tasks` replicates) with 1 worker and with
 * `workers` worker threads; the speed-up is their ratio.
 */
export async function measureWorkerSpeedup(scenario: Scenario, workers: number, tasks: number): Promise<{ workers: number; oneWorkerSeconds: number; seconds: number; speedup: number }> {
  const plan = planTasks([noContact], ["no-contact"], tasks);
  const time = async (count: number) => {
    const started = performance.now();
    await runTasks(scenario, scenario.seed, plan, { workers: count });
    return (performance.now() - started) / 1000;
  };
  const oneWorkerSeconds = await time(1);
  const seconds = await time(workers);
  return { workers, oneWorkerSeconds, seconds, speedup: oneWorkerSeconds / seconds };
}
