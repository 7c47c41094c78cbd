import type { Offer } from "./offer-schema.js";
import type { Scenario } from "./scenario-schema.js";

/**
 * Why an offer can never be made in a scenario, from the scenario's fields alone, or null when
 * it may be. These are the rules of the engine's filter (src/engine/eligibility.ts) that depend
 * on neither the day nor the customer: a withdrawn offer, one that appears after the run's last
 * day, a program budget of 0, and outbound contacts or calls capped at 0. A sweep warns with it
 * before running values that cannot change anything.
 *
 * @example
 * whyNeverEligible(callOffer, contactBudgetCut); // "outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0)"
 */
export function whyNeverEligible(offer: Offer, scenario: Scenario): string | null {
  const caps = scenario.contactPolicy;
  if (!offer.enabled) return "it is withdrawn (enabled: false)";
  if (offer.availableFromDay >= scenario.horizonDays) return `it is available from day ${offer.availableFromDay}, after the run's last day (${scenario.horizonDays - 1})`;
  if (scenario.economics.budgets[offer.program] === 0) return `the ${offer.program} budget is 0 (economics.budgets.${offer.program})`;
  if (offer.channel !== "inbound") {
    if (caps.maxContactsPerWeek === 0) return "outbound contacts are capped at 0 (contactPolicy.maxContactsPerWeek: 0)";
    if (caps.maxContactsPerMonth === 0) return "outbound contacts are capped at 0 (contactPolicy.maxContactsPerMonth: 0)";
  }
  if (offer.channel === "outbound-call" && caps.maxOutboundCallsPerMonth === 0) return "outbound calls are capped at 0 (contactPolicy.maxOutboundCallsPerMonth: 0)";
  return null;
}
