import { z } from "zod";
import { EVENT_TYPES, PLAN_TYPES } from "./vocabulary.js";
import { count } from "./schema-helpers.js";

/** Types whose intensity cannot be negative: an outage adds problems, a contract wave is a chance. */
const NON_NEGATIVE_TYPES = new Set<string>(["network-outage", "contract-wave"]);

/**
 * A time-boxed change of the world. `intensity` reads per type (a negative intensity, above -1,
 * works the other way: a price cut, a competitor retreating, fewer moves):
 * - network-outage: extra problems and no-signal time in the region (1 = a severe outage);
 * - competitor-promo: extra churn hazard (0.3 = hazard x 1.3) in the region;
 * - price-change: plan price change from startDay on (0.05 = +5 %, -0.1 = a 10 % cut); a rise
 *   above the bill-shock threshold shocks the next bill, and the churn hazard moves with it for
 *   good (churn.priceElasticity);
 * - economic-downturn: extra rate of financial difficulty (1 = doubled);
 * - moving-season / roaming-season: extra rate of moves / trips (1 = doubled);
 * - contract-wave: share of contracts moved to end inside the window (0 to 1);
 * - device-launch: extra desire for a new device (1 = doubled need signal).
 * Every type but network-outage applies to the event's `plans` only (all plan types by default).
 */
export const eventSchema = z
  .strictObject({
    type: z.enum(EVENT_TYPES).describe("What happens."),
    startDay: count("First day (0-based) the event is in force."),
    endDay: count("Last day the event is in force (inclusive)."),
    region: z
      .union([z.literal("all"), z.number().int().min(0)])
      .default("all")
      .describe("Region index, or `all`."),
    plans: z
      .array(z.enum(PLAN_TYPES))
      .min(1)
      .optional()
      .describe("Plan types affected (default: all). Not allowed on network-outage: the network is shared by every plan type."),
    intensity: z
      .number()
      .gt(-1)
      .default(1)
      .describe(
        "Strength of the event; see the type's description. Negative (above -1) works the other way (a price cut); network-outage and contract-wave take 0 or more.",
      ),
    label: z.string().default("").describe("A name for reports."),
  })
  .superRefine((event, ctx) => {
    if (event.endDay < event.startDay) {
      ctx.addIssue({ code: "custom", path: ["endDay"], message: "endDay must be >= startDay" });
    }
    if (NON_NEGATIVE_TYPES.has(event.type) && event.intensity < 0) {
      ctx.addIssue({ code: "custom", path: ["intensity"], message: `intensity must be >= 0 for ${event.type}, got ${event.intensity}` });
    }
    if (event.type === "contract-wave" && event.intensity > 1) {
      ctx.addIssue({ code: "custom", path: ["intensity"], message: `intensity must be a share from 0 to 1 for contract-wave, got ${event.intensity}` });
    }
    if (event.type === "network-outage" && event.plans !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["plans"],
        message: "plans is not allowed on a network-outage (the network is shared: an outage hits every plan type in its region)",
      });
    }
  })
  .describe("A time-boxed world event.");

export type WorldEvent = z.output<typeof eventSchema>;
