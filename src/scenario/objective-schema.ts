import { z } from "zod";
import { count, nonNegative, section } from "./schema-helpers.js";

export const OBJECTIVE_PRESETS = ["nbo", "nba", "nbx"] as const;
export type ObjectivePreset = (typeof OBJECTIVE_PRESETS)[number];

/** What each term of the objective is worth, in money. */
export interface ObjectiveWeights {
  /** Per unit of money a contact brings (the deal's value less contact and offer costs). */
  revenue: number;
  /** Per unit of a year's margin of a customer who leaves within the attribution window. */
  retainedValue: number;
  /** Money per unit of annoyance a contact adds. */
  annoyance: number;
  /** Money per bad experience: a complaint or an opt-out. */
  experience: number;
}

/**
 * The presets. NBO values the sale only; NBA adds the customer kept and a price on annoyance;
 * NBX (next best experience) weighs the experience as the CVM document describes: a contact
 * that annoys or makes a customer complain costs more than a sale brings.
 */
export const OBJECTIVE_PRESET_WEIGHTS: Record<ObjectivePreset, ObjectiveWeights> = {
  nbo: { revenue: 1, retainedValue: 0, annoyance: 0, experience: 0 },
  nba: { revenue: 1, retainedValue: 1, annoyance: 4, experience: 10 },
  nbx: { revenue: 1, retainedValue: 1.5, annoyance: 40, experience: 100 },
};

const weight = (description: string) => nonNegative(description).optional();

export const objectiveSchema = section("What learning and look-ahead policies optimise (the feedback's `value`), and the oracle's horizon.", {
  preset: z.enum(OBJECTIVE_PRESETS).default("nba").describe("Starting weights: nbo (revenue only), nba (revenue and retained value, annoyance priced), nbx (experience first)."),
  weights: section("Weights that override the preset's.", {
    revenue: weight("Weight on the money of a contact (deal value less costs)."),
    retainedValue: weight("Weight on a year's margin of a customer who leaves within the attribution window after a decision."),
    annoyance: weight("Money per unit of annoyance a contact adds."),
    experience: weight("Money per complaint or opt-out."),
  }),
  attributionDays: count("Days after a decision in which a customer's leaving is charged to it.").min(1).max(180).default(30),
  oracleHorizonDays: count("Look-ahead horizon of the oracle policy, in days.").min(1).max(730).default(365),
});

export const trainingSchema = section("Offline training of the ML and RL policies, on training seeds that never overlap the evaluation seeds.", {
  historyDays: count("Days of history logged under an exploring behaviour policy for the propensity models.").min(7).max(730).default(120),
  maxSubscribers: count("At most this many subscribers in a training simulation.").min(100).default(20000),
  exploreContactShare: nonNegative("Share of decision moments at which the exploring behaviour policy contacts.").max(1).default(0.5),
  episodes: count("Training episodes of the reinforcement-learning agent.").min(1).max(100).default(6),
  episodeDays: count("Days per training episode of the reinforcement-learning agent.").min(30).max(730).default(180),
  rlMaxSubscribers: count("At most this many subscribers in a training episode of the reinforcement-learning agent (also capped by maxSubscribers).").min(100).default(2000),
  rlGradientStepsPerDay: count("Gradient steps of the reinforcement-learning agent after each simulated training day.").min(1).max(64).default(1),
});

export type Objective = z.output<typeof objectiveSchema>;
export type Training = z.output<typeof trainingSchema>;

/** The preset's weights with the scenario's overrides. */
export function objectiveWeights(objective: Objective): ObjectiveWeights {
  const preset = OBJECTIVE_PRESET_WEIGHTS[objective.preset];
  const overrides = objective.weights;
  return {
    revenue: overrides.revenue ?? preset.revenue,
    retainedValue: overrides.retainedValue ?? preset.retainedValue,
    annoyance: overrides.annoyance ?? preset.annoyance,
    experience: overrides.experience ?? preset.experience,
  };
}
