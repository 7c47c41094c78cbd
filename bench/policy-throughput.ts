import type { Scenario } from "../src/scenario/scenario-schema.js";
import type { PolicyDefinition } from "../src/policy/policy.js";
import { runReplicate } from "../src/engine/run-replicate.js";

/**
 * Decisions plus updates per second of one policy: the time spent in its decide() (features and
 * eligibility it asks for included) and feedback() calls, over the decisions it made, on one
 * replicate of `scenario`. A policy with `prepare` is prepared first (not timed here).
 */
export async function measurePolicyThroughput(scenario: Scenario, definition: PolicyDefinition): Promise<{ decisionsPerSec: number; decisions: number; seconds: number }> {
  let seconds = 0;
  let decisions = 0;
  const timed: PolicyDefinition = {
    ...definition,
    create(context) {
      const policy = definition.create(context);
      return {
        decide(batch, output) {
          const started = performance.now();
          policy.decide(batch, output);
          seconds += (performance.now() - started) / 1000;
          decisions += batch.size;
        },
        feedback(feedback) {
          const started = performance.now();
          policy.feedback?.(feedback);
          seconds += (performance.now() - started) / 1000;
        },
      };
    },
  };
  await runReplicate({ scenario, policy: timed, rootSeed: scenario.seed, replicate: 0 });
  return { decisionsPerSec: decisions / seconds, decisions, seconds };
}
