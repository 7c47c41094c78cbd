import type { Scenario } from "../src/scenario/scenario-schema.js";
import { noContact } from "../policies/no-contact.js";
import { createEnvironment, playDay } from "../src/engine/environment.js";

export interface ValueTailCost {
  subscribers: number;
  horizonDays: number;
  tailDays: number;
  /** Warm-up and horizon under no-contact, seconds (fastest round). */
  runSeconds: number;
  /** The value tail and the summary (environment.result()), seconds (fastest round). */
  tailSeconds: number;
  /** The summary alone, without a tail (economics.tailMonths 0), seconds (fastest round). */
  noTailSummarySeconds: number;
}

/**
 * What the value tail costs on one thread: a no-contact replicate of `scenario` is played to its
 * horizon, then `result()` runs the tail (economics.tailMonths) and summarises; the same with no
 * tail for comparison. Fastest of `rounds` rounds of each: shared machines drift.
 */
export function measureValueTailCost(scenario: Scenario, rounds = 3): ValueTailCost {
  const noTail = { ...scenario, economics: { ...scenario.economics, tailMonths: 0 } };
  const runs: ValueTailCost[] = [];
  for (let round = 0; round < rounds; round++) {
    const withTail = timeOnce(scenario);
    const without = timeOnce(noTail);
    runs.push({
      subscribers: scenario.population.size,
      horizonDays: scenario.horizonDays,
      tailDays: withTail.tailDays,
      runSeconds: withTail.runSeconds,
      tailSeconds: withTail.resultSeconds,
      noTailSummarySeconds: without.resultSeconds,
    });
  }
  const fastest = (key: "runSeconds" | "tailSeconds" | "noTailSummarySeconds") => Math.min(...runs.map((run) => run[key]));
  return { ...runs[0], runSeconds: fastest("runSeconds"), tailSeconds: fastest("tailSeconds"), noTailSummarySeconds: fastest("noTailSummarySeconds") };
}

function timeOnce(scenario: Scenario): { runSeconds: number; resultSeconds: number; tailDays: number } {
  const environment = createEnvironment(scenario, { agentName: noContact.name });
  const policy = noContact.create(environment.policyContext(noContact));
  const started = performance.now();
  let observation = environment.reset();
  for (;;) {
    const step = playDay(environment, policy, observation, noContact.name);
    if (step.done) break;
    observation = step.observation!;
  }
  const played = performance.now();
  environment.result();
  return { runSeconds: (played - started) / 1000, resultSeconds: (performance.now() - played) / 1000, tailDays: environment.simulation.params.tailDays };
}
