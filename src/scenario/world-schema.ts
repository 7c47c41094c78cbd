import { z } from "zod";
import { CATEGORIES, OUTBOUND_CHANNELS, PLAN_TYPES, PROGRAMS, RESPONSE_TYPES } from "./vocabulary.js";
import { count, fraction, nonNegative, perKey, positive, section } from "./schema-helpers.js";

/** Defaults per plan type: US-style ARPU (world-model section 4). */
const PLAN_DEFAULTS = {
  prepaid: { share: 0.3, arpu: 34, dataGb: 15, hazard: 0.0245, contract: 0, lines: 1.0 },
  postpaid: { share: 0.45, arpu: 52, dataGb: 30, hazard: 0.0067, contract: 24, lines: 1.8 },
  broadband: { share: 0.15, arpu: 60, dataGb: 400, hazard: 0.0065, contract: 12, lines: 1.0 },
  tv: { share: 0.1, arpu: 85, dataGb: 400, hazard: 0.0079, contract: 12, lines: 1.0 },
} as const;

const planSchema = (plan: (typeof PLAN_TYPES)[number]) => {
  const d = PLAN_DEFAULTS[plan];
  return section(`Parameters of ${plan} subscribers.`, {
    share: fraction("Share of the population on this plan type.").default(d.share),
    arpuPerMonth: positive("Mean ARPU per month.").default(d.arpu),
    arpuSpread: fraction("Log-normal spread (sigma) of ARPU between subscribers, about its coefficient of variation.").default(0.3),
    dataAllowanceGb: positive("Data allowance per billing cycle (GB).").default(d.dataGb),
    dataUseShare: positive("Mean data use as a share of the allowance.").default(0.7),
    baseChurnPerMonth: fraction(
      "Churn hazard per month of a typical subscriber before contract, type, experience and season multipliers.",
    ).default(d.hazard),
    contractMonths: count("Contract length in months (0: no contract).").default(d.contract),
    earlyTerminationFeePerMonth: nonNegative("Early-termination fee per remaining contract month.").default(
      d.contract > 0 ? 10 : 0,
    ),
    linesPerAccount: z.number().min(1).max(10).default(d.lines).describe("Mean lines on the account."),
  });
};

const responseTypeShares = perKey(
  RESPONSE_TYPES,
  (type) => fraction(`Share of subscribers of type ${type}.`).default({ persuadable: 0.2, sureThing: 0.5, lostCause: 0.08, sleepingDog: 0.22 }[type]),
  "Shares of the latent treatment-response types (they must sum to 1).",
);

/** The largest population a run takes, from the scenario or --subscribers. */
export const MAX_SUBSCRIBERS = 50_000_000;

export const populationSchema = section("Who the subscribers are.", {
  size: z.number().int().gt(0).max(MAX_SUBSCRIBERS).default(20000).describe(`Number of subscribers (at most ${MAX_SUBSCRIBERS}, as --subscribers).`),
  regions: z.number().int().min(1).max(64).default(8).describe("Number of network regions."),
  plans: section("Plan types.", {
    prepaid: planSchema("prepaid"),
    postpaid: planSchema("postpaid"),
    broadband: planSchema("broadband"),
    tv: planSchema("tv"),
  }),
  grossAddsPerMonth: fraction(
    "New customers joining per month, as a share of the starting base (gross adds; about the churn rate keeps the base steady).",
  ).default(0.016),
  responseTypes: responseTypeShares,
  priceSensitivitySpread: nonNegative("Log-normal spread of the latent price sensitivity (median 1).").default(0.5),
  qualitySensitivitySpread: nonNegative("Log-normal spread of the latent network-quality sensitivity (median 1).").default(0.6),
  coverageSpread: nonNegative("Log-normal spread of personal network exposure (home cell, indoor coverage).").default(0.8),
  contactToleranceMeanPerWeek: positive("Mean contacts a week a person accepts before annoyance grows fast.").default(1.5),
  financiallyFragileShare: fraction("Share of subscribers prone to payment difficulty.").default(0.15),
  channelPreferenceSpread: nonNegative(
    "Spread (sigma, log-odds) of the latent preference of each person for each outbound channel: some answer the app and hate calls, others the reverse. 0: everyone alike.",
  ).default(0.8),
  remedySensitivitySpread: nonNegative(
    "Log-normal spread (median 1) of each person's latent sensitivity to each kind of remedy (apology, credit, priority, fix), which scales the relief and retention of an offer with that remedy. 0: everyone alike.",
  ).default(0.8),
  consent: perKey(
    OUTBOUND_CHANNELS,
    (channel) => fraction(`Share consenting to ${channel}.`).default({ sms: 0.8, email: 0.7, "outbound-call": 0.55, "app-push": 0.45 }[channel]),
    "Share of subscribers consenting to each outbound channel.",
  ),
});

