import path from "node:path";
import { BUILTIN_POLICIES, findBuiltinPolicy } from "../../policies/builtin-policies.js";
import { looksLikePath } from "../parallel/resolve-policies.js";
import type { Scenario } from "../scenario/scenario-schema.js";

/** The flag that lets a scenario's `policies` list run policy modules. */
export const ALLOW_POLICY_MODULES_FLAG = "--allow-policy-modules";

/** A scenario's `policies` list, checked: the names to run (module paths made relative to the working directory) and the problems. */
export interface ScenarioPolicies {
  readonly names: string[];
  /** The module paths the list names, as written in the scenario. */
  readonly modules: string[];
  readonly problems: string[];
}

/**
 * Checks the `policies` list of a scenario without running anything: it must name at least one
 * policy; a built-in name must exist; a module path (relative to the scenario file, like
 * `extends`) is refused unless `allowModules`, because a scenario is data and a module is code:
 * running a scenario from someone else must not run their code with the user's rights.
 */
export function checkScenarioPolicies(file: string, scenario: Scenario, allowModules: boolean): ScenarioPolicies {
  const listed = scenario.policies ?? [];
  const problems: string[] = [];
  if (scenario.policies !== undefined && listed.length === 0) problems.push(`${file}: policies must name at least one policy, got an empty list (leave it out to run every built-in policy)`);
  const modules = listed.filter(looksLikePath);
  listed.forEach((name, index) => {
    if (looksLikePath(name)) {
      if (!allowModules) {
        problems.push(
          `${file}: policies[${index}] names a policy module (${JSON.stringify(name)}), which is code: a scenario file cannot run code unless you add ${ALLOW_POLICY_MODULES_FLAG} (or name the module in --policies)`,
        );
      }
    } else if (!findBuiltinPolicy(name)) {
      problems.push(`${file}: policies[${index}] must be a built-in policy (${BUILTIN_POLICIES.map((policy) => policy.name).join(", ")}) or the path of a policy module, got ${JSON.stringify(name)}`);
    }
  });
  const fromScenario = (name: string) => (looksLikePath(name) && !path.isAbsolute(name) ? path.join(path.dirname(file), name) : name);
  return { names: listed.map(fromScenario), modules, problems };
}
