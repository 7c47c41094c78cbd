import { z } from "zod";
import { eventSchema } from "./event-schema.js";
import { offerSchema } from "./offer-schema.js";
import { objectiveSchema, trainingSchema } from "./objective-schema.js";
import {
  annoyanceSchema,
  channelsSchema,
  churnSchema,
  contactPolicySchema,
  economicsSchema,
  inboundSchema,
  lifeSchema,
  networkSchema,
  outboundSchema,
  populationSchema,
  responseSchema,
  salienceSchema,
  goodwillSchema,
  promotersSchema,
  accountsSchema,
} from "./world-schema.js";

const SHARE_TOLERANCE = 1e-6;

/** A whole scenario: the world's parameters, its offer catalogue and its scheduled events. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Path of the JSON Schema, for editors."),
    name: z.string().min(1).describe("Short name shown in reports."),
    description: z.string().default("").describe("The question the scenario answers."),
    extends: z.string().optional().describe("Path of a parent scenario, relative to this file."),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe("Root seed of every random stream."),
    horizonDays: z.number().int().min(1).max(3650).default(365).describe("Simulated days."),
    warmupDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(120)
      .describe("Days the world runs before day 0 (no decisions, no churn, nothing counted) to reach a steady state."),
    startDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
      .refine(isCalendarDate, "startDate must be a real calendar date as YYYY-MM-DD")
      .default("2026-01-01")
      .describe("Calendar date of day 0 (for seasonality)."),
    population: populationSchema,
    churn: churnSchema,
    network: networkSchema,
    life: lifeSchema,
    inbound: inboundSchema,
    outbound: outboundSchema,
    annoyance: annoyanceSchema,
    response: responseSchema,
    salience: salienceSchema,
    goodwill: goodwillSchema,
    promoters: promotersSchema,
    accounts: accountsSchema,
    contactPolicy: contactPolicySchema,
    channels: channelsSchema,
    economics: economicsSchema,
    objective: objectiveSchema,
    training: trainingSchema,
    policies: z.array(z.string()).optional().describe("Policies to run when --policies is not given."),
    offers: z.array(offerSchema).default([]).describe("The offer and action catalogue."),
    events: z.array(eventSchema).default([]).describe("Time-boxed world events."),
  })
  .superRefine((scenario, ctx) => {
    const planShare = Object.values(scenario.population.plans).reduce((sum, plan) => sum + plan.share, 0);
    if (Math.abs(planShare - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: "custom", path: ["population", "plans"], message: `plan shares must sum to 1, got ${round(planShare)}` });
    }
    const typeShare = Object.values(scenario.population.responseTypes).reduce((sum, share) => sum + share, 0);
    if (Math.abs(typeShare - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: "custom", path: ["population", "responseTypes"], message: `response type shares must sum to 1, got ${round(typeShare)}` });
    }
    const { share, referralFactor } = scenario.promoters;
    if (share * referralFactor > 1 + SHARE_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["promoters", "referralFactor"],
        message: `promoters.share x promoters.referralFactor must be at most 1 (promoters cannot bring more than all referrals), got ${round(share * referralFactor)}`,
      });
    }
    const seen = new Map<string, number>();
    scenario.offers.forEach((offer, index) => {
      const first = seen.get(offer.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["offers", index, "id"], message: `id must be unique, got "${offer.id}" again (first at offers[${first}])` });
      } else seen.set(offer.id, index);
    });
    scenario.events.forEach((event, index) => {
      if (event.region !== "all" && event.region >= scenario.population.regions) {
        ctx.addIssue({
          code: "custom",
          path: ["events", index, "region"],
          message: `region must be "all" or an integer below population.regions (${scenario.population.regions}), got ${event.region}`,
        });
      }
    });
  });

/** 2026-02-28 is; 2026-02-30 and 2026-13-45 are not (Date would roll them over). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
