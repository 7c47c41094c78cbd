import { z } from "zod";
import { EVENT_TYPES, PLAN_TYPES } from "./vocabulary.js";
import { count, nonNegative } from "./schema-helpers.js";

/**
 * A time-boxed change of the world. `intensity` reads per type:
 * - network-outage: extra problems and no-signal time in the region (1 = a severe outage);
 * - competitor-promo: extra churn hazard (0.3 = hazard x 1.3) in the region;
 * - price-change: ARPU change from startDay on (0.05 = +5 %), a bill shock on the next bill;
 * - economic-downturn: extra rate of financial difficulty (1 = doubled);
 * - moving-season / roaming-season: extra rate of moves / trips (1 = doubled);
 * - contract-wave: share of contracts moved to end inside the window;
 * - device-launch: extra desire for a new device (1 = doubled need signal).
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
      .default([...PLAN_TYPES])
      .describe("Plan types affected (competitor-promo, price-change and contract-wave; the other types affect every plan)."),
    intensity: nonNegative("Strength of the event; see the type's description.").default(1),
    label: z.string().default("").describe("A name for reports."),
  })
  .refine((event) => event.endDay >= event.startDay, {
    message: "endDay must be >= startDay",
    path: ["endDay"],
  })
  .describe("A time-boxed world event.");

export type WorldEvent = z.output<typeof eventSchema>;
