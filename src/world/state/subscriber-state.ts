import { CATEGORIES, OUTBOUND_CHANNELS, REMEDIES } from "../../scenario/vocabulary.js";

/** Slots kept per subscriber for recent network problems and recent contacts (ring buffers). */
export const PROBLEM_SLOTS = 16;
export const CONTACT_SLOTS = 16;
/** Slots kept per account for recent problems on its other lines (ring buffer). */
export const LINE_PROBLEM_SLOTS = 8;
export const CATEGORY_COUNT = CATEGORIES.length;
export const OUTBOUND_CHANNEL_COUNT = OUTBOUND_CHANNELS.length;
export const REMEDY_COUNT = REMEDIES.length;
/** Day value meaning "never" in day-valued arrays. */
export const NEVER = -1_000_000;
/** "Never" in the 16-bit day rings (days stay within -32767..32767). */
export const RING_NEVER = -32768;
/** surveyScore of a subscriber who did not answer the NPS survey. */
export const NO_SURVEY_ANSWER = -1;

export const STATUS_ACTIVE = 0;
export const STATUS_CHURNED = 1;
/** A gross add whose join day has not come yet. */
export const STATUS_NOT_JOINED = 2;

/**
 * The whole subscriber base as a structure of arrays: one typed array per attribute, indexed by
 * subscriber. Nothing here is allocated per day. Fields under "latent" are the world's secrets:
 * policies never see them.
 */
export interface SubscriberState {
  readonly count: number;

  // --- observable: plan and account
  readonly plan: Uint8Array;
  readonly region: Uint8Array;
  readonly lines: Uint8Array;
  /** Monthly price of the plan and permanent add-ons, before timed add-ons and discounts. */
  readonly planPricePerMonth: Float32Array;
  readonly addonPricePerMonth: Float32Array;
  readonly addonUntilDay: Int32Array;
  /** One-off charges (a one-month pass) added to the next bill. */
  readonly pendingCharges: Float32Array;
  /** Relative excess of the last bill over the usual bill before it (0 when not above). */
  readonly lastBillShock: Float32Array;
  readonly discountPerMonth: Float32Array;
  readonly discountUntilDay: Int32Array;
  readonly dataAllowanceGb: Float32Array;
  readonly joinDay: Int32Array;
  readonly contractEndDay: Int32Array;
  readonly deviceSinceDay: Int32Array;
  readonly valueSegment: Uint8Array;
  readonly consentMask: Uint8Array;
  /** Answer to the NPS survey taken before the run (0-10), or NO_SURVEY_ANSWER; see sample-promoters.ts. */
  readonly surveyScore: Int8Array;

  // --- observable: dynamic
  readonly status: Uint8Array;
  readonly churnDay: Int32Array;
  readonly lastBill: Float32Array;
  readonly usualBill: Float32Array;
  readonly overdueSinceDay: Int32Array;
  readonly paymentPlan: Uint8Array;
  readonly tripStartDay: Int32Array;
  readonly tripEndDay: Int32Array;
  readonly previousTripDays: Int32Array;
  readonly roamingPassUntilDay: Int32Array;
  readonly previousTripEndDay: Int32Array;
  readonly movedDay: Int32Array;
  readonly lastInboundDay: Int32Array;
  readonly holdUntilDay: Int32Array;
  readonly lastComplaintDay: Int32Array;
  readonly complaints: Uint16Array;
  /** Ring of recent problem days: day, dropped calls, buffering events, no-signal minutes. */
  readonly problemDay: Int16Array;
  readonly problemDropped: Uint8Array;
  readonly problemBuffering: Uint8Array;
  readonly problemNoSignalMinutes: Uint16Array;
  readonly problemHead: Uint8Array;
  /** Ring of recent contacts: day, channel, action index, outcome. */
  readonly contactDay: Int16Array;
  readonly contactChannel: Uint8Array;
  readonly contactAction: Uint16Array;
  readonly contactOutcome: Uint8Array;
  readonly contactHead: Uint8Array;
  /**
   * Ring of recent problem days on the account's other lines (every line but the holder's):
   * day, problems (dropped calls plus buffering), no-signal minutes; see other-lines-network.ts.
   */
  readonly lineProblemDay: Int16Array;
  readonly lineProblems: Uint8Array;
  readonly lineNoSignalMinutes: Uint16Array;
  readonly lineProblemHead: Uint8Array;
  /** Last day an extra line of the account ported out on its own; NEVER when none. */
  readonly lineLeftDay: Int32Array;

