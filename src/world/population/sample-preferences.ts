import type { RandomStream } from "../../random/random-stream.js";
import { logNormalFactor, standardNormal } from "../../random/standard-normal.js";
import type { Scenario } from "../../scenario/scenario-schema.js";
import { OUTBOUND_CHANNEL_COUNT, REMEDY_COUNT, type SubscriberState } from "../state/subscriber-state.js";

/**
 * Draws every slot's latent channel preferences (normal, sigma `population.channelPreferenceSpread`,
 * log-odds) and remedy sensitivities (log-normal, median 1, sigma
 * `population.remedySensitivitySpread`) from a stream of their own, so that adding them shifts
 * none of the population's other draws.
 */
export function samplePreferences(state: SubscriberState, scenario: Scenario, stream: RandomStream): void {
  const { channelPreferenceSpread, remedySensitivitySpread } = scenario.population;
  for (let i = 0; i < state.count; i++) {
    for (let c = 0; c < OUTBOUND_CHANNEL_COUNT; c++) state.channelPreference[i * OUTBOUND_CHANNEL_COUNT + c] = channelPreferenceSpread * standardNormal(stream);
    for (let r = 0; r < REMEDY_COUNT; r++) state.remedySensitivity[i * REMEDY_COUNT + r] = logNormalFactor(stream, remedySensitivitySpread);
  }
}
