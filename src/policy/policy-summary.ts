import type { PolicyDefinition } from "./policy.js";

/**
 * What the main thread knows of a policy: plain data, read from its definition in a worker
 * thread. The main thread never runs a policy module's code; workers do (see runTasks).
 */
export type PolicySummary = Pick<PolicyDefinition, "name" | "description" | "relativeCost">;

/** The plain-data part of a definition. */
export function summarizePolicy(policy: PolicyDefinition): PolicySummary {
  const summary: { -readonly [K in keyof PolicySummary]: PolicySummary[K] } = { name: policy.name, description: policy.description };
  if (policy.relativeCost !== undefined) summary.relativeCost = policy.relativeCost;
  return summary;
}
