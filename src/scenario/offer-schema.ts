import { z } from "zod";
import { CATEGORIES, CHANNELS, PLAN_TYPES, PROGRAMS, REMEDIES, TOUCHPOINTS } from "./vocabulary.js";
import { count, fraction, nonNegative, section } from "./schema-helpers.js";

const eligibilitySchema = section("Who may receive the offer. The engine enforces it, not the policy.", {
  plans: z.array(z.enum(PLAN_TYPES)).min(1).default([...PLAN_TYPES]).describe("Plan types that may receive it."),
  target: z
    .enum(["active", "churned"])
    .default("active")
    .describe("`churned` makes it a winback offer, made to former subscribers only."),
  minTenureDays: count("Minimum tenure in days.").default(0),
  maxTenureDays: count("Maximum tenure in days (onboarding offers use 90).").default(100000),
  contractEndWithinDays: count(
    "Only when the contract ends within this many days (or has ended); 0 means no condition.",
  ).default(0),
  minDaysOverdue: count("Only when the bill is at least this many days overdue.").default(0),
  maxDaysOverdue: count("Only when the bill is at most this many days overdue.").default(100000),
  minAllowanceUse: nonNegative("Only when this cycle's data use is at least this share of the allowance.").default(0),
  minNetworkIssues7d: count("Only after at least this many dropped calls and buffering events in 7 days on the account's lines (the holder's and the other lines').").default(0),
  requiresTravel: z.boolean().default(false).describe("Only while travelling or within 7 days of a trip."),
  requiresMove: z.boolean().default(false).describe("Only within 30 days of moving house."),
  minLines: count("Minimum lines on the account.").default(1),
  minSurveyScore: count(
    "Only customers who answered the NPS survey (promoters.surveyShare of the starting base) with at least this score; 9 invites the survey's promoters. 0 means no condition.",
  )
    .max(10)
    .default(0),
  touchpoints: z
    .array(z.enum(TOUCHPOINTS))
    .min(1)
    .default([...TOUCHPOINTS])
    .describe("Inbound offers: the touch-points where it may be made (a save-desk offer: cancellation-request)."),
  maxChurnedDays: count("Winback offers: at most this many days since the subscriber left.").default(365),
});

/** One offer or action of the catalogue. Money is in the scenario's currency, per subscriber. */
export const offerSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case id of letters, digits and dashes")
      .describe("Unique id, also the action's name in logs and reports."),
    description: z.string().default("").describe("What the offer is, for people."),
    program: z.enum(PROGRAMS).describe("The CVM program it belongs to (for ROI per program)."),
    category: z.enum(CATEGORIES).describe("What it is about: drives need, affinity and context effects."),
    channel: z.enum(CHANNELS).describe("How it is delivered: an outbound channel, or `inbound` touch-points."),
    price: nonNegative("Monthly amount the customer pays extra once accepted (an add-on, an upgrade).").default(0),
    priceMonths: count("Months the price applies: 0 for good, 1 a one-off charge on the next bill (a pass).").default(0),
    discount: nonNegative("Monthly discount given to the customer once accepted.").default(0),
    discountMonths: count("Months the discount lasts; 0 means for good (the plan price drops).").default(0),
    cost: nonNegative("One-off cost to the operator per acceptance (subsidy, credit, gift).").default(0),
    contractMonths: count("Accepting starts a new contract of this many months (0: no contract change).").default(0),
    acceptBase: fraction(
      "Take-up of a typical eligible subscriber in a neutral context with no need signal.",
    ).default(0.03),
    relief: fraction("Share of the customer's dissatisfaction removed on acceptance (apologies, fixes).").default(0),
    retention: fraction(
      "Churn-hazard reduction on acceptance for a persuadable customer (0.6 = hazard x 0.4), scaled by response type.",
    ).default(0),
    effectDays: count("Days the retention effect lasts.").default(180),
    remedy: z
      .enum(["none", ...REMEDIES])
      .default("none")
      .describe(
        "The kind of remedy the offer is (apology, credit, priority, fix): its relief and retention are scaled by the customer's latent sensitivity to that kind (population.remedySensitivitySpread). none: not scaled.",
      ),
    priorityDays: count(
      "Days of priority service an acceptance gives (help lines and sales counters serve the customer first): network problems and bill shocks add only response.priorityDissatisfactionFactor of their usual dissatisfaction. 0: none.",
    ).default(0),
    availableFromDay: count(
      "First day (0-based, like event days) the offer exists: before it the offer is never eligible (a device launch appears mid-run, with no history).",
    ).default(0),
    availableToDay: count("Last day (inclusive) the offer exists: after it the offer is never eligible.").default(100000),
    enabled: z.boolean().default(true).describe("Set false in a child scenario to withdraw a parent's offer."),
    eligibility: eligibilitySchema,
  })
  .refine((offer) => offer.availableToDay >= offer.availableFromDay, {
    message: "availableToDay must be >= availableFromDay",
    path: ["availableToDay"],
  })
  .describe("An offer or action of the catalogue.");

export type Offer = z.output<typeof offerSchema>;
