import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenario } from "./load-scenario.js";
import type { Scenario } from "./scenario-schema.js";

/**
 * The package's own scenarios/baseline.yaml, found from this module rather than the working
 * directory: two folders up in the repository (src/scenario/), three once built
 * (dist/src/scenario/), in a checkout and in an installed package alike.
 */
export function baselineScenarioFile(): string {
  const candidates = ["../../scenarios/baseline.yaml", "../../../scenarios/baseline.yaml"].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}

/**
 * The package's baseline scenario with a few fields replaced: a small world for tests.
 *
 * @example
 * const scenario = baselineWith({ subscribers: 2000, days: 90 });
 */
export function baselineWith(changes: { subscribers?: number; days?: number } & Partial<Omit<Scenario, "population">> = {}): Scenario {
  const { scenario } = loadScenario(baselineScenarioFile());
  const { subscribers, days, ...rest } = changes;
  return {
    ...scenario,
    ...rest,
    horizonDays: days ?? rest.horizonDays ?? scenario.horizonDays,
    population: { ...scenario.population, size: subscribers ?? scenario.population.size },
  };
}
