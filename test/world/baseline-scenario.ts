import { loadScenario } from "../../src/scenario/load-scenario.js";
import type { Scenario } from "../../src/scenario/scenario-schema.js";

/** The repository's baseline scenario with a few fields replaced (for tests). */
export function baselineWith(changes: { subscribers?: number; days?: number } & Partial<Omit<Scenario, "population">> = {}): Scenario {
  const { scenario } = loadScenario("scenarios/baseline.yaml");
  const { subscribers, days, ...rest } = changes;
  return {
    ...scenario,
    ...rest,
    horizonDays: days ?? rest.horizonDays ?? scenario.horizonDays,
    population: { ...scenario.population, size: subscribers ?? scenario.population.size },
  };
}
