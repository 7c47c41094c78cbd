import type { MessagePort } from "node:worker_threads";
import type { Scenario } from "../scenario/scenario-schema.js";
import { resolvePolicies } from "./resolve-policies.js";
import { replicateDays } from "../engine/simulate-replicate.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { preparePolicy } from "../engine/run-replicate.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";

/** One (policy, replicate) task as plain data: what crosses the worker boundary. */
export interface SimulationTaskMessage {
  readonly scenario: Scenario;
  readonly rootSeed: number;
  /** A built-in policy's name, or the absolute path of a policy module. */
  readonly policy: string;
  readonly replicate: number;
  /** Stream the decisions into this dataset folder (the task writes its own partition). */
  readonly logTo?: DecisionLogTarget;
  /** Receives 0 when the task starts, then the number of days simulated (warm-up included) now and then. */
  readonly progress?: MessagePort;
}

const PROGRESS_EVERY_DAYS = 5;

/**
 * The worker's entry point (piscina): resolves the policy inside the worker, simulates the
 * replicate and returns its result, plain data. Results depend only on the message, so which
 * worker runs which task does not matter.
 */
export default async function runSimulationTask(task: SimulationTaskMessage): Promise<ReplicateResult> {
  task.progress?.postMessage(0);
  const [policy] = await resolvePolicies([task.policy]);
  const options = { scenario: task.scenario, policy, rootSeed: task.rootSeed, replicate: task.replicate };
  const days = replicateDays({ ...options, logTo: task.logTo, prepared: await preparePolicy(options) });
  const totalDays = task.scenario.warmupDays + task.scenario.horizonDays;
  let step = days.next();
  for (let simulated = 1; !step.done; simulated++, step = days.next()) {
    if (simulated % PROGRESS_EVERY_DAYS === 0 || simulated === totalDays) task.progress?.postMessage(simulated);
  }
  const { log: _log, ...result } = step.value;
  task.progress?.close();
  return result;
}
