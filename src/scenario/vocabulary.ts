/**
 * The fixed vocabularies of the world. Their order is part of the data layout (typed arrays are
 * indexed by position), so append new entries at the end.
 */

export const PLAN_TYPES = ["prepaid", "postpaid", "broadband", "tv"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export const PLAN_PREPAID = 0;
export const PLAN_POSTPAID = 1;
export const PLAN_BROADBAND = 2;
export const PLAN_TV = 3;

/** Operator-computed value segments (strategic, transactional, disengaged: value, tenure and engagement). */
export const VALUE_SEGMENTS = ["strategic", "transactional", "disengaged"] as const;
export type ValueSegment = (typeof VALUE_SEGMENTS)[number];
export const SEGMENT_STRATEGIC = 0;
export const SEGMENT_TRANSACTIONAL = 1;
export const SEGMENT_DISENGAGED = 2;

/** Latent treatment-response types for retention contact; TYPE_* are their indices. */
export const RESPONSE_TYPES = ["persuadable", "sureThing", "lostCause", "sleepingDog"] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];
export const TYPE_PERSUADABLE = 0;
export const TYPE_LOST_CAUSE = 2;
export const TYPE_SLEEPING_DOG = 3;

/** The CVM programs of the catalogue document. */
export const PROGRAMS = [
  "onboarding",
  "renewal",
  "upsell",
  "retention",
  "loyalty",
  "winback",
  "device",
  "referral",
  "roaming",
  "proactive-service",
  "payments",
  "moving-house",
] as const;
export type Program = (typeof PROGRAMS)[number];

/**
 * Offer categories: what the offer is about. Each has a latent per-subscriber affinity and an
 * observable "need" signal (allowance use for data, travel for roaming, ...).
 */
export const CATEGORIES = [
  "data",
  "device",
  "content",
  "roaming",
  "loyalty",
  "discount",
  "service",
  "payment",
  "referral",
  "home",
  "onboarding",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that sell something: these fail and annoy after service problems (selling to someone the network just failed backfires). */
export const COMMERCIAL_CATEGORIES: readonly Category[] = ["data", "device", "content", "roaming"];

/**
 * Kinds of remedy for a customer's trouble: each customer has a latent sensitivity to each (some
 * want an apology, others money, others to be served first or to have the network fixed).
 */
export const REMEDIES = ["apology", "credit", "priority", "fix"] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Outbound channels carry campaign contacts; `inbound` offers are made when the customer calls. */
export const OUTBOUND_CHANNELS = ["sms", "email", "outbound-call", "app-push"] as const;
export const CHANNELS = [...OUTBOUND_CHANNELS, "inbound"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Inbound touch-points: why the customer is in contact today. */
export const TOUCHPOINTS = ["care-call", "app-session", "store-visit", "cancellation-request"] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];
/** Action 0 of every catalogue: no contact. */
export const NO_ACTION = 0;

/** Outbound campaign slots are the fifth kind of decision moment. */
export const MOMENT_OUTBOUND = 4;
export const MOMENT_CANCELLATION = 3;
export const MOMENT_KINDS = [...TOUCHPOINTS, "outbound-slot"] as const;

/** Outcomes of one contact. */
export const OUTCOMES = ["none", "accept", "decline", "ignore", "complain", "opt-out"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_NONE = 0;
export const OUTCOME_ACCEPT = 1;
export const OUTCOME_DECLINE = 2;
export const OUTCOME_IGNORE = 3;
export const OUTCOME_COMPLAIN = 4;
export const OUTCOME_OPT_OUT = 5;

/** Time-boxed world events a scenario can schedule. */
export const EVENT_TYPES = [
  "network-outage",
  "competitor-promo",
  "price-change",
  "economic-downturn",
  "moving-season",
  "roaming-season",
  "contract-wave",
  "device-launch",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
