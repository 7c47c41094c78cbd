import { InputError } from "../input-error.js";
import { loadScenario } from "../scenario/load-scenario.js";
import { preflightScenario } from "./preflight-scenario.js";
import { ALLOW_POLICY_MODULES_FLAG, checkScenarioPolicies } from "./scenario-policies.js";

/**
 * `offersim validate FILE`: exit 0 with a one-line summary (and a line naming the policy modules
 * the scenario would run, which `run` refuses without --allow-policy-modules), or exit 2 with
 * the problems. Nothing of the scenario is run but a trial draw of a few subscribers (see
 * preflightScenario).
 */
export function validateCommand(file: string, colour?: boolean): void {
  const { scenario, hash, chain } = loadScenario(file);
  preflightScenario(file, scenario, { concurrentTasks: 1, sizeSource: "population.size", colour });
  const policies = checkScenarioPolicies(file, scenario, true);
  if (policies.problems.length > 0) throw new InputError(policies.problems);
  const offers = scenario.offers.filter((offer) => offer.enabled).length;
  const parents = chain.length > 1 ? `, extends ${chain.slice(1).join(" <- ")}` : "";
  process.stdout.write(`${file}: ok (scenario "${scenario.name}", ${offers} offers, ${scenario.events.length} events, hash ${hash}${parents})\n`);
  if (policies.modules.length > 0) {
    process.stdout.write(
      `${file}: the policies list names policy modules, which are code: ${policies.modules.map((name) => JSON.stringify(name)).join(", ")}; offersim run refuses them unless given ${ALLOW_POLICY_MODULES_FLAG}\n`,
    );
  }
}