export const churnSchema = section("How churn is decided.", {
  seasonalAmplitude: fraction("Relative swing of the hazard over the year (0.15: +/-15 %).").default(0.15),
  peakDayOfYear: z.number().int().min(0).max(365).default(320).describe("Day of year of the seasonal peak (Q4)."),
  inContractMultiplier: nonNegative("Hazard multiplier while in contract (lock-in).").default(0.55),
  outOfContractMultiplier: nonNegative("Hazard multiplier once out of contract.").default(1.6),
  contractEndSpikeMultiplier: nonNegative("Extra multiplier in the first days after the contract ends.").default(2.2),
  contractEndSpikeDays: count("Length of the post-contract spike in days.").default(60),
  typeMultiplier: perKey(
    RESPONSE_TYPES,
    (type) => nonNegative(`Baseline hazard multiplier of ${type} subscribers.`).default({ persuadable: 1.7, sureThing: 0.35, lostCause: 4.2, sleepingDog: 0.75 }[type]),
    "Baseline hazard by latent type (sure things rarely leave, lost causes often do).",
  ),
  newCustomerMultiplier: nonNegative("Hazard multiplier in the first 90 days of tenure.").default(1.8),
  dissatisfactionWeight: nonNegative("Hazard rises by this share per unit of dissatisfaction.").default(2.5),
  annoyanceWeight: nonNegative("Hazard rises by this share per unit of annoyance.").default(0.25),
  involuntaryAfterDaysOverdue: count("Days overdue after which the account is disconnected (churn).").default(90),
  cancellationCallShare: fraction(
    "Share of contract churners who first call to cancel (a save-desk moment) rather than port out silently.",
  ).default(0.4),
  naturalReturnPerYear: fraction("Yearly rate at which former subscribers come back unprompted.").default(0.03),
  priceElasticity: nonNegative(
    "Lasting churn response to the operator's own price changes (price-change events): hazard x (1 + change)^(priceElasticity x price sensitivity), so with 1 a 10 % cut lowers a median customer's hazard by 10 % and a 10 % rise raises it by 10 %, for good. The bill shock of a rise comes on top.",
  ).default(1),
  sleepingDogBoost: nonNegative("Extra hazard of a contacted sleeping dog (2 = x3), decaying over awakeDays.").default(2.5),
  awakeDays: positive("Days over which a sleeping dog's awakened hazard fades.").default(60),
});

export const networkSchema = section("Network experience.", {
  problemsPerDay: nonNegative("Mean dropped calls plus buffering events per subscriber-day.").default(0.08),
  droppedCallShare: fraction("Share of problems that are dropped calls (the rest is buffering).").default(0.5),
  incidentsPerRegionPerMonth: nonNegative("Background incidents per region per month.").default(0.6),
  incidentDays: positive("Mean incident length in days.").default(2),
  incidentProblemMultiplier: nonNegative("Problem rate multiplier during a background incident.").default(5),
  incidentNoSignalMinutes: nonNegative("No-signal minutes per day during a background incident.").default(40),
  outageProblemMultiplier: nonNegative("Problem rate multiplier per unit intensity of a scheduled outage.").default(12),
  outageNoSignalMinutes: nonNegative("No-signal minutes per day per unit intensity of a scheduled outage.").default(180),
  dissatisfactionPerProblem: nonNegative("Dissatisfaction added per problem at quality sensitivity 1.").default(0.08),
  dissatisfactionPerNoSignalHour: nonNegative("Dissatisfaction added per no-signal hour.").default(0.6),
  dissatisfactionHalfLifeDays: positive("Half-life of dissatisfaction in days.").default(15),
});

