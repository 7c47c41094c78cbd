import type { FeedbackBatch, Policy } from "../policy/policy.js";
import type { ReplicateSimulation } from "./replicate-simulation.js";
import { stepDay } from "./step-day.js";

/**
 * Simulates the whole of `day` with `policy` answering its decisions and getting the feedback,
 * and stops there (the environment's `step` goes on to the next morning). For tests and
 * benchmarks that look at the state between days. Returns the feedback (null on a warm-up day).
 */
export function runDay(sim: ReplicateSimulation, policy: Policy, day: number): FeedbackBatch | null {
  const today = stepDay(sim, day);
  const morning = today.next();
  if (morning.done) return morning.value;
  policy.decide(morning.value.batch, morning.value.output);
  const feedback = today.next().value as FeedbackBatch;
  policy.feedback?.(feedback);
  return feedback;
}
