import { Worker } from "node:worker_threads";
import { InputError } from "../input-error.js";
import { findBuiltinPolicy } from "../../policies/builtin-policies.js";
import { looksLikePath, resolvePolicies } from "./resolve-policies.js";
import { parseModelSpec } from "../policy/model-file.js";
import { summarizePolicy, type PolicySummary } from "../policy/policy-summary.js";
import type { PolicyProbeAnswer, PolicyProbeRequest } from "./policy-probe-worker.js";

/** How long a policy module may take to load (its top-level code) before it is bad input. */
const LOAD_LIMIT_MS = 60_000;

/**
 * resolvePolicies for the main thread: built-in names are resolved here; when a name is a module
 * path, every name is resolved in a worker thread, so that the module's top-level code (a
 * `process.exit`, an endless loop, a `console.log`) never runs in the main thread. A module that
 * ends its thread, throws or does not load within a minute is bad input (InputError, exit 2).
 */
export async function resolvePoliciesInWorker(names: readonly string[], source = "--policies"): Promise<PolicySummary[]> {
  if (!names.some(looksLikePath) && names.every((name) => findBuiltinPolicy(name) || parseModelSpec(name))) return (await resolvePolicies(names, source)).map(summarizePolicy);
  const answer = await probeInWorker({ names, source });
  if ("problems" in answer) throw new InputError(answer.problems);
  return answer.policies;
}

function probeInWorker(request: PolicyProbeRequest): Promise<PolicyProbeAnswer> {
  const modules = request.names.filter(looksLikePath).join(", ");
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./policy-probe-worker.js", import.meta.url), { workerData: request, stdout: false });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new InputError(`${request.source}: ${modules}: the policy module did not finish loading within ${LOAD_LIMIT_MS / 1000} s (an endless loop at its top level?)`)));
      void worker.terminate();
    }, LOAD_LIMIT_MS);
    worker.once("message", (answer: PolicyProbeAnswer) => {
      settle(() => resolve(answer));
      void worker.terminate();
    });
    worker.once("error", (error) => settle(() => reject(new InputError(`${request.source}: ${modules}: the policy module failed while loading: ${error.message.split("\n")[0]}`))));
    worker.once("exit", (code) => settle(() => reject(new InputError(`${request.source}: ${modules}: the policy module ended its thread while loading (process.exit(${code}) at its top level?): a policy module must only export a definition`))));
  });
}