export const lifeSchema = section("Life events and money.", {
  movesPerYear: nonNegative("House moves per subscriber per year.").default(0.1),
  moveChurnRisk: fraction("Broadband/TV: chance a move ends the service unless a moving offer is taken.").default(0.3),
  tripsPerYear: nonNegative("Trips abroad per subscriber per year.").default(1.2),
  tripDays: positive("Mean trip length in days.").default(7),
  roamingSpendPerDay: nonNegative("Out-of-bundle roaming charge per day abroad (bill shock).").default(8),
  difficultyPerYear: nonNegative("Onsets of financial difficulty per fragile subscriber per year.").default(0.6),
  difficultyDays: positive("Mean length of a financial difficulty in days.").default(75),
  deviceBreaksPerYear: nonNegative("Device breakages per mobile subscriber per year.").default(0.12),
  deviceRepairDays: positive("Mean days until a broken device is fixed or replaced without the operator.").default(30),
  renewalsPerYearOutOfContract: nonNegative(
    "Yearly rate at which a customer past contract end re-contracts unprompted (a new phone in a store).",
  ).default(1),
  billShockThreshold: nonNegative("A bill this share above usual is a shock.").default(0.25),
  dissatisfactionPerBillShock: nonNegative("Dissatisfaction per unit of relative bill excess at price sensitivity 1.").default(0.6),
  overageShare: nonNegative("Overage charge as a share of ARPU per 10 % over the allowance (postpaid).").default(0.05),
});

export const inboundSchema = section("Inbound touch-points: the customer gets in touch.", {
  contactsPerMonth: nonNegative("Inbound contacts per subscriber per month at zero dissatisfaction.").default(0.25),
  dissatisfactionMultiplier: nonNegative("Rate rises by this share per unit of dissatisfaction.").default(2),
  careCallShare: fraction("Share of inbound contacts that are care calls.").default(0.35),
  appSessionShare: fraction("Share that are app sessions (the rest are store visits).").default(0.5),
});

export const outboundSchema = section("Outbound campaign slots.", {
  slotEveryDays: z.number().int().min(1).max(365).default(7).describe(
    "Each subscriber comes up for an outbound decision every this many days (staggered): 7 is a weekly campaign run.",
  ),
});

export const annoyanceSchema = section("Annoyance from contacts.", {
  perContact: nonNegative("Annoyance added by one relevant outbound contact.").default(0.25),
  irrelevantMultiplier: nonNegative("Multiplier for an irrelevant contact (no need, low affinity).").default(2.5),
  overToleranceMultiplier: nonNegative("Multiplier for contacts beyond the person's weekly tolerance.").default(3),
  problemContextMultiplier: nonNegative("Multiplier for a commercial offer right after service problems.").default(3),
  inboundMultiplier: nonNegative("Multiplier for an offer made while the customer is in touch.").default(0.3),
  dislikedChannelMultiplier: nonNegative(
    "Multiplier for a contact by a channel the person dislikes (latent channel preference below -1).",
  ).default(2),
  halfLifeDays: positive("Half-life of annoyance in days.").default(21),
});

export const salienceSchema = section(
  "Salience backfire: an outbound contact about price or plan that the customer turns down reminds those who overpay or are out of contract to compare offers (Ascarza, Iyengar and Schleicher 2016: a plan-recommendation campaign raised 3-month churn from 6.4 % to 10.0 %).",
  {
    boost: nonNegative(
      "Extra hazard of a reminded customer (1.2 = x2.2 right after the contact), fading linearly over salience.days. 0 switches the mechanism off.",
    ).default(1.2),
    days: positive("Days over which a reminded customer's extra hazard fades.").default(90),
    overpayUseShare: fraction(
      "A customer whose projected data use is below this share of the allowance overpays (pays for an allowance they do not use).",
    ).default(0.5),
    categories: z
      .array(z.enum(CATEGORIES))
      .default(["data", "discount"])
      .describe("Offer categories whose outbound contacts are about price or plan (plan recommendations, retention and renewal discounts)."),
  },
);

