import type { Scenario } from "../../scenario/scenario-schema.js";
import type { SubscriberState } from "../state/subscriber-state.js";
import { createStream } from "../../random/random-stream.js";
import { planMask } from "./world-day.js";
import type { WorldParams } from "../params/world-params.js";
import { refreshLevelBounds } from "../state/level-bounds.js";

/**
 * One-off events that change subscribers on their start day: a price change (bills rise, the
 * next bill shocks, and the hazard moves for good with the customer's price sensitivity, see
 * `churn.priceElasticity`) and a contract wave (a share of contracts moved to end inside the window).
 * Each event draws from its own stream, one draw per subscriber, whatever the policy did.
 */
export function applyStateEvents(state: SubscriberState, scenario: Scenario, params: WorldParams, day: number, rootSeed: number, replicate: number): void {
  scenario.events.forEach((event, index) => {
    if (event.startDay !== day || (event.type !== "price-change" && event.type !== "contract-wave")) return;
    const mask = planMask(event);
    const inScope = (i: number) =>
      ((mask >> state.plan[i]) & 1) === 1 && (event.region === "all" || state.region[i] === event.region);
    if (event.type === "price-change") {
      const logChange = Math.log1p(event.intensity) * params.priceElasticity;
      for (let i = 0; i < state.count; i++) {
        if (!inScope(i)) continue;
        state.planPricePerMonth[i] *= 1 + event.intensity;
        state.priceHazardFactor[i] *= Math.exp(logChange * state.priceSensitivity[i]);
        refreshLevelBounds(state, i, day, params);
      }
      return;
    }
    const draws = createStream(rootSeed, `replicate:${replicate}/world/event:${index}`);
    const windowDays = event.endDay - event.startDay + 1;
    for (let i = 0; i < state.count; i++) {
      const u = draws.next();
      const hasContract = scenario.population.plans[scenarioPlan(state.plan[i])].contractMonths > 0;
      if (inScope(i) && hasContract && u < event.intensity) {
        state.contractEndDay[i] = event.startDay + Math.floor((u / event.intensity) * windowDays);
      }
    }
  });
}

function scenarioPlan(plan: number) {
  return (["prepaid", "postpaid", "broadband", "tv"] as const)[plan];
}
