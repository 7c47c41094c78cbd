import type { RandomStream } from "../../random/random-stream.js";
import { standardNormal } from "../../random/standard-normal.js";
import type { Scenario } from "../../scenario/scenario-schema.js";
import type { SubscriberState } from "../state/subscriber-state.js";

/**
 * Draws every slot's latent network exposure of the account's other lines: log-normal with mean
 * 1 and the spread of the holder's (`population.coverageSpread`), its log correlated with the
 * holder's by `accounts.coverageCorrelation` (the household shares the home network). From a
 * stream of its own, so that adding it shifts none of the population's other draws.
 */
export function sampleLineCoverage(state: SubscriberState, scenario: Scenario, stream: RandomStream): void {
  const sigma = scenario.population.coverageSpread;
  const rho = scenario.accounts.coverageCorrelation;
  const own = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < state.count; i++) {
    const z = standardNormal(stream);
    // The holder's coverage is exp(sigma x zHolder - sigma^2 / 2) (meanOneLogNormal).
    const holder = sigma > 0 ? (Math.log(state.coverage[i]) + (sigma * sigma) / 2) / sigma : 0;
    state.linesCoverage[i] = Math.exp(sigma * (rho * holder + own * z) - (sigma * sigma) / 2);
  }
}
