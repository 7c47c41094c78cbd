import path from "node:path";
import { InputError } from "../input-error.js";
import type { Scenario } from "../scenario/scenario-schema.js";
import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";
import { looksLikePath } from "../parallel/resolve-policies.js";
import type { PolicySummary } from "../policy/policy-summary.js";
import { resolvePoliciesInWorker } from "../parallel/resolve-policies-in-worker.js";
import { checkScenarioPolicies } from "./scenario-policies.js";
import { parseModelSpec } from "../policy/model-file.js";

/** What an experiment runs besides the scenario: the policies, their sources, the root seed and the reference. */
export interface ExperimentPlan {
  policies: PolicySummary[];
  /** How a worker finds each policy: a built-in name or a module's absolute path. */
  sources: string[];
  rootSeed: number;
  reference: string | null;
}

/** What planExperiment reads of the run's options. */
export interface PlanOptions {
  readonly policies?: string;
  /** NAME=FILE,...: policy NAME of the list evaluated with the model in FILE. */
  readonly models?: string;
  readonly seed?: number;
  readonly allowPolicyModules?: boolean;
}

/**
 * Resolves --policies (else the scenario's `policies`, else every built-in), --seed and
 * --reference. Module paths in a scenario are relative to the scenario file, like `extends`,
 * and run only with --allow-policy-modules. Policy modules are loaded in a worker thread.
 *
 * @throws {InputError} for an empty list, a module a scenario may not run, or a --reference that does not run.
 */
export async function planExperiment(options: PlanOptions, file: string, scenario: Scenario, referenceFlag: string | undefined): Promise<ExperimentPlan> {
  let names: string[];
  if (options.policies !== undefined) {
    names = options.policies.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
    if (names.length === 0) throw new InputError(`--policies must name at least one policy, got ${JSON.stringify(options.policies)}`);
  } else if (scenario.policies !== undefined) {
    const listed = checkScenarioPolicies(file, scenario, options.allowPolicyModules ?? false);
    if (listed.problems.length > 0) throw new InputError(listed.problems);
    names = listed.names;
  } else names = BUILTIN_POLICIES.map((policy) => policy.name);
  if (options.models !== undefined) names = withModels(names, options.models);
  const policies = await resolvePoliciesInWorker(names, options.policies !== undefined ? "--policies" : `${file}: policies`);
  const sources = names.map((name) => {
    const spec = parseModelSpec(name);
    if (spec) return `${spec.name}=${path.resolve(spec.file)}`;
    return looksLikePath(name) ? path.resolve(name) : name;
  });
  const reference = pickReference(referenceFlag, policies.map((policy) => policy.name));
  return { policies, sources, rootSeed: options.seed ?? scenario.seed, reference };
}

/**
 * --models NAME=FILE,...: each NAME of the run's policy list becomes NAME=FILE (its model
 * file, read and checked like --policies NAME=FILE).
 *
 * @throws {InputError} for an entry that is not NAME=FILE, or a NAME the run does not have.
 */
export function withModels(names: readonly string[], models: string): string[] {
  const result = [...names];
  const problems: string[] = [];
  for (const entry of models.split(",").map((item) => item.trim()).filter((item) => item.length > 0)) {
    const spec = parseModelSpec(entry);
    if (!spec) {
      problems.push(`--models must be NAME=FILE pairs (a trainable policy and its model file, e.g. dqn=models/dqn-baseline.json), got ${JSON.stringify(entry)}`);
      continue;
    }
    const at = result.indexOf(spec.name);
    if (at < 0) problems.push(`--models: ${entry} names a policy the run does not have (${result.join(", ")}), got "${spec.name}"`);
    else result[at] = `${spec.name}=${spec.file}`;
  }
  if (problems.length > 0) throw new InputError(problems);
  return result;
}

/** --reference must name a policy of the run; by default no-contact when it runs, else none. */
function pickReference(requested: string | undefined, names: readonly string[]): string | null {
  if (requested === undefined) return names.includes("no-contact") ? "no-contact" : null;
  if (!names.includes(requested)) throw new InputError(`--reference must name one of the run's policies (${names.join(", ")}), got ${JSON.stringify(requested)}`);
  return requested;
}
