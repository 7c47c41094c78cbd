import type { DecisionLog } from "../log/decision-log.js";
import type { DecisionLogTarget } from "../log/open-decision-log.js";
import type { LearningCurve, PolicyDefinition } from "../policy/policy.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { createEnvironment, playDay } from "./environment.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import { UpliftAudit } from "./uplift-audit.js";

export type { ReplicateResult } from "../results/replicate-result.js";

/** One (policy, replicate) run. */
export interface ReplicateOptions {
  readonly scenario: Scenario;
  readonly policy: PolicyDefinition;
  readonly rootSeed: number;
  readonly replicate: number;
  /** Keep the decision log in memory (tests, off-policy evaluation). */
  readonly keepLog?: boolean;
  /** Stream the decision log into a dataset folder (offersim run --log-decisions). */
  readonly logTo?: DecisionLogTarget;
  /** What the policy definition's `prepare` returned for this replicate. */
  readonly prepared?: unknown;
}

export interface SimulateOptions extends ReplicateOptions {
  /** Called after every simulated day (progress reporting). */
  readonly onDay?: (day: number) => void;
}

/** Runs one policy on one replicate of the scenario, from day 0 to the horizon. */
export function simulateReplicate(options: SimulateOptions): ReplicateResult & { log: DecisionLog | null } {
  const days = replicateDays(options);
  for (let step = days.next(); ; step = days.next()) {
    if (step.done) return step.value;
    if (step.value >= 0) options.onDay?.(step.value);
  }
}

/**
 * The same run, one simulated day at a time: the policy plays the replicate's environment, and
 * the generator yields each day after simulating it, warm-up days (negative) included, and
 * returns the result. A caller can pause between days (to let its event loop run), report
 * progress, or stop.
 */
export function* replicateDays(options: ReplicateOptions): Generator<number, ReplicateResult & { log: DecisionLog | null }, void> {
  const { scenario, policy: definition, rootSeed, replicate } = options;
  const environment = createEnvironment(scenario, { seed: rootSeed, replicate, agentName: definition.name, keepLog: options.keepLog, logTo: options.logTo });
  try {
    const policy = definition.create(environment.policyContext(definition, options.prepared));
    const audit = policy.estimateChurnUplift ? new UpliftAudit(environment.simulation) : null;
    let observation = yield* environment.resetStepwise();
    for (;;) {
      if (audit && UpliftAudit.isAuditDay(observation.day)) audit.audit(observation.batch, policy);
      const step = playDay(environment, policy, observation, definition.name);
      yield observation.day;
      if (step.done) break;
      observation = step.observation!;
    }
    const result = environment.result(plainCurve(policy.learningCurve?.() ?? null));
    return audit ? { ...result, upliftAudit: audit.result() } : result;
  } catch (error) {
    // A failed task leaves no partial log file behind.
    environment.simulation.log?.abort();
    throw error;
  }
}

/** The learning curve as plain data (it crosses the worker boundary). */
function plainCurve(curve: LearningCurve | null): LearningCurve | null {
  return curve ? { xLabel: curve.xLabel, yLabel: curve.yLabel, x: [...curve.x], y: [...curve.y], ...(curve.parts ? { parts: [...curve.parts] } : {}) } : null;
}
