import { formatIssues } from "./format-issues.js";
import { InputError } from "../input-error.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

/**
 * Validates a raw scenario (already read, with `extends` already resolved) and fills in every
 * default. Problems are reported against `file`.
 *
 * @throws {InputError} one line per problem, e.g. `x.yaml: population.size must be a positive integer, got -5`.
 * @example
 * const scenario = parseScenarioObject("inline", { name: "tiny", population: { size: 100 } });
 */
export function parseScenarioObject(file: string, raw: unknown): Scenario {
  if (typeof raw === "object" && raw !== null && Object.hasOwn(raw, "extends")) {
    throw new InputError([`${file}: extends must be resolved by loading the scenario from its file (use loadScenario), got extends in an object`]);
  }
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) throw new InputError(formatIssues(file, result.error.issues, raw));
  return result.data;
}
