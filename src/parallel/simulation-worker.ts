import type { MessagePort } from "node:worker_threads";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Scenario } from "../scenario/scenario-schema.js";
import { resolvePolicies } from "./resolve-policies.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { replicateTaskDays } from "../engine/run-replicate.js";
import { deepFreeze } from "./deep-freeze.js";
import { policyOutputToStderr } from "./policy-output-to-stderr.js";
import { catchStrayRejections } from "./stray-rejections.js";
import { rejectWhenStalled } from "./reject-when-stalled.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";

/** One (policy, replicate) task as plain data: what crosses the worker boundary. */
export interface SimulationTaskMessage {
  readonly scenario: Scenario;
  readonly rootSeed: number;
  /** A built-in policy's name, or the absolute path of a policy module. */
  readonly policy: string;
  /** The policy's name, for messages. */
  readonly policyName: string;
  readonly replicate: number;
  /** Stream the decisions into this dataset folder (the task writes its own partition). */
  readonly logTo?: DecisionLogTarget;
  /** Receives 0 when the task starts, then the number of days simulated (warm-up included) now and then. */
  readonly progress?: MessagePort;
}

const PROGRESS_EVERY_DAYS = 5;

// A policy's console.log must not reach stdout (--json); what it shares must not be changed.
policyOutputToStderr();
const strayRejections = catchStrayRejections();

/**
 * The worker's entry point (piscina): resolves the policy inside the worker, simulates the
 * replicate and returns its result, plain data. Results depend only on the message, so which
 * worker runs which task does not matter. The scenario is the task's own copy, frozen: a policy
 * can read it but not change the world. A promise the policy leaves rejected fails the task; a
 * task that awaits something that can never happen fails instead of hanging.
 */
export default async function runSimulationTask(task: SimulationTaskMessage): Promise<ReplicateResult> {
  task.progress?.postMessage(0);
  strayRejections.take();
  const never = `policy "${task.policyName}": waits for a promise that can never settle (nothing left to wait for in its thread); the task was stopped`;
  const result = await rejectWhenStalled(simulate(task), never);
  // Let a rejection left unhandled during the task surface before the task reports success.
  await yieldToEventLoop();
  const stray = strayRejections.take();
  if (stray) throw new Error(`policy "${task.policyName}": an unhandled promise rejection: ${stray.message}`);
  return result;
}

async function simulate(task: SimulationTaskMessage): Promise<ReplicateResult> {
  const scenario = deepFreeze(task.scenario);
  const [policy] = await resolvePolicies([task.policy]);
  const days = replicateTaskDays({ scenario, policy, rootSeed: task.rootSeed, replicate: task.replicate, logTo: task.logTo });
  const totalDays = scenario.warmupDays + scenario.horizonDays;
  let step = await days.next();
  for (let simulated = 1; !step.done; simulated++, step = await days.next()) {
    if (simulated % PROGRESS_EVERY_DAYS === 0 || simulated === totalDays) task.progress?.postMessage(simulated);
  }
  task.progress?.close();
  return step.value;
}
