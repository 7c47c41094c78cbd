import { PLAN_TYPES, VALUE_SEGMENTS } from "../scenario/vocabulary.js";

/** Groups every count is kept for: the whole base, each plan type, each starting value segment. */
export const GROUPS = ["all", ...PLAN_TYPES, ...VALUE_SEGMENTS] as const;
export type Group = (typeof GROUPS)[number];
export const PLAN_GROUP_OFFSET = 1;
export const SEGMENT_GROUP_OFFSET = 1 + PLAN_TYPES.length;

/** Event counters kept per group. */
export const COUNTERS = [
  "churned",
  "contacts",
  "accepts",
  "declines",
  "ignores",
  "complaints",
  "optOuts",
  "offerCost",
  "contactCost",
  "returned",
  "cancellationCalls",
  "saves",
  "joined",
  "linesLost",
] as const;
export type Counter = (typeof COUNTERS)[number];
export const COUNTER = Object.fromEntries(COUNTERS.map((name, index) => [name, index])) as Record<Counter, number>;
