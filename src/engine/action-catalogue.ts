import type { Scenario } from "../scenario/scenario-schema.js";
import type { Offer } from "../scenario/offer-schema.js";
import { CATEGORIES, CHANNELS, PLAN_TYPES, PROGRAMS, TOUCHPOINTS } from "../scenario/vocabulary.js";
import type { ActionInfo } from "../policy/policy.js";

/** The actions of a run: "no action" first, then every enabled offer in catalogue order. */
export interface ActionCatalogue {
  readonly actions: readonly ActionInfo[];
  /** offers[k] is the offer behind action k (undefined for action 0). */
  readonly offers: readonly (Offer | undefined)[];
  readonly categoryIndex: Int8Array;
  readonly channelIndex: Int8Array;
  readonly programIndex: Int8Array;
  readonly planMask: Uint8Array;
  /** Bit per touch-point (MOMENT_KINDS index) where an inbound offer may be made. */
  readonly touchpointMask: Uint8Array;
}

export function buildActionCatalogue(scenario: Scenario): ActionCatalogue {
  const offers = scenario.offers.filter((offer) => offer.enabled);
  const actions: ActionInfo[] = [
    {
      index: 0,
      id: "no-action",
      program: null,
      category: null,
      channel: null,
      price: 0,
      priceMonths: 0,
      discount: 0,
      discountMonths: 0,
      cost: 0,
      contactCost: 0,
      contractMonths: 0,
      targetsChurned: false,
    },
  ];
  for (const offer of offers) {
    actions.push({
      index: actions.length,
      id: offer.id,
      program: offer.program,
      category: offer.category,
      channel: offer.channel,
      price: offer.price,
      priceMonths: offer.priceMonths,
      discount: offer.discount,
      discountMonths: offer.discountMonths,
      cost: offer.cost,
      contactCost: scenario.channels[offer.channel],
      contractMonths: offer.contractMonths,
      targetsChurned: offer.eligibility.target === "churned",
    });
  }
  const count = actions.length;
  const catalogue: ActionCatalogue = {
    actions,
    offers: [undefined, ...offers],
    categoryIndex: new Int8Array(count).fill(-1),
    channelIndex: new Int8Array(count).fill(-1),
    programIndex: new Int8Array(count).fill(-1),
    planMask: new Uint8Array(count),
    touchpointMask: new Uint8Array(count),
  };
  offers.forEach((offer, k) => {
    catalogue.categoryIndex[k + 1] = CATEGORIES.indexOf(offer.category);
    catalogue.channelIndex[k + 1] = CHANNELS.indexOf(offer.channel);
    catalogue.programIndex[k + 1] = PROGRAMS.indexOf(offer.program);
    for (const plan of offer.eligibility.plans) catalogue.planMask[k + 1] |= 1 << PLAN_TYPES.indexOf(plan);
    for (const touchpoint of offer.eligibility.touchpoints) catalogue.touchpointMask[k + 1] |= 1 << TOUCHPOINTS.indexOf(touchpoint);
  });
  return catalogue;
}
