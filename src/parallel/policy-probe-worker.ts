import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../input-error.js";
import { resolvePolicies } from "./resolve-policies.js";
import { summarizePolicy, type PolicySummary } from "../policy/policy-summary.js";
import { policyOutputToStderr } from "./policy-output-to-stderr.js";

/** What the probe is asked: the names of --policies (or a scenario's), and where they came from. */
export interface PolicyProbeRequest {
  readonly names: readonly string[];
  readonly source: string;
}

/** What it answers: the policies as plain data, or the problems (bad input). */
export type PolicyProbeAnswer = { readonly policies: PolicySummary[] } | { readonly problems: string[] };

/**
 * A worker thread that imports the policy modules (running their top-level code here, not in the
 * main thread), checks their definitions and posts them back as plain data.
 */
async function probe(request: PolicyProbeRequest): Promise<PolicyProbeAnswer> {
  try {
    return { policies: (await resolvePolicies(request.names, request.source)).map(summarizePolicy) };
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    return { problems: [`${request.source}: a policy module could not be loaded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`] };
  }
}

policyOutputToStderr();
parentPort?.postMessage(await probe(workerData as PolicyProbeRequest));