  // --- latent (world only)
  readonly responseType: Uint8Array;
  readonly hazardPerDay: Float32Array;
  readonly priceSensitivity: Float32Array;
  readonly qualitySensitivity: Float32Array;
  readonly coverage: Float32Array;
  /** Network exposure of each of the account's other lines (mean one, correlated with `coverage`). */
  readonly linesCoverage: Float32Array;
  readonly contactTolerancePerWeek: Float32Array;
  readonly fragile: Uint8Array;
  readonly dataUsePerDayGb: Float32Array;
  /** count x CATEGORY_COUNT affinities, standard-normal scale. */
  readonly affinity: Float32Array;
  /** count x OUTBOUND_CHANNEL_COUNT preferences for each outbound channel, log-odds. */
  readonly channelPreference: Float32Array;
  /** count x REMEDY_COUNT sensitivities to each kind of remedy (median 1). */
  readonly remedySensitivity: Float32Array;
  /** 1 for a promoter: someone who would gladly recommend the operator (see promoter-referral.ts). */
  readonly promoter: Uint8Array;
  /** Level at the day of its last change; see decaying-levels.ts. */
  readonly dissatisfaction: Float32Array;
  readonly dissatisfactionDay: Int32Array;
  readonly annoyance: Float32Array;
  readonly annoyanceDay: Int32Array;
  readonly annoyanceFlushDay: Int32Array;
  readonly difficultyUntilDay: Int32Array;
  readonly deviceBroken: Uint8Array;
  readonly movePending: Uint8Array;
  readonly retentionFactor: Float32Array;
  /**
   * Lasting churn-hazard factor from the operator's price changes since the start (price-change
   * events): (1 + change)^(priceElasticity x price sensitivity), multiplied over the events. 1 when
   * prices have not moved.
   */
  readonly priceHazardFactor: Float32Array;
  readonly retentionUntilDay: Int32Array;
  readonly awakenedDay: Int32Array;
  /**
   * Day a price or plan contact last reminded this customer (one who overpays or is out of
   * contract) to compare offers; see salience.ts. NEVER when never.
   */
  readonly remindedDay: Int32Array;
  /** Last day of priority service (an accepted offer's priorityDays); NEVER when none. */
  readonly priorityUntilDay: Int32Array;
  /** Goodwill from welcome contacts: level at the day of its last change (decaying-levels.ts). */
  readonly goodwill: Float32Array;
  readonly goodwillDay: Int32Array;
  readonly pendingChurn: Uint8Array;
  /**
   * Today's exact churn hazard, computed only for today's churn candidates (subscribers whose
   * churn uniform fell below their hazard bound, or who were contacted); 0 for everyone else.
   */
  readonly hazardToday: Float32Array;

  // --- daily chance bounds kept by the engine (see morning-pass.ts): former subscribers get
  // bounds that skip them, except for the chance of coming back
  /** Chance of a problem-free day today; -1 forces the network step (no-signal time), 2 skips it. */
  readonly noProblemChance: Float32Array;
  /** The same for the account's other lines together; 2 skips it (single-line accounts). */
  readonly linesNoProblemChance: Float32Array;
  /** Upper bound of today's life-event chance (former subscribers: of coming back) at factor 1. */
  readonly lifeChanceBound: Float32Array;
  /** Churn hazard bound before the day's common factors; 0 for former subscribers. */
  readonly churnBound: Float32Array;
  /** Inbound-contact rate bound; 0 for former subscribers. */
  readonly inboundBound: Float32Array;

  // --- per-subscriber accumulators for metrics (added up when status changes and at the end)
  readonly activeSinceDay: Int32Array;
  readonly activeDays: Int32Array;
  readonly revenue: Float64Array;
  readonly annoyanceSum: Float64Array;
}