export const goodwillSchema = section(
  "Goodwill from welcome contact: a relevant outbound contact within the person's weekly tolerance builds loyalty that fades (Zhang, Kumar and Cosguner 2017: profit peaks at a moderate contact volume; \"keep in touch but don't spam\").",
  {
    perWelcomeContact: nonNegative(
      "Goodwill added by a welcome contact (relevant, within the weekly tolerance, not a sales offer after service problems); half of it when the offer is turned down. 0 switches the mechanism off.",
    ).default(0.12),
    hazardWeight: nonNegative("The churn hazard is divided by (1 + hazardWeight x goodwill).").default(1),
    halfLifeDays: positive("Half-life of goodwill in days.").default(60),
  },
);

export const promotersSchema = section(
  "Promoters: a latent minority of customers who would gladly recommend the operator, more common among long-tenure customers with a good network experience. A satisfied promoter takes a referral invitation far more often; other customers far less, so that the base's average take-up stays the offer's. A share of the starting base answered an NPS survey before the run (an observable, noisy signal of the trait). Reichheld (HBR 2003): promoters (answers 9-10) bring most referrals; Kumar, Petersen and Leone (HBR 2007): only a minority of a telecom firm's customers actually refer.",
  {
    share: fraction("Share of the starting base who are promoters (the tenure and experience weights move it between customers, not its mean).").default(0.15),
    tenureWeight: nonNegative("Promoter log-odds per unit of ln(1 + tenure in years) when the population is drawn.").default(0.5),
    experienceWeight: nonNegative(
      "Promoter log-odds lost per unit of ln(network exposure), the latent quality sensitivity x coverage that drives dissatisfaction.",
    ).default(0.5),
    referralFactor: z
      .number()
      .min(1)
      .default(5.5)
      .describe(
        "A satisfied promoter's referral take-up is multiplied by this; everyone else's by (1 - share x referralFactor) / (1 - share), so that the base's average stays the offer's. share x referralFactor must be at most 1. 1 switches the mechanism off.",
      ),
    surveyShare: fraction("Share of the starting base who answered an NPS survey (0-10) before the run; the rest, and every gross add, have no answer.").default(0.2),
    promoterTopAnswerShare: fraction("Chance that a promoter answers 9 or 10 (else 7 or 8).").default(0.85),
    othersTopAnswerShare: fraction("Chance that any other customer answers 9 or 10 (else 7-8 with the chance 0.6, 0-6 with 0.4).").default(0.06),
  },
);

export const accountsSchema = section(
  "The account view: a subscriber slot is an account (its holder and `lines - 1` other lines, a household). The other lines have network experience of their own that reaches the holder, an extra line can port out on its own, and the rest of the household then tends to follow (the high-value-customer post: a high-value customer's experience is wasted if the spouse's is bad).",
  {
    coverageCorrelation: fraction(
      "Correlation of the log network exposure of the account's other lines with the holder's (they share the home network); the other lines' exposure has the spread of population.coverageSpread and mean 1.",
    ).default(0.6),
    sharedExperienceWeight: nonNegative(
      "Dissatisfaction a problem (or a no-signal minute) on another line of the account adds to the holder's, as a share of what one of their own adds. 0 switches the mechanism off.",
    ).default(0.3),
    lineLeaveShare: fraction(
      "Daily chance that each extra line ports out on its own, as a share of the holder's current churn hazard (so it rises with the account's dissatisfaction). 0: lines leave only with their account.",
    ).default(0.5),
    followBoost: nonNegative(
      "Extra hazard of the account right after one of its lines ported out (1.5 = x2.5 on that day), fading linearly over accounts.followDays: the rest of the household follows to the competitor's family plan. 0 switches it off.",
    ).default(1.5),
    followDays: positive("Days over which the extra hazard after a line ported out fades.").default(60),
  },
);

export const responseSchema = section("How people answer a contact.", {
  affinityWeight: nonNegative("Log-odds per unit of latent category affinity.").default(0.8),
  needWeight: nonNegative("Log-odds per unit of observable need (allowance use, travel, contract end, ...).").default(1.6),
  priceWeight: nonNegative("Log-odds lost per unit of net price / ARPU at price sensitivity 1.").default(3),
  discountWeight: nonNegative("Log-odds gained per unit of discount / ARPU at price sensitivity 1.").default(4),
  problemContextPenalty: nonNegative("Log-odds lost by a commercial offer per network problem in the last 24 h.").default(0.45),
  overdueDevicePenalty: nonNegative("Log-odds lost by a device offer while payments are overdue.").default(2.5),
  annoyanceWeight: nonNegative("Log-odds lost per unit of annoyance.").default(0.8),
  inboundBoost: nonNegative("Log-odds gained when the customer is in touch (inbound).").default(1.2),
  declineShare: fraction("Share of non-accepting outbound answers that are explicit declines (rest ignore).").default(0.25),
  complaintBase: fraction("Complaint probability of a contact at zero annoyance.").default(0.002),
  complaintPerAnnoyance: nonNegative("Complaint probability added per unit of annoyance.").default(0.01),
  optOutBase: fraction("Opt-out probability of an outbound contact at zero annoyance.").default(0.003),
  optOutPerAnnoyance: nonNegative("Opt-out probability added per unit of annoyance.").default(0.015),
  channelPreferenceWeight: nonNegative("Log-odds per unit of the person's latent preference for the contact's outbound channel.").default(1),
  priorityDissatisfactionFactor: fraction(
    "Share of the usual dissatisfaction that network problems and bill shocks add while the customer has priority service (an offer's priorityDays): problems are handled first and explained.",
  ).default(0.5),
  lostCauseAcceptFactor: fraction("Lost causes accept retention offers at this share of the usual rate.").default(0.3),
  retentionEffectByType: perKey(
    RESPONSE_TYPES,
    (type) => fraction(`Share of an offer's retention effect that works on ${type} subscribers.`).default({ persuadable: 1, sureThing: 0.3, lostCause: 0.05, sleepingDog: 0.5 }[type]),
    "How much a retention offer lowers the hazard, by type (persuadables respond, lost causes do not).",
  ),
});

export const contactPolicySchema = section("Contact rules the engine enforces for every policy.", {
  maxContactsPerWeek: count("Outbound contacts per subscriber in any 7 days (at most 12: the history keeps 16 contacts).").max(12).default(2),
  maxContactsPerMonth: count("Outbound contacts per subscriber in any 30 days (at most 12).").max(12).default(6),
  maxOutboundCallsPerMonth: count("Outbound calls per subscriber in any 30 days.").default(1),
  ignoredLimit: count("Ignored contacts within ignoredWindowDays that trigger a hold (0: no rule).").default(2),
  ignoredWindowDays: count("Window for the ignored-contacts rule.").default(30),
  holdDays: count("Days of no outbound contact after the ignored rule fires.").default(60),
  quietDaysAfterComplaint: count("Days of no outbound contact after a complaint.").default(30),
});

export const channelsSchema = perKey(
  ["sms", "email", "outbound-call", "app-push", "inbound"] as const,
  (channel) =>
    nonNegative(`Cost of one ${channel} contact.`).default({ sms: 0.03, email: 0.005, "outbound-call": 3, "app-push": 0.002, inbound: 0.4 }[channel]),
  "Cost per contact by channel (an outbound call costs far more than an SMS).",
);

/** The currency of a scenario that names none (economics.currency). */
export const DEFAULT_CURRENCY = "USD";

export const economicsSchema = section("Money.", {
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code of three capital letters, such as EUR or GBP")
    .default(DEFAULT_CURRENCY)
    .describe("ISO 4217 code of every amount (EUR, GBP, JPY, ...), shown on every money axis, table header and summary sentence of the reports."),
  marginShare: fraction("Gross margin as a share of revenue (for CLV).").default(0.6),
  annualDiscountRate: nonNegative("Discount rate for CLV.").default(0.1),
  clvHorizonMonths: positive("Months after the horizon over which a remaining customer's value is counted (the simulated tail, then the annuity).").default(60),
  tailMonths: z
    .number()
    .int()
    .min(0)
    .max(120)
    .default(24)
    .describe(
      "Months the world runs on after the horizon under no contact (the value tail): bills, churn, expiring effects and decaying levels go on, nobody is contacted and nobody joins. Its money is counted apart from the run's (tailRevenue, tailValue); only the value left after it is annuitised, over clvHorizonMonths - tailMonths. 0: no tail, the value is annuitised at the horizon.",
    ),
  budgets: z
    .partialRecord(z.enum(PROGRAMS), z.number().min(0))
    .default({})
    .describe("Spending cap per program over the run (offer cost + contact cost); offers stop when reached."),
});