/** Allocates a zeroed state for `count` subscribers whose simulation starts on `firstDay`. */
export function allocateSubscriberState(count: number, firstDay = 0): SubscriberState {
  const never = (length: number) => new Int32Array(length).fill(NEVER);
  return {
    count,
    plan: new Uint8Array(count),
    region: new Uint8Array(count),
    lines: new Uint8Array(count),
    planPricePerMonth: new Float32Array(count),
    addonPricePerMonth: new Float32Array(count),
    addonUntilDay: never(count),
    pendingCharges: new Float32Array(count),
    lastBillShock: new Float32Array(count),
    discountPerMonth: new Float32Array(count),
    discountUntilDay: never(count),
    dataAllowanceGb: new Float32Array(count),
    joinDay: new Int32Array(count),
    contractEndDay: never(count),
    deviceSinceDay: new Int32Array(count),
    valueSegment: new Uint8Array(count),
    consentMask: new Uint8Array(count),
    surveyScore: new Int8Array(count).fill(NO_SURVEY_ANSWER),
    status: new Uint8Array(count),
    churnDay: never(count),
    lastBill: new Float32Array(count),
    usualBill: new Float32Array(count),
    overdueSinceDay: never(count),
    paymentPlan: new Uint8Array(count),
    tripStartDay: never(count),
    tripEndDay: never(count),
    previousTripDays: new Int32Array(count),
    roamingPassUntilDay: never(count),
    previousTripEndDay: never(count),
    movedDay: never(count),
    lastInboundDay: never(count),
    holdUntilDay: never(count),
    lastComplaintDay: never(count),
    complaints: new Uint16Array(count),
    problemDay: new Int16Array(count * PROBLEM_SLOTS).fill(RING_NEVER),
    problemDropped: new Uint8Array(count * PROBLEM_SLOTS),
    problemBuffering: new Uint8Array(count * PROBLEM_SLOTS),
    problemNoSignalMinutes: new Uint16Array(count * PROBLEM_SLOTS),
    problemHead: new Uint8Array(count),
    contactDay: new Int16Array(count * CONTACT_SLOTS).fill(RING_NEVER),
    contactChannel: new Uint8Array(count * CONTACT_SLOTS),
    contactAction: new Uint16Array(count * CONTACT_SLOTS),
    contactOutcome: new Uint8Array(count * CONTACT_SLOTS),
    contactHead: new Uint8Array(count),
    lineProblemDay: new Int16Array(count * LINE_PROBLEM_SLOTS).fill(RING_NEVER),
    lineProblems: new Uint8Array(count * LINE_PROBLEM_SLOTS),
    lineNoSignalMinutes: new Uint16Array(count * LINE_PROBLEM_SLOTS),
    lineProblemHead: new Uint8Array(count),
    lineLeftDay: never(count),
    responseType: new Uint8Array(count),
    hazardPerDay: new Float32Array(count),
    priceSensitivity: new Float32Array(count),
    qualitySensitivity: new Float32Array(count),
    coverage: new Float32Array(count),
    linesCoverage: new Float32Array(count).fill(1),
    contactTolerancePerWeek: new Float32Array(count),
    fragile: new Uint8Array(count),
    dataUsePerDayGb: new Float32Array(count),
    affinity: new Float32Array(count * CATEGORY_COUNT),
    channelPreference: new Float32Array(count * OUTBOUND_CHANNEL_COUNT),
    remedySensitivity: new Float32Array(count * REMEDY_COUNT).fill(1),
    promoter: new Uint8Array(count),
    dissatisfaction: new Float32Array(count),
    dissatisfactionDay: new Int32Array(count).fill(firstDay),
    annoyance: new Float32Array(count),
    annoyanceDay: new Int32Array(count).fill(firstDay),
    annoyanceFlushDay: new Int32Array(count).fill(firstDay),
    difficultyUntilDay: never(count),
    deviceBroken: new Uint8Array(count),
    movePending: new Uint8Array(count),
    retentionFactor: new Float32Array(count).fill(1),
    priceHazardFactor: new Float32Array(count).fill(1),
    retentionUntilDay: never(count),
    awakenedDay: never(count),
    remindedDay: never(count),
    priorityUntilDay: never(count),
    goodwill: new Float32Array(count),
    goodwillDay: new Int32Array(count).fill(firstDay),
    pendingChurn: new Uint8Array(count),
    hazardToday: new Float32Array(count),
    noProblemChance: new Float32Array(count),
    linesNoProblemChance: new Float32Array(count),
    lifeChanceBound: new Float32Array(count),
    churnBound: new Float32Array(count),
    inboundBound: new Float32Array(count),
    activeSinceDay: new Int32Array(count),
    activeDays: new Int32Array(count),
    revenue: new Float64Array(count),
    annoyanceSum: new Float64Array(count),
  };
}
